using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Readers.PageDump;
using NewsGraph.Core.Text;

namespace NewsGraph.Core.Readers.Warc;

/// <summary>
/// Reads web archives as Common Crawl writes them: WARC files of crawled pages, whose
/// "response" (and "resource") records hold HTML that goes through the HTML reader, and WET
/// files, whose "conversion" records hold each page's text that goes through the page-dump
/// reader. Each record's WARC-Target-URI becomes the article's address and its WARC-Date the
/// date hint; request, metadata, revisit and warcinfo records are skipped. Records are
/// streamed one at a time, so a 1 GB crawl file needs one record's memory, not the file's.
/// </summary>
public sealed class WarcReader : IContainerReader
{
    /// <summary>Common Crawl cuts payloads at 1 MB; anything past 32 MB is not a news page.</summary>
    public const int MaxRecordBytes = 32 << 20;
    /// <summary>A compressed payload may not inflate past this (a zip bomb in a crawl).</summary>
    public const long MaxPayloadBytes = 64L << 20;

    private static readonly PageDumpReader PageDump = new();

    public InputFormat Format => InputFormat.Warc;

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input) =>
        Read(source, input, ArticleReader.CreateDefault());

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input, ArticleReader inner)
    {
        using var records = new WarcRecordReader(input.Stream);
        var problems = new RecordProblems(source.Name);
        string offsetWord = input.Gzipped ? "uncompressed offset" : "offset";
        long articles = 0, seen = 0;

        while (true)
        {
            bool more = records.TryNext(out var header);
            foreach (var damage in Drain(records, source.Name, offsetWord)) yield return damage;
            if (!more) break;
            seen++;

            var kind = header.Type?.ToLowerInvariant();
            if (kind is not ("response" or "resource" or "conversion")) continue;
            var status = records.ReadBlock(MaxRecordBytes, out var block);
            if (status == WarcBlockStatus.TooLarge)
            {
                if (problems.Add(Where(header, offsetWord), $"{kind} record of {header.ContentLength / (1 << 20):N0} MB is larger than {MaxRecordBytes >> 20} MB; skipped") is { } p)
                    yield return ReadResult.Fail(p);
                continue;
            }
            // A record that runs past its length is reported when the reader looks for the next one.
            if (status != WarcBlockStatus.Read) continue;

            var where = Where(header, offsetWord);
            var results = kind == "conversion" ? ReadConversion(source, header, block) : ReadPage(source, header, block, kind == "response", inner);
            foreach (var result in results)
            {
                if (result.Problem is { } problem)
                {
                    if (problems.Add(where, problem) is { } p) yield return ReadResult.Fail(p);
                    continue;
                }
                if (result.Article is null) continue;
                if (result.Article.Source.Length == 0) result.Article.Source = source.Name;
                articles++;
                yield return result;
            }
        }
        foreach (var damage in Drain(records, source.Name, offsetWord)) yield return damage;
        if (problems.Summary() is { } summary) yield return ReadResult.Fail(summary);
        if (articles == 0 && seen > 0)
            yield return ReadResult.Fail(new ReadProblem(source.Name, "no article found in any record of the archive"));
    }

    private static IEnumerable<ReadResult> Drain(WarcRecordReader records, string name, string offsetWord)
    {
        while (records.Damage.TryDequeue(out var d))
            yield return ReadResult.Fail(new ReadProblem(name, d.Reason, $"record {d.Record:N0} at {offsetWord} {d.Offset:N0}", d.Fatal));
    }

    private static string Where(WarcRecordHeader header, string offsetWord) =>
        $"record {header.Number:N0} at {offsetWord} {header.Offset:N0}" + (header.TargetUri is { } uri ? $", {Shorten(uri)}" : "");

    /// <summary>A WET record: the page's text, one block a line, read as a page dump.</summary>
    private static IEnumerable<ReadResult> ReadConversion(InputSource source, WarcRecordHeader header, ReadOnlyMemory<byte> block)
    {
        var media = MediaType.Parse(header.ContentType);
        if (!media.IsEmpty && !media.IsPlainText) return [];
        var page = Embedded(source, header, header.ContentType);
        // Common Crawl writes WET text as UTF-8; a bad byte becomes U+FFFD rather than failing the record.
        var encoding = media.Charset is { } cs && TextDecoding.TryGetEncoding(cs, out var declared) ? declared : new UTF8Encoding(false);
        var text = new StreamReader(Open(block), encoding, detectEncodingFromByteOrderMarks: true);
        return Stamp(PageDump.Read(page, text), header);
    }

    /// <summary>A WARC response (HTTP status, headers, payload) or resource (payload alone) holding a page or a feed.</summary>
    private static IEnumerable<ReadResult> ReadPage(InputSource source, WarcRecordHeader header, ReadOnlyMemory<byte> block, bool http, ArticleReader inner)
    {
        string? contentType = header.ContentType;
        ReadOnlyMemory<byte> payload = block;
        string? transfer = null, encoding = null;
        if (http)
        {
            // A response record's own Content-Type is "application/http"; the page's is in the HTTP headers.
            if (HttpResponseHead.TryParse(block.Span, out var head) is { } error)
                return [Problem(source, "response record is not a readable HTTP response: " + error)];
            if (head.Status is < 200 or > 299) return [];
            contentType = head.ContentType;
            payload = block[head.PayloadOffset..];
            transfer = head["Transfer-Encoding"];
            encoding = head["Content-Encoding"];
        }
        var media = MediaType.Parse(contentType);
        InputFormat? declared = media.IsHtml ? InputFormat.Html : media.IsFeedLike ? InputFormat.Feed : null;
        if (declared is null)
        {
            // No type, or a vague one: read it only if the content itself is a page or a feed (not robots.txt, not an image).
            if (!media.IsEmpty && media.Type is not ("application/octet-stream" or "text/plain" or "unknown/unknown")) return [];
            var (sniffed, _) = FormatDetector.Classify(payload.Span[..Math.Min(payload.Length, FormatDetector.HeadSize)]);
            if (sniffed is not (InputFormat.Html or InputFormat.Feed)) return [];
            declared = sniffed;
        }
        if (payload.Length == 0) return [];

        var bytes = payload;
        if (transfer is not null && transfer.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var output = new MemoryStream(payload.Length);
            if (HttpResponseHead.TryDechunk(payload.Span, output) is { } error) return [Problem(source, error)];
            bytes = output.GetBuffer().AsMemory(0, (int)output.Length);
        }

        Func<Stream> open;
        switch (encoding?.Trim().ToLowerInvariant())
        {
            case null or "" or "identity" or "none":
            case "gzip" or "x-gzip": // recognised by its magic bytes when the content is read
                open = () => Open(bytes);
                break;
            case "deflate":
                open = () => new BoundedReadStream(new ZLibStream(Open(bytes), CompressionMode.Decompress), MaxPayloadBytes);
                break;
            case "br":
                open = () => new BoundedReadStream(new BrotliStream(Open(bytes), CompressionMode.Decompress), MaxPayloadBytes);
                break;
            default:
                return [Problem(source, $"payload has Content-Encoding '{encoding}', which this build cannot decode; skipped")];
        }
        var page = new InputSource(source.Name, open)
        {
            Url = header.TargetUri,
            Date = MachineDate.Normalize(header.Date),
            ContentType = contentType,
        };
        return Stamp(inner.ReadEmbedded(page, declared), header);
    }

    private static InputSource Embedded(InputSource source, WarcRecordHeader header, string? contentType) =>
        new(source.Name, () => Stream.Null)
        {
            Url = header.TargetUri,
            Date = MachineDate.Normalize(header.Date),
            ContentType = contentType,
        };

    /// <summary>The crawl's address and time fill what the page itself did not say.</summary>
    private static IEnumerable<ReadResult> Stamp(IEnumerable<ReadResult> results, WarcRecordHeader header)
    {
        string? crawled = null;
        foreach (var result in results)
        {
            if (result.Article is Article article)
            {
                article.Url ??= header.TargetUri;
                article.PageDate ??= crawled ??= MachineDate.Normalize(header.Date);
            }
            yield return result;
        }
    }

    private static ReadResult Problem(InputSource source, string reason) => ReadResult.Fail(new ReadProblem(source.Name, reason));

    /// <summary>
    /// A stream over the record's block without copying it. The block's buffer is reused by the
    /// next record, which is safe because a record's results are all taken before the next is read.
    /// </summary>
    private static MemoryStream Open(ReadOnlyMemory<byte> block) =>
        MemoryMarshal.TryGetArray(block, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(block.ToArray(), writable: false);

    private static string Shorten(string uri) => uri.Length > 100 ? uri[..100] + "…" : uri;
}

/// <summary>Ends a decompressing stream with an error once it has produced <paramref name="limit"/> bytes.</summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        _read += n;
        if (_read > limit) throw new InvalidDataException($"payload inflates past {limit >> 20} MB");
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
