using AngleSharp.Dom;

namespace NewsGraph.Core.Readers.Html;

/// <summary>The article body found in a page: its paragraphs in order, and the captions beside it.</summary>
public sealed record ExtractedContent(IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Captions, IElement? Container, string? Headline);

/// <summary>
/// Finds the element holding the article body and takes its text. Every block of text counts
/// for the elements around it: prose (long, punctuated, few links, outside the furniture) for,
/// everything else — menus, link lists, share bars, comment threads — against. The body is the
/// element where prose most outweighs the rest; schema.org's articleBody and the body words
/// sites share in class names ("article-body", "entry-content") tip close calls.
/// </summary>
public static class MainContent
{
    /// <summary>How much a character of non-prose costs against a character of prose.</summary>
    public const double FurniturePenalty = 1.0;
    /// <summary>Link text outside the furniture: a menu costs, a linked name in a paragraph barely does.</summary>
    public const double LinkPenalty = 0.5;
    /// <summary>Short plain text (dates, labels, table cells, list items) may be body or not.</summary>
    public const double ShortTextPenalty = 0.25;

    public static ExtractedContent Extract(IElement root)
    {
        var built = BlockBuilder.Build(root);
        var blocks = built.Blocks;
        MarkFurniture(blocks, root);
        var stats = new Dictionary<IElement, Tally>(ReferenceEqualityComparer.Instance);
        foreach (var block in blocks)
        {
            bool prose = !block.Furniture && block.IsProse;
            double good = prose ? block.Text.Length - block.LinkChars : 0;
            double bad = block.Furniture ? block.Text.Length
                : prose ? block.LinkChars * LinkPenalty
                : block.LinkChars * LinkPenalty + (block.Kind == BlockKind.Cell ? 0 : (block.Text.Length - block.LinkChars) * ShortTextPenalty);
            for (var e = block.Owner; e is not null; e = e.ParentElement)
            {
                ref var t = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(stats, e, out _);
                t.Good += good;
                t.Bad += bad;
                if (prose) t.ProseBlocks++;
                if (ReferenceEquals(e, root)) break;
            }
        }

        IElement? best = null;
        double bestScore = double.MinValue;
        foreach (var (element, t) in stats)
        {
            if (t.ProseBlocks == 0) continue;
            double score = t.Good - FurniturePenalty * t.Bad;
            if (IsMarkedBody(element)) score += Math.Min(t.Good, 500) * 0.5;
            if (score > bestScore)
            {
                bestScore = score;
                best = element;
            }
        }

        var paragraphs = new List<string>();
        var captions = new List<string>();
        if (best is null) return new ExtractedContent(paragraphs, captions, null, null);

        var kept = new List<TextBlock>();
        foreach (var block in blocks)
        {
            if (!IsInside(block.Owner, best)) continue;
            if (block.Furniture) continue;
            if (!Keep(block)) continue;
            kept.Add(block);
        }
        TrimEdges(kept);
        foreach (var block in kept) paragraphs.Add(block.Text);
        foreach (var (owner, text) in built.Captions)
            // Scrapers and templates repeat a caption once per image size; ad slots label themselves as captions.
            if ((IsInside(owner, best) || IsNear(owner, best)) && !Boilerplate.IsMarker(text) && !captions.Contains(text)) captions.Add(text);
        // The page's own h1 near the body, for pages whose metadata names no headline.
        var headline = blocks.FirstOrDefault(b => b.Kind == BlockKind.Headline && !b.Furniture && IsInside(b.Owner, best.ParentElement ?? best))?.Text;
        return new ExtractedContent(paragraphs, captions, best, headline);
    }

    /// <summary>Share of the page's prose above which a furniture mark is taken to be wrong (a "paywall" class on the article's wrapper).</summary>
    public const double OverrideShare = 0.6;

    /// <summary>
    /// Marks blocks inside furniture. A mark on an element that holds most of the page's prose
    /// is overruled: sites put words like "paywall" or "has-comments" on the article's own
    /// wrappers. Comment threads and consent banners stay furniture whatever their size.
    /// </summary>
    private static void MarkFurniture(List<TextBlock> blocks, IElement root)
    {
        var chars = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        foreach (var block in blocks)
            for (var e = block.Owner; e is not null; e = e.ParentElement)
            {
                chars[e] = chars.GetValueOrDefault(e) + block.Text.Length;
                if (ReferenceEquals(e, root)) break;
            }
        MarkTeasers(blocks, chars, root);

        var prose = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        long total = 0;
        foreach (var block in blocks)
        {
            if (!block.IsProse) continue;
            total += block.Text.Length;
            for (var e = block.Owner; e is not null; e = e.ParentElement)
            {
                prose[e] = prose.GetValueOrDefault(e) + block.Text.Length;
                if (ReferenceEquals(e, root)) break;
            }
        }
        var marks = new Dictionary<IElement, bool>(ReferenceEqualityComparer.Instance);
        foreach (var block in blocks)
        {
            for (var e = block.Owner; e is not null && !ReferenceEquals(e, root); e = e.ParentElement)
            {
                if (!marks.TryGetValue(e, out var furniture))
                {
                    var (marked, strong) = BlockBuilder.FurnitureMark(e);
                    furniture = marked && (strong || prose.GetValueOrDefault(e) < OverrideShare * total || total == 0);
                    marks[e] = furniture;
                }
                if (furniture) { block.Furniture = true; break; }
            }
        }
    }

