using AngleSharp.Dom;

namespace NewsGraph.Core.Readers.Html;

/// <summary>What kind of block-level element holds a run of text.</summary>
public enum BlockKind { Paragraph, Heading, Headline, ListItem, Quote, Preformatted, Cell, Caption, Other }

/// <summary>
/// A run of text between block boundaries (a paragraph, a heading, a list item, the text of a
/// div between two child divs), with what the page's structure says about it.
/// </summary>
public sealed class TextBlock(IElement owner, string text, int linkChars, BlockKind kind, int order)
{
    /// <summary>The nearest block-level element holding the text.</summary>
    public IElement Owner { get; } = owner;
    public string Text { get; } = text;
    /// <summary>Characters of <see cref="Text"/> that are inside links.</summary>
    public int LinkChars { get; } = linkChars;
    public BlockKind Kind { get; } = kind;
    /// <summary>Inside navigation, a share bar, comments or another part of the page's furniture.</summary>
    public bool Furniture { get; internal set; }
    /// <summary>Position in document order.</summary>
    public int Order { get; } = order;

    /// <summary>The dek of a teaser: a headline link, then a line of text, in a small box of their own.</summary>
    public bool Teaser { get; internal set; }

    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;

    /// <summary>Reads like running prose: long enough, few links, with sentence punctuation.</summary>
    public bool IsProse
    {
        get
        {
            if (Teaser || Kind is BlockKind.Heading or BlockKind.Headline or BlockKind.Caption) return false;
            if (Text.Length < 60 || LinkDensity > 0.5) return false;
            int marks = 0;
            foreach (var c in Text)
                if (c is '.' or ',' or '!' or '?' or ';' or ':' or '。' or '،' or '、' or '…') marks++;
            return marks > 0 || Text.Length > 140;
        }
    }
}
