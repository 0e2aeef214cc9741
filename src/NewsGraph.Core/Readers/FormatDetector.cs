using System.IO.Compression;
using System.Text;

namespace NewsGraph.Core.Readers;

/// <summary>An input whose format has been recognised from its first bytes.</summary>
public sealed class SniffedInput(InputFormat format, string? detail, Stream stream, byte[] head, int headLength, bool gzipped) : IDisposable
{
    public InputFormat Format { get; } = format;
    /// <summary>For binary input, what kind it looks like ("PNG image").</summary>
    public string? Detail { get; } = detail;
    /// <summary>The whole (decompressed) input from its first byte.</summary>
    public Stream Stream { get; } = stream;
    public ReadOnlyMemory<byte> Head { get; } = head.AsMemory(0, headLength);
    public bool Gzipped { get; } = gzipped;

    /// <summary>The same content read as another format (a container knew better than the sniff).</summary>
    public SniffedInput As(InputFormat other) => new(other, null, Stream, head, headLength, Gzipped);

    public void Dispose() => Stream.Dispose();
}

/// <summary>
/// Recognises an input's format from its content, not its name: users rename files,
/// pipe them in, and crawlers save pages without extensions.
/// </summary>
public static class FormatDetector
{
    public const int HeadSize = 8192;

    /// <param name="lengthHint">The input's size when known: a small file needs no full-size head buffer.</param>
    public static SniffedInput Sniff(Stream raw, long? lengthHint = null)
    {
        var head = new byte[lengthHint is >= 0 and < HeadSize ? (int)lengthHint + 1 : HeadSize];
        int n = ReadHead(raw, head);
        Stream stream = new PrefixedStream(head, n, raw);
        bool gzipped = false;
        if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            // Concatenated members, as Common Crawl writes them, and truncation reported (see GzipMemberStream).
            stream = GzipMemberStream.Open(stream);
            gzipped = true;
            head = new byte[HeadSize];
            n = ReadHead(stream, head);
            stream = new PrefixedStream(head, n, stream);
        }
        var (format, detail) = Classify(head.AsSpan(0, n));
        return new SniffedInput(format, detail, stream, head, n, gzipped);
    }

    private static int ReadHead(Stream stream, byte[] head)
    {
        int n = 0;
        while (n < head.Length)
        {
            int r = stream.Read(head, n, head.Length - n);
            if (r <= 0) break;
            n += r;
        }
        return n;
    }

    public static (InputFormat Format, string? Detail) Classify(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0) return (InputFormat.Empty, null);
        var magic = BinaryMagic(head);
        if (magic is not null) return (InputFormat.Binary, magic);

        var (encoding, bom, _) = TextDecoding.Choose(head);
        var body = head[bom..];
        if (encoding.CodePage is 1200 or 1201)
        {
            var decoded = encoding.GetString(body.Length % 2 == 0 ? body : body[..^1]);
            return ClassifyText(decoded);
        }
        // A web archive holds images and compressed payloads among its records: its header decides, not its bytes.
        if (body.StartsWith("WARC/"u8)) return (InputFormat.Warc, null);
        if (LooksBinary(body)) return (InputFormat.Binary, null);
        // Only markup needs a closer look; decide the rest from the first visible byte without decoding the head.
        int first = 0;
        while (first < body.Length && body[first] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C) first++;
        if (first == body.Length) return (InputFormat.Empty, null);
        if (body[first] != (byte)'<') return ClassifyText(Encoding.Latin1.GetString(body.Slice(first, Math.Min(16, body.Length - first))));
        return ClassifyText(Encoding.Latin1.GetString(body[first..]));
    }

    private static (InputFormat, string?) ClassifyText(string text)
    {
        var t = text.AsSpan().TrimStart();
        if (t.IsEmpty) return (InputFormat.Empty, null);
        if (t.StartsWith("WARC/", StringComparison.Ordinal)) return (InputFormat.Warc, null);
        if (t[0] == '{') return (InputFormat.JsonLines, null);
        if (t[0] == '<')
        {
            var lower = t.Length > 4096 ? t[..4096].ToString().ToLowerInvariant() : t.ToString().ToLowerInvariant();
            int rss = IndexOfAny(lower, "<rss", "<feed", "<rdf:rdf");
            int html = IndexOfAny(lower, "<html", "<!doctype html", "<head", "<body");
            if (rss >= 0 && (html < 0 || rss < html)) return (InputFormat.Feed, null);
            if (html >= 0) return (InputFormat.Html, null);
            if (lower.StartsWith("<?xml")) return (InputFormat.Unknown, "XML that is neither a feed nor a page");
            return (InputFormat.Html, null);
        }
        return (InputFormat.PageDump, null);
    }

    private static int IndexOfAny(string text, params string[] needles)
    {
        int best = -1;
        foreach (var needle in needles)
        {
            int i = text.IndexOf(needle, StringComparison.Ordinal);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }

    /// <summary>Text has no NUL bytes and few control characters; binary formats have many.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0) return true;
        // Text has none of these control bytes, so a vectorised scan usually finds nothing at once.
        int control = 0;
        for (int at = bytes.IndexOfAny(ControlBytes); at >= 0; )
        {
            control++;
            int next = bytes[(at + 1)..].IndexOfAny(ControlBytes);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return control > bytes.Length / 20 + 1;
    }

    /// <summary>Control bytes other than line breaks, tab, form feed and escape.</summary>
    private static readonly System.Buffers.SearchValues<byte> ControlBytes = System.Buffers.SearchValues.Create(
        [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1C, 0x1D, 0x1E, 0x1F]);

    private static readonly (byte[] Magic, string Name)[] Magics =
    [
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "GIF image"),
        ([0x25, 0x50, 0x44, 0x46], "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "executable"),
        ([0x42, 0x5A, 0x68], "bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz archive"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd archive"),
        ("SQLite format 3"u8.ToArray(), "SQLite database"),
    ];

    private static string? BinaryMagic(ReadOnlySpan<byte> h)
    {
        foreach (var (magic, name) in Magics)
            if (h.StartsWith(magic)) return name;
        if (h.Length > 262 && h[257..262].SequenceEqual("ustar"u8)) return "tar archive";
        return null;
    }
}
