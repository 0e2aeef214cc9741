using System.Security.Cryptography;
using System.Text;

namespace NewsGraph.Core.Documents;

/// <summary>
/// One news article. <see cref="Text"/> is the only copy of its words; every annotation
/// (sentence, token, entity, quote, amount, date, event) is a span into it.
/// </summary>
public sealed class Article
{
    public Article(string text, string title = "")
    {
        Text = text;
        Title = title;
    }

    /// <summary>The cleaned body text: paragraphs separated by blank lines ("\n\n").</summary>
    public string Text { get; }
    public string Title { get; }

    /// <summary>Where the article came from: a file path, a URL, or "-" for standard input.</summary>
    public string Source { get; set; } = "";
    public string? Url { get; set; }
    /// <summary>When the article was published, if the input says so (ISO 8601).</summary>
    public string? Date { get; set; }
    /// <summary>When the page holding the article was shown (the date line of a page dump); not the article's date.</summary>
    public string? PageDate { get; set; }
    public string? Language { get; set; }
    public List<string> Authors { get; } = new();
    /// <summary>Image captions and alt-text lines, set aside from the body text.</summary>
    public List<string> Captions { get; } = new();

    /// <summary>Paragraph spans: the blocks of <see cref="Text"/> separated by blank lines.</summary>
    public List<Span> Paragraphs { get; } = new();
    public List<Span> Sentences { get; } = new();
    public List<Token> Tokens { get; } = new();
    public List<EntityMention> Entities { get; } = new();
    public List<Quote> Quotes { get; } = new();
    public List<Amount> Amounts { get; } = new();
    public List<DateMention> Dates { get; } = new();
    public List<Event> Events { get; } = new();
    public List<CasualtyCount> Counts { get; } = new();
    public List<ThemeAssignment> Themes { get; } = new();
    /// <summary>The whole article's tone; null until the tone stage runs.</summary>
    public Tone? Tone { get; set; }
    /// <summary>One tone per sentence, in the order of <see cref="Sentences"/> (filled by the tone stage).</summary>
    public List<Tone> SentenceTones { get; } = new();

    private string? _id;

    /// <summary>
    /// A stable id derived from the content alone (headline and text), so the same article
    /// read twice, from any file or format, gets the same id and is stored once.
    /// </summary>
    public string Id => _id ??= ComputeId(Title, Text);

    public string Slice(Span span) => Text.Substring(span.Start, span.Length);
    public ReadOnlySpan<char> View(Span span) => Text.AsSpan(span.Start, span.Length);

    public static string ComputeId(string title, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(title.Trim() + "\n" + text.Trim());
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