    /// <summary>
    /// Listings of other stories look like prose: each item is a linked headline and a sentence
    /// or two of summary. What gives them away is the box: headline and summary share a small
    /// element holding nothing else. A paragraph after a "Read more" link inside the article
    /// shares the article's element, which holds far more.
    /// </summary>
    private static void MarkTeasers(List<TextBlock> blocks, Dictionary<IElement, int> chars, IElement root)
    {
        for (int i = 1; i < blocks.Count; i++)
        {
            var dek = blocks[i];
            var headline = blocks[i - 1];
            if (headline.LinkDensity < 0.8 || headline.Text.Length < 10 || dek.Text.Length > 600) continue;
            var box = CommonAncestor(headline.Owner, dek.Owner, 4);
            if (box is null || ReferenceEquals(box, root)) continue;
            if (chars.GetValueOrDefault(box) <= headline.Text.Length + dek.Text.Length + 150) dek.Teaser = true;
        }
    }

    /// <summary>The nearest element holding both, if it is at most <paramref name="maxUp"/> levels above <paramref name="b"/>.</summary>
    private static IElement? CommonAncestor(IElement a, IElement b, int maxUp)
    {
        var e = b;
        for (int up = 0; up <= maxUp && e is not null; up++, e = e.ParentElement)
            if (IsInside(a, e)) return e;
        return null;
    }

    /// <summary>How many lines at each end of the body are checked for promos and sign-offs.</summary>
    public const int EdgeLines = 3;

    private static void TrimEdges(List<TextBlock> kept)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            // From the end: sign-offs and promos stack up under the story.
            int checkedLines = 0;
            for (int i = kept.Count - 1; i >= 0 && checkedLines < EdgeLines; i--, checkedLines++)
                if (Boilerplate.IsEdgePromo(kept[i].Text)) { kept.RemoveAt(i); checkedLines--; }
            checkedLines = 0;
            for (int i = 0; i < kept.Count && checkedLines < EdgeLines; checkedLines++)
            {
                if (Boilerplate.IsEdgePromo(kept[i].Text)) kept.RemoveAt(i);
                else i++;
            }
        }
    }

    private static bool Keep(TextBlock block)
    {
        if (block.Kind == BlockKind.Headline) return false;
        if (Boilerplate.IsMarker(block.Text)) return false;
        // A line that is only a date, or only a byline, is the article's metadata, not its text.
        if (block.Text.Length < 90 && NewsGraph.Core.Text.DateLine.TryParse(block.Text, out _)) return false;
        if (Boilerplate.IsByline(block.Text)) return false;
        if (block.LinkDensity > 0.5 && !block.IsProse && !IsLinkedProse(block)) return false;
        return true;
    }

    /// <summary>
    /// A long paragraph or list item dense with links inside the body is still text: a story
    /// that links every name, a round-up whose items open with a linked sentence. Menus and
    /// link lists are short items.
    /// </summary>
    private static bool IsLinkedProse(TextBlock block) =>
        block.Kind is BlockKind.Paragraph or BlockKind.ListItem && block.Text.Length >= 120 && block.LinkDensity < 0.75;

    private static bool IsMarkedBody(IElement element)
    {
        var itemprop = element.GetAttribute("itemprop");
        if (itemprop is not null && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase)) return true;
        return ClassVocabulary.Judge(element.GetAttribute("class"), element.Id).Body;
    }

    internal static bool IsInside(IElement element, IElement container)
    {
        for (var e = element; e is not null; e = e.ParentElement)
            if (ReferenceEquals(e, container)) return true;
        return false;
    }

    /// <summary>A figure just outside the body (a lead image above it) still illustrates the article.</summary>
    private static bool IsNear(IElement element, IElement container)
    {
        var parent = container.ParentElement;
        return parent is not null && IsInside(element, parent);
    }

    private struct Tally
    {
        public double Good;
        public double Bad;
        public int ProseBlocks;
    }
}
