using System.Net;
using System.Text;

namespace NewsGraph.Core.Readers.Feeds;

/// <summary>
/// Plain text from the markup inside a feed: titles and bylines ("Q&amp;amp;A: &lt;em&gt;Budget&lt;/em&gt;"),
/// and item bodies when no HTML reader is at hand. A feed item's content is the article the
/// publisher chose to send, not a page with menus around it, so this only removes markup: it
/// keeps block boundaries as paragraphs, drops scripts and styles, decodes entities, and sets
/// figure captions aside. Finding the article inside a whole page is the HTML reader's job.
/// </summary>
public static class MarkupText
{
    /// <summary>Elements whose content is never article text.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "template", "iframe", "object", "svg", "math", "head", "title", "select", "button", "form" };

    /// <summary>Elements that end a paragraph.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "table", "tr", "td", "th", "thead", "tbody", "figure", "figcaption", "section", "article", "header", "footer",
        "aside", "nav", "hr", "address", "details", "summary", "main", "caption",
    };

    /// <summary>One line of plain text: for titles and names.</summary>
    public static string ToLine(string value, FeedTextKind kind)
    {
        var text = kind == FeedTextKind.Html ? string.Join(' ', ToParagraphs(value, kind, null)) : Collapse(value);
        return text;
    }

    /// <summary>The paragraphs of a feed text; figure captions go to <paramref name="captions"/> when given.</summary>
    public static List<string> ToParagraphs(string value, FeedTextKind kind, List<string>? captions)
    {
        var paragraphs = new List<string>();
        if (kind == FeedTextKind.Text)
        {
            foreach (var block in SplitPlain(value)) AddParagraph(paragraphs, block);
            return paragraphs;
        }
        var current = new StringBuilder();
        var caption = new StringBuilder();
        int figcaptionDepth = 0;
        var s = value.AsSpan();
        int i = 0;
        while (i < s.Length)
        {
            int lt = s[i..].IndexOf('<');
            int textEnd = lt < 0 ? s.Length : i + lt;
            if (textEnd > i) (figcaptionDepth > 0 ? caption : current).Append(s[i..textEnd]);
            if (lt < 0) break;
            i = textEnd;
            if (s[i..].StartsWith("<!--"))
            {
                int close = s[i..].IndexOf("-->");
                i = close < 0 ? s.Length : i + close + 3;
                continue;
            }
            if (!TryReadTag(s, i, out int tagEnd, out var name, out bool closing, out bool selfClosing))
            {
                // A '<' that starts no tag ("profits < 5%") is text.
                (figcaptionDepth > 0 ? caption : current).Append('<');
                i++;
                continue;
            }
            i = tagEnd;
            if (!closing && !selfClosing && Hidden.Contains(name))
            {
                i = SkipPast(s, i, name);
                continue;
            }
            if (name.Equals("figcaption", StringComparison.OrdinalIgnoreCase))
            {
                if (!closing) figcaptionDepth++;
                else if (figcaptionDepth > 0)
                {
                    figcaptionDepth--;
                    var text = Collapse(WebUtility.HtmlDecode(caption.ToString()));
                    if (text.Length > 0) captions?.Add(text);
                    caption.Clear();
                }
                continue;
            }
            if (figcaptionDepth == 0 && Blocks.Contains(name))
            {
                AddParagraph(paragraphs, WebUtility.HtmlDecode(current.ToString()));
                current.Clear();
            }
        }
        AddParagraph(paragraphs, WebUtility.HtmlDecode(current.ToString()));
        DropFeedFurniture(paragraphs);
        return paragraphs;
    }

    private static IEnumerable<string> SplitPlain(string value)
    {
        // Plain text marks paragraphs with blank lines when it has them, else with line breaks.
        var normalized = value.Replace("\r\n", "\n").Replace('\r', '\n');
        return normalized.Contains("\n\n") ? normalized.Split("\n\n") : normalized.Split('\n');
    }

    private static void AddParagraph(List<string> paragraphs, string raw)
    {
        var text = Collapse(raw);
        if (text.Length > 0) paragraphs.Add(text);
    }

    /// <summary>What blog engines and feed services append to every item: not the article.</summary>
    private static void DropFeedFurniture(List<string> paragraphs)
    {
        while (paragraphs.Count > 0)
        {
            var last = paragraphs[^1].TrimEnd('.', '…', ' ', '→', '»', ']', ')').TrimStart('[', '(');
            bool furniture =
                last.StartsWith("The post ", StringComparison.Ordinal) && last.Contains(" appeared first on ", StringComparison.Ordinal) ||
                last.Equals("Continue reading", StringComparison.OrdinalIgnoreCase) ||
                last.Equals("Read more", StringComparison.OrdinalIgnoreCase) ||
                last.Equals("Read the full story", StringComparison.OrdinalIgnoreCase) ||
                last.Equals("Read full article", StringComparison.OrdinalIgnoreCase) ||
                last.Length == 0;
            if (!furniture || paragraphs.Count == 1 && last.Length > 0) break;
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
    }

    /// <summary>Collapses runs of white space to one space and drops control characters (feeds carry stray ones).</summary>
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }
            if (char.IsControl(c) || c is '\u200B' or '\uFEFF') continue;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool TryReadTag(ReadOnlySpan<char> s, int at, out int end, out string name, out bool closing, out bool selfClosing)
    {
        end = at;
        name = "";
        closing = false;
        selfClosing = false;
        int i = at + 1;
        if (i < s.Length && s[i] == '/') { closing = true; i++; }
        if (i < s.Length && s[i] == '!' || i < s.Length && s[i] == '?')
        {
            int gt = s[i..].IndexOf('>');
            end = gt < 0 ? s.Length : i + gt + 1;
            return true;
        }
        int nameStart = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is ':' or '-')) i++;
        if (i == nameStart || !char.IsAsciiLetter(s[nameStart])) return false;
        name = s[nameStart..i].ToString();
        int colon = name.LastIndexOf(':');
        if (colon >= 0) name = name[(colon + 1)..];
        char quote = '\0';
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c == '>')
            {
                end = i + 1;
                selfClosing = s[i - 1] == '/';
                return true;
            }
        }
        end = s.Length;
        return true;
    }

    private static int SkipPast(ReadOnlySpan<char> s, int from, string name)
    {
        var closeTag = "</" + name;
        int at = s[from..].IndexOf(closeTag, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return s.Length;
        int gt = s[(from + at)..].IndexOf('>');
        return gt < 0 ? s.Length : from + at + gt + 1;
    }
}
