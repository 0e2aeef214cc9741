using System.Text;
using System.Text.Json;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers.Feeds;
using NewsGraph.Core.Readers.PageDump;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Readers.JsonLines;

/// <summary>
/// Reads JSON Lines exports: one object a line with any of "text", "html", "title", "url",
/// "date", "source" (and "authors"). With a "title", "text" is taken as the article body as it
/// stands; without one, "text" is read as a page dump, which finds the headline in it. "html"
/// (used when there is no "text") goes through the HTML reader. A bad line is reported with
/// its number and the rest goes on; a line longer than <see cref="MaxLineBytes"/> is skipped.
/// </summary>
public sealed class JsonLinesReader(int maxLineBytes = JsonLinesReader.DefaultMaxLineBytes) : IContainerReader
{
    /// <summary>A line holds one article, HTML included: 16 MB is far past any real page.</summary>
    public const int DefaultMaxLineBytes = 16 << 20;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32, AllowTrailingCommas = true };
    private static readonly PageDumpReader PageDump = new();

    public InputFormat Format => InputFormat.JsonLines;
    public int MaxLineBytes { get; } = maxLineBytes;

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input) =>
        Read(source, input, ArticleReader.CreateDefault());

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input, ArticleReader inner)
    {
        using var lines = new ByteLineReader(input.Stream, MaxLineBytes);
        var problems = new RecordProblems(source.Name);
        int objects = 0, articles = 0;
        ReadProblem? failure = null;
        while (true)
        {
            ReadOnlyMemory<byte> line;
            bool tooLong;
            try
            {
                if (!lines.TryRead(out line, out tooLong)) break;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                failure = new ReadProblem(source.Name, ArticleReader.Describe(e), $"line {lines.LineNumber + 1}");
                break;
            }
            var position = $"line {lines.LineNumber:N0}";
            if (tooLong)
            {
                if (problems.Add(position, $"line longer than {Size(MaxLineBytes)}; skipped") is { } p) yield return ReadResult.Fail(p);
                continue;
            }
            if (lines.LineNumber == 1 && line.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
            if (IsBlank(line.Span)) continue;
            objects++;
            foreach (var result in ReadLine(source, line, position, inner, problems))
            {
                if (result.Article is not null) articles++;
                if (result.Article is not null || result.Problem is not null) yield return result;
            }
        }
        if (failure is not null)
        {
            yield return ReadResult.Fail(failure);
            yield break;
        }
        if (problems.Summary() is { } summary) yield return ReadResult.Fail(summary);
        if (articles == 0 && objects > 0)
            yield return ReadResult.Fail(new ReadProblem(source.Name, $"none of the {objects:N0} JSON line{(objects == 1 ? "" : "s")} held an article"));
    }

    private IEnumerable<ReadResult> ReadLine(InputSource source, ReadOnlyMemory<byte> line, string position, ArticleReader inner, RecordProblems problems)
    {
        Fields fields;
        string? error;
        try
        {
            using var doc = JsonDocument.Parse(line, ParseOptions);
            error = Fields.TryRead(doc.RootElement, out fields);
        }
        catch (JsonException e)
        {
            error = "not valid JSON: " + Brief(e.Message);
            fields = default;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // System.Text.Json reports invalid UTF-8 in a string this way.
            error = "not valid JSON: the line is not valid UTF-8";
            fields = default;
        }
        if (error is not null)
        {
            if (problems.Add(position, error) is { } p) yield return ReadResult.Fail(p);
            yield break;
        }

        var name = source.Name;
        var embedded = new InputSource(name, () => Stream.Null) { Url = fields.Url, Date = fields.Date };
        bool any = false;
        IEnumerable<ReadResult> results;
        if (fields.Text is not null && fields.Title is not null)
        {
            var article = ArticleBuilder.FromParagraphs(fields.Title, BodyParagraphs(fields.Text, fields.Title));
            results = article.Text.Length > 0 ? [ReadResult.Of(article)] : [];
        }
        else if (fields.Text is not null)
            results = PageDump.Read(embedded, new StringReader(fields.Text));
        else
        {
            var html = Encoding.UTF8.GetBytes(fields.Html!);
            var page = new InputSource(name, () => new MemoryStream(html, writable: false))
            {
                Url = fields.Url,
                Date = fields.Date,
                ContentType = "text/html; charset=utf-8",
            };
            results = OneArticle(inner.ReadEmbedded(page, InputFormat.Html));
        }
        foreach (var result in results)
        {
            if (result.Problem is { } inner1)
            {
                if (problems.Add(position, inner1) is { } p) yield return ReadResult.Fail(p);
                continue;
            }
            any = true;
            yield return ReadResult.Of(Apply(result.Article!, fields, name));
        }
        if (!any && fields.Text is not null && fields.Title is not null)
            if (problems.Add(position, "\"text\" holds no words") is { } p) yield return ReadResult.Fail(p);
    }

    /// <summary>A line is one article: of what the HTML reader finds on the page, the longest (a teaser box is not the story).</summary>
    private static IEnumerable<ReadResult> OneArticle(IEnumerable<ReadResult> results)
    {
        Article? best = null;
        var problems = new List<ReadResult>();
        foreach (var result in results)
        {
            if (result.Article is { } a) { if (best is null || a.Text.Length > best.Text.Length) best = a; }
            else problems.Add(result);
        }
        return best is not null ? [ReadResult.Of(best)] : problems;
    }

    /// <summary>The line's own metadata is what the exporter knew for sure: it wins over what a reader found.</summary>
    private static Article Apply(Article article, Fields fields, string fileName)
    {
        if (fields.Title is { Length: > 0 } title) article = ArticleBuilder.WithTitle(article, title);
        article.Source = fields.Source ?? fileName;
        if (fields.Url is not null) article.Url = fields.Url;
        if (fields.Date is not null) article.Date = fields.Date;
        if (fields.Authors.Count > 0)
        {
            article.Authors.Clear();
            article.Authors.AddRange(fields.Authors);
        }
        return article;
    }

    /// <summary>Paragraphs of a clean "text": blank lines separate them where there are any, else line breaks; a repeated headline is dropped.</summary>
    private static IEnumerable<string> BodyParagraphs(string text, string title)
    {
        var paragraphs = MarkupText.ToParagraphs(text, FeedTextKind.Text, null);
        if (paragraphs.Count > 1 && paragraphs[0] == MarkupText.Collapse(title)) paragraphs.RemoveAt(0);
        return paragraphs;
    }

    private static string Size(int bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MB" : $"{Math.Max(1, bytes >> 10)} KB";

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line) if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    private static string Brief(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private readonly record struct Fields(string? Text, string? Html, string? Title, string? Url, string? Date, string? Source, List<string> Authors)
    {
        /// <summary>Reads the known fields; returns why the line cannot be an article, or null.</summary>
        public static string? TryRead(JsonElement root, out Fields fields)
        {
            fields = default;
            if (root.ValueKind != JsonValueKind.Object) return $"a JSON {Kind(root.ValueKind)}, not an object";
            string? text = null, html = null, title = null, url = null, date = null, source = null;
            var authors = new List<string>();
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "text": text = String(value); break;
                    case "html": html = String(value); break;
                    case "title": title = String(value); break;
                    case "url": url = FeedParser.Absolute(String(value), null); break;
                    case "source": source = String(value); break;
                    case "date":
                        date = value.ValueKind == JsonValueKind.Number ? MachineDate.Normalize(value.GetRawText()) : MachineDate.Normalize(String(value));
                        break;
                    case "authors" or "author":
                        if (value.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var a in value.EnumerateArray())
                                if (String(a) is { Length: > 0 } name) authors.Add(name.Trim());
                        }
                        else if (String(value) is { Length: > 0 } one) authors.Add(one.Trim());
                        break;
                }
            }
            if (string.IsNullOrWhiteSpace(text)) text = null;
            if (string.IsNullOrWhiteSpace(html)) html = null;
            if (string.IsNullOrWhiteSpace(title)) title = null;
            if (text is null && html is null) return "no \"text\" or \"html\" field";
            fields = new Fields(text, html, title is null ? null : MarkupText.Collapse(title), url, date, string.IsNullOrWhiteSpace(source) ? null : source.Trim(), authors);
            return null;
        }

        private static string? String(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string Kind(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Null => "null",
            _ => "value",
        };
    }
}
