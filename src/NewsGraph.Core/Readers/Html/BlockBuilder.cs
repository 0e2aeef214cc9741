using System.Text;
using AngleSharp.Dom;

namespace NewsGraph.Core.Readers.Html;

/// <summary>
/// Walks a parsed page once and cuts its visible text into <see cref="TextBlock"/>s at block
/// boundaries, noting for each block whether the page's structure marks it as furniture
/// (navigation, share bars, comments, ads, cookie banners...) and collecting image captions
/// apart. Text is whitespace-collapsed as a browser renders it.
/// </summary>
internal sealed class BlockBuilder
{
    /// <summary>Elements whose content is never shown as text.</summary>
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed", "video", "audio",
        "source", "track", "map", "input", "button", "select", "option", "textarea", "head", "title", "meta", "link", "base", "img", "picture", "dialog",
    };

    /// <summary>Elements that are page furniture by their very tag.</summary>
    private static readonly HashSet<string> FurnitureTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "footer", "header", "form", "menu", "label", "fieldset", "legend",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt", "figure", "figcaption", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "thead", "tfoot", "tr", "ul", "aside", "caption", "fieldset", "legend", "menu", "listing", "xmp", "plaintext", "noframes", "option", "html",
    };

    public readonly List<TextBlock> Blocks = new();
    /// <summary>Caption text with the element that holds it, in document order.</summary>
    public readonly List<(IElement Owner, string Text)> Captions = new();

    private readonly StringBuilder _text = new();
    private int _linkChars;
    private bool _pendingSpace;
    private readonly Stack<IElement> _owners = new();

    public static BlockBuilder Build(IElement root)
    {
        var builder = new BlockBuilder();
        builder._owners.Push(root);
        builder.Walk(root, new Context(false, false, 0));
        builder.Flush();
        return builder;
    }

    private const int MaxWalkDepth = 1024;

    private readonly record struct Context(bool Link, bool Pre, int Depth);

    private void Walk(INode node, Context context)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                Append(text.Data, context);
                continue;
            }
            if (child is not IElement element) continue;
            var tag = element.LocalName;
            if (Invisible.Contains(tag)) continue;
            if (IsHidden(element)) continue;
            if (tag == "br")
            {
                LineBreak();
                continue;
            }
            // The parser and MarkupDepthGuard already bound nesting; this keeps the walk's stack bounded on its own.
            if (context.Depth >= MaxWalkDepth) continue;
            var inner = context with { Depth = context.Depth + 1 };
            if (HasHidingClass(element)) continue;
            if (tag is "a") inner = inner with { Link = true };
            if (tag is "pre" or "xmp" or "listing") inner = inner with { Pre = true };
            bool caption = tag is "figcaption" || IsCaption(element) || IsMediaFigure(element);
            if (caption)
            {
                Flush();
                var captionText = CollectCaption(element);
                if (captionText.Length > 0) Captions.Add((element, captionText));
                continue;
            }
            if (tag is "td" or "th" && _text.Length > 0 && _text[^1] != ' ') _pendingSpace = true;
            if (BlockTags.Contains(tag))
            {
                Flush();
                _owners.Push(element);
                Walk(element, inner);
                Flush();
                _owners.Pop();
            }
            else
            {
                Walk(element, inner);
            }
        }
    }

    private void Append(string data, Context context)
    {
        foreach (var c in data)
        {
            // In preformatted text a line break is a line break, and a blank line a paragraph break.
            if (context.Pre && c == '\n')
            {
                LineBreak();
                continue;
            }
            // No-break spaces collapse too: pages use runs of them for layout.
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0')
            {
                if (_text.Length > 0) _pendingSpace = true;
                continue;
            }
            if (c is '\u200B' or '\uFEFF' or '\u00AD') continue;
            if (_pendingSpace)
            {
                if (_text[^1] != '\n')
                {
                    _text.Append(' ');
                    if (context.Link) _linkChars++;
                }
                _pendingSpace = false;
            }
            _text.Append(c);
            if (context.Link) _linkChars++;
        }
    }

    private bool HasWords()
    {
        for (int i = 0; i < _text.Length; i++) if (char.IsLetterOrDigit(_text[i])) return true;
        return false;
    }

    private void LineBreak()
    {
        if (_text.Length == 0) return;
        // Two line breaks in a row end a paragraph, as they do on the screen.
        if (_text[^1] == '\n')
        {
            _text.Length--;
            Flush();
            return;
        }
        _text.Append('\n');
        _pendingSpace = false;
    }

    private void Flush()
    {
        while (_text.Length > 0 && _text[^1] is ' ' or '\n') _text.Length--;
        if (_text.Length > 0 && HasWords())
        {
            var owner = _owners.Peek();
            Blocks.Add(new TextBlock(owner, _text.ToString(), Math.Min(_linkChars, _text.Length), KindOf(owner), Blocks.Count));
        }
        _text.Clear();
        _linkChars = 0;
        _pendingSpace = false;
    }

    private static BlockKind KindOf(IElement owner) => owner.LocalName switch
    {
        "p" => BlockKind.Paragraph,
        "h1" => BlockKind.Headline,
        "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dd" or "dt" => BlockKind.ListItem,
        "blockquote" => BlockKind.Quote,
        "pre" or "xmp" or "listing" => BlockKind.Preformatted,
        "tr" => BlockKind.Cell,
        "figcaption" => BlockKind.Caption,
        _ => BlockKind.Other,
    };

    internal static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden")) return true;
        var style = element.GetAttribute("style");
        if (style is not null && style.Length < 2000)
        {
            var s = style.AsSpan();
            if (ContainsCss(s, "display", "none") || ContainsCss(s, "visibility", "hidden")) return true;
        }
        return false;
    }

    /// <summary>A cheap test first: most elements have no class that could hide them.</summary>
    private static bool HasHidingClass(IElement element)
    {
        var cls = element.GetAttribute("class");
        if (cls is null || (cls.IndexOf("hid", StringComparison.OrdinalIgnoreCase) < 0 && cls.IndexOf("only", StringComparison.OrdinalIgnoreCase) < 0
            && cls.IndexOf("invisible", StringComparison.OrdinalIgnoreCase) < 0 && cls.IndexOf("offscreen", StringComparison.OrdinalIgnoreCase) < 0
            && cls.IndexOf("screen-reader", StringComparison.OrdinalIgnoreCase) < 0)) return false;
        return ClassVocabulary.Judge(cls, null).Hidden;
    }

    private static bool ContainsCss(ReadOnlySpan<char> style, string property, string value)
    {
        int i = style.IndexOf(property, StringComparison.OrdinalIgnoreCase);
        if (i < 0) return false;
        var rest = style[(i + property.Length)..].TrimStart();
        if (rest.IsEmpty || rest[0] != ':') return false;
        return rest[1..].TrimStart().StartsWith(value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Marked as furniture by its tag, ARIA role or class words. A block's role is decided by its
    /// block-level ancestors: a byline link styled "author" inside a paragraph stays in it.
    /// </summary>
    internal static (bool Marked, bool Strong) FurnitureMark(IElement element)
    {
        var verdict = ClassVocabulary.Judge(element.GetAttribute("class"), element.Id);
        if (verdict.Furniture) return (true, verdict.Strong);
        return (FurnitureTags.Contains(element.LocalName) || IsFurnitureRole(element), false);
    }

    private static bool IsFurnitureRole(IElement element)
    {
        var role = element.GetAttribute("role");
        if (role is null) return false;
        return role is "navigation" or "banner" or "contentinfo" or "complementary" or "dialog" or "alertdialog" or "menu" or "menubar" or "search" or "alert" or "toolbar";
    }

    /// <summary>
    /// A figure holding a picture or video: everything in it (caption, credit, "Photo:") is
    /// about the image. Figures that hold a quote, a table or an embedded post stay in the text.
    /// </summary>
    private static bool IsMediaFigure(IElement element) =>
        element.LocalName == "figure" && element.QuerySelector("img, picture, video, svg, iframe") is not null
        && element.QuerySelector("blockquote, table, p") is null;

    private static bool IsCaption(IElement element)
    {
        if (element.GetAttribute("itemprop") is "caption" or "description" && element.ParentElement?.GetAttribute("itemprop") is "image" or "associatedMedia") return true;
        var cls = element.GetAttribute("class");
        return cls is not null && cls.Contains("caption", StringComparison.OrdinalIgnoreCase) && cls.Length < 200;
    }

    private static string CollectCaption(IElement element)
    {
        var sb = new StringBuilder();
        bool space = false;
        Collect(element, sb, ref space, 0);
        return sb.ToString().Trim();

        static void Collect(INode node, StringBuilder sb, ref bool space, int depth)
        {
            if (depth > 64) return;
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    foreach (var c in t.Data)
                    {
                        if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
                        if (space) { sb.Append(' '); space = false; }
                        sb.Append(c);
                    }
                }
                else if (child is IElement e && !Invisible.Contains(e.LocalName) && !IsHidden(e))
                {
                    if (e.LocalName == "br" || BlockTags.Contains(e.LocalName)) space = sb.Length > 0;
                    Collect(e, sb, ref space, depth + 1);
                }
            }
        }
    }
}
