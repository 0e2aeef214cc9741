using System.Text;

namespace NewsGraph.Core.Readers;

/// <summary>
/// The text of an input, decoded as <see cref="TextDecoding"/> chooses, with a note of any
/// trouble (a fallback encoding, invalid bytes) for the reader to report once at the end.
/// </summary>
public sealed class DecodedText : IDisposable
{
    private readonly InvalidByteCounter? _invalid;

    private DecodedText(TextReader reader, Encoding encoding, bool fellBack, InvalidByteCounter? invalid)
    {
        Reader = reader;
        Encoding = encoding;
        FellBack = fellBack;
        _invalid = invalid;
    }

    public TextReader Reader { get; }
    public Encoding Encoding { get; }
    public bool FellBack { get; }
    public long InvalidSequences => _invalid?.Count ?? 0;

    public static DecodedText Open(SniffedInput input, string? declaredCharset = null)
    {
        var (encoding, bom, fellBack) = TextDecoding.Choose(input.Head.Span, declaredCharset);
        InvalidByteCounter? counter = null;
        if (encoding is UTF8Encoding)
            (encoding, counter) = TextDecoding.CountingUtf8();
        // The StreamReader skips a BOM matching the encoding by itself.
        // A small input fits in its sniffed head: don't allocate 64 KB of buffers for a 2 KB article.
        int bufferSize = input.Head.Length < FormatDetector.HeadSize ? Math.Max(256, input.Head.Length) : 1 << 16;
        var reader = new StreamReader(input.Stream, encoding, detectEncodingFromByteOrderMarks: bom > 0, bufferSize: bufferSize, leaveOpen: true);
        return new DecodedText(reader, encoding, fellBack, counter);
    }

    /// <summary>A non-fatal problem describing how the text was decoded, or null if all was well.</summary>
    public ReadProblem? Problem(string source)
    {
        if (FellBack)
            return new ReadProblem(source, "not valid UTF-8; read as Windows-1252", IsFatal: false);
        if (InvalidSequences > 0)
            return new ReadProblem(source, $"{InvalidSequences} invalid UTF-8 byte sequence(s) replaced with U+FFFD", IsFatal: false);
        return null;
    }

    public void Dispose() => Reader.Dispose();
}
