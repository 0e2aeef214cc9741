using System.Text;

namespace NewsGraph.Core.Readers.Html;

/// <summary>
/// Bounds how deeply a page's markup nests before it reaches the HTML parser. The HTML5 tree
/// builder scans its stack of open elements for many start tags, so tens of thousands of
/// unclosed &lt;div&gt; or &lt;font&gt; tags (a broken template, a hostile page) cost quadratic
/// time. Real pages nest a few dozen levels; past <see cref="MaxDepth"/>, start tags (and the end
/// tags that match them) are dropped and their text kept. Elements that close themselves
/// implicitly (p, li, td...) and void elements do not count, so sloppy but ordinary markup is
/// never touched. Pages within the bound are returned as they are, without a copy.
/// </summary>
public static class MarkupDepthGuard
{
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound", "isindex", "image",
        // end tag optional: the parser closes them itself
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt", "rtc", "rp",
        "html", "head", "body",
    };

    /// <summary>Elements whose content is raw text: a '&lt;' inside them is not a tag.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>Returns the page with nesting bounded, and how many tags were dropped.</summary>
    public static (string Html, int Dropped) Bound(string html, int maxDepth = MaxDepth)
    {
        if (!Exceeds(html, maxDepth)) return (html, 0);
        var output = new StringBuilder(html.Length);
        int dropped = Scan(html, maxDepth, output);
        return (output.ToString(), dropped);
    }

    private static bool Exceeds(string html, int maxDepth) => Scan(html, maxDepth, null) > 0;

    /// <summary>One pass over the tags; with <paramref name="output"/> null it stops at the first tag that would be dropped.</summary>
    private static int Scan(string html, int maxDepth, StringBuilder? output)
    {
        var text = html.AsSpan();
        int depth = 0, excess = 0, dropped = 0, copiedUpTo = 0, i = 0;
        while (i < text.Length)
        {
            int lt = text[i..].IndexOf('<');
            if (lt < 0) break;
            i += lt;
            var rest = text[i..];
            if (rest.StartsWith("<!--"))
            {
                int close = rest.IndexOf("-->");
                i = close < 0 ? text.Length : i + close + 3;
                continue;
            }
            if (rest.Length < 2) break;
            bool end = rest[1] == '/';
            int nameStart = end ? 2 : 1;
            if (nameStart >= rest.Length || !char.IsAsciiLetter(rest[nameStart]))
            {
                i++;
                continue;
            }
            int nameEnd = nameStart;
            while (nameEnd < rest.Length && (char.IsAsciiLetterOrDigit(rest[nameEnd]) || rest[nameEnd] is '-' or ':')) nameEnd++;
            var name = rest[nameStart..nameEnd].ToString();
            int gt = TagEnd(rest, nameEnd);
            int tagLength = gt < 0 ? rest.Length : gt + 1;
            bool selfClosing = gt > 0 && rest[gt - 1] == '/';
            bool rawText = !end && RawText.Contains(name);
            // Raw-text elements are never dropped: their script or style text would become page text.
            bool counted = !Uncounted.Contains(name) && !selfClosing && !RawText.Contains(name);

            bool drop = false;
            if (counted && !end)
            {
                if (depth >= maxDepth) { drop = true; excess++; }
                else depth++;
            }
            else if (counted && end)
            {
                if (excess > 0) { drop = true; excess--; }
                else if (depth > 0) depth--;
            }
            if (drop)
            {
                if (output is null) return 1;
                output.Append(text[copiedUpTo..i]);
                copiedUpTo = i + tagLength;
                dropped++;
            }
            i += tagLength;
            if (rawText && !selfClosing)
            {
                // Skip to the matching end tag: script text is not markup.
                int close = IndexOfEndTag(text, i, name);
                i = close < 0 ? text.Length : SkipTag(text, close);
            }
        }
        if (output is not null) output.Append(text[copiedUpTo..]);
        return dropped;
    }

    private static int TagEnd(ReadOnlySpan<char> tag, int from)
    {
        char quote = '\0';
        for (int k = from; k < tag.Length; k++)
        {
            char c = tag[k];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return k;
        }
        return -1;
    }

    private static int IndexOfEndTag(ReadOnlySpan<char> text, int from, string name)
    {
        int i = from;
        while (i < text.Length)
        {
            int k = text[i..].IndexOf("</");
            if (k < 0) return -1;
            i += k;
            var candidate = text[(i + 2)..];
            if (candidate.Length >= name.Length && candidate[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase)) return i;
            i += 2;
        }
        return -1;
    }

    private static int SkipTag(ReadOnlySpan<char> text, int at)
    {
        int gt = text[at..].IndexOf('>');
        return gt < 0 ? text.Length : at + gt + 1;
    }
}
