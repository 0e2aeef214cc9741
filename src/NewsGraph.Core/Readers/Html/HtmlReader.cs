using System.Text;
using AngleSharp.Html.Parser;
using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Readers.Html;

/// <summary>
/// Reads a news page's HTML: decodes it (<see cref="HtmlDecoding"/>), parses it with a real
/// HTML5 parser, finds the article body (<see cref="MainContent"/>) and the page's metadata
/// (<see cref="PageMetadata"/>), and yields one article. Size and nesting are bounded before
/// parsing, so a huge or hostile page costs bounded time and memory.
/// </summary>
public sealed class HtmlReader : IFormatReader
{
    /// <summary>Pages are read up to this many bytes; real article pages are well under 5 MB.</summary>
    public const int MaxPageBytes = 8 << 20;

    public InputFormat Format => InputFormat.Html;

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input)
    {
        var (bytes, length, truncated) = ReadBounded(input.Stream, MaxPageBytes);
        return Read(source, new ReadOnlyMemory<byte>(bytes, 0, length), truncated);
    }

    /// <summary>
    /// Reads a page already in memory (a WARC response body, a fetched page); the source's
    /// Url, Date and ContentType (for its charset) are used when the page does not say better.
    /// </summary>
    public IEnumerable<ReadResult> Read(InputSource source, ReadOnlyMemory<byte> page, bool truncated = false)
    {
        if (page.Length > MaxPageBytes)
        {
            page = page[..MaxPageBytes];
            truncated = true;
        }
        var decoded = HtmlDecoding.Decode(page.Span, source.ContentType);
        var (html, dropped) = MarkupDepthGuard.Bound(decoded.Html);
        var result = Extract(source, html);
        yield return result;
        if (result.Article is null) yield break;
        if (truncated)
            yield return ReadResult.Fail(new ReadProblem(source.Name, $"page over {MaxPageBytes / (1 << 20)} MB; only the first {MaxPageBytes / (1 << 20)} MB were read", IsFatal: false));
        if (dropped > 0)
            yield return ReadResult.Fail(new ReadProblem(source.Name, $"markup nested over {MarkupDepthGuard.MaxDepth} levels deep; {dropped:N0} tag(s) past that ignored", IsFatal: false));
        if (decoded.FellBack)
            yield return ReadResult.Fail(new ReadProblem(source.Name, "no charset declared and not valid UTF-8; read as Windows-1252", IsFatal: false));
        else if (decoded.InvalidSequences > 0)
            yield return ReadResult.Fail(new ReadProblem(source.Name, $"{decoded.InvalidSequences} invalid UTF-8 byte sequence(s) replaced with U+FFFD", IsFatal: false));
    }

    /// <summary>Extracts the article from decoded HTML.</summary>
    public static ReadResult Extract(InputSource source, string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false });
        using var document = parser.ParseDocument(html);
        var metadata = PageMetadata.Read(document, source.Url);
        var root = document.Body ?? document.DocumentElement;
        if (root is null)
            return ReadResult.Fail(new ReadProblem(source.Name, "no article text found in the page (it has no body)"));
        var content = MainContent.Extract(root);
        if (content.Paragraphs.Count == 0)
            return ReadResult.Fail(new ReadProblem(source.Name, "no article text found in the page (only menus, links or short fragments)"));

        var headline = metadata.Headline ?? content.Headline ?? "";
        var paragraphs = WithoutHeadline(content.Paragraphs, headline);
        if (paragraphs.Count == 0)
            return ReadResult.Fail(new ReadProblem(source.Name, "no article text found in the page (only a headline)"));
        var text = new StringBuilder();
        var spans = new List<Span>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            if (text.Length > 0) text.Append("\n\n");
            spans.Add(new Span(text.Length, text.Length + paragraph.Length));
            text.Append(paragraph);
        }
        var article = new Article(text.ToString(), headline)
        {
            Source = source.Name,
            Url = metadata.CanonicalUrl ?? source.Url,
            Date = metadata.Published ?? PageMetadata.DateFromUrl(source.Url) ?? PageMetadata.NormaliseDate(source.Date),
            Language = metadata.Language,
        };
        article.Paragraphs.AddRange(spans);
        article.Authors.AddRange(metadata.Authors);
        article.Captions.AddRange(content.Captions);
        return ReadResult.Of(article);
    }

    /// <summary>Pages without an h1 often print the headline as the body's first line; it is the title, not text.</summary>
    private static List<string> WithoutHeadline(IReadOnlyList<string> paragraphs, string headline)
    {
        var kept = paragraphs.ToList();
        if (headline.Length == 0) return kept;
        for (int i = 0; i < Math.Min(3, kept.Count); i++)
            if (string.Equals(PageMetadata.Clean(kept[i]), PageMetadata.Clean(headline), StringComparison.OrdinalIgnoreCase))
            {
                kept.RemoveAt(i);
                break;
            }
        return kept;
    }

    private static (byte[] Buffer, int Length, bool Truncated) ReadBounded(Stream stream, int max)
    {
        var buffer = new byte[64 << 10];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= max)
                {
                    // Probe for one more byte: a page of exactly max bytes is not truncated.
                    int extra = stream.ReadByte();
                    return (buffer, length, extra >= 0);
                }
                Array.Resize(ref buffer, Math.Min(max, buffer.Length * 2));
            }
            int read = stream.Read(buffer, length, buffer.Length - length);
            if (read <= 0) return (buffer, length, false);
            length += read;
        }
    }
}
