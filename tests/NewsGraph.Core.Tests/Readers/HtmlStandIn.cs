using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsGraph.Core.Readers;

namespace NewsGraph.Core.Tests.Readers;

/// <summary>
/// A test double for the HTML reader (written on its own branch): takes the &lt;title&gt; as the
/// headline and each &lt;p&gt; as a paragraph, and records what it was handed, so container
/// tests can check that pages reach the HTML reader with their address, date and charset.
/// Not a content extractor: it knows nothing of menus or boilerplate.
/// </summary>
public sealed partial class HtmlStandIn : IFormatReader
{
    public sealed record Seen(string Source, string? Url, string? Date, string? ContentType, string Html);

    public ConcurrentQueue<Seen> Pages { get; } = new();

    public InputFormat Format => InputFormat.Html;

    public static ArticleReader Reader(out HtmlStandIn standIn)
    {
        standIn = new HtmlStandIn();
        return ArticleReader.CreateDefault().With(standIn);
    }

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input)
    {
        var charset = MediaType.Parse(source.ContentType).Charset;
        using var decoded = DecodedText.Open(input, charset);
        var html = decoded.Reader.ReadToEnd();
        Pages.Enqueue(new Seen(source.Name, source.Url, source.Date, source.ContentType, html));
        var title = TitleTag().Match(html) is { Success: true } t ? Clean(t.Groups[1].Value) : "";
        var paragraphs = ParagraphTag().Matches(html).Select(m => Clean(m.Groups[1].Value)).Where(p => p.Length > 0).ToList();
        if (paragraphs.Count == 0)
        {
            yield return ReadResult.Fail(new ReadProblem(source.Name, "no article text found"));
            yield break;
        }
        var article = ArticleBuilder.FromParagraphs(title, paragraphs);
        article.Source = source.Name;
        article.Url = source.Url;
        article.Date = source.Date;
        yield return ReadResult.Of(article);
    }

    private static string Clean(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", "")), @"\s+", " ").Trim();

    [GeneratedRegex(@"<title>(.*?)</title>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TitleTag();

    [GeneratedRegex(@"<p[^>]*>(.*?)</p>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphTag();
}
