using System.IO.Compression;
using NewsGraph.Core.Readers.Feeds;
using NewsGraph.Core.Readers.JsonLines;
using NewsGraph.Core.Readers.PageDump;
using NewsGraph.Core.Readers.Warc;

namespace NewsGraph.Core.Readers;

/// <summary>
/// Reads any supported input: recognises its format from the content and hands it to the
/// reader for that format. Every failure becomes a <see cref="ReadProblem"/> naming the input;
/// nothing an input contains can make this throw.
/// </summary>
public sealed class ArticleReader
{
    private readonly Dictionary<InputFormat, IFormatReader> _readers = new();

    public ArticleReader(IEnumerable<IFormatReader> readers)
    {
        foreach (var reader in readers) _readers[reader.Format] = reader;
    }

    /// <summary>The readers for every format NewsGraph knows.</summary>
    public static ArticleReader CreateDefault() => new(DefaultReaders());

    public static List<IFormatReader> DefaultReaders() =>
    [
        new PageDumpReader(),
        new FeedReader(),
        new WarcReader(),
        new JsonLinesReader(),
        new Html.HtmlReader(),
    ];

    public ArticleReader With(IFormatReader reader)
    {
        _readers[reader.Format] = reader;
        return this;
    }

    /// <summary>True if this reader has a reader for <paramref name="format"/>.</summary>
    public bool Supports(InputFormat format) => _readers.ContainsKey(format);

    public IEnumerable<ReadResult> Read(InputSource source)
    {
        SniffedInput? input = null;
        ReadProblem? openProblem = null;
        try
        {
            input = FormatDetector.Sniff(source.Open(), source.Length);
        }
        catch (Exception e) when (IsInputError(e))
        {
            openProblem = new ReadProblem(source.Name, Describe(e));
        }
        if (openProblem is not null)
        {
            yield return ReadResult.Fail(openProblem);
            yield break;
        }
        using (input)
        {
            foreach (var result in Read(source, input!))
                yield return result;
        }
    }

    public IEnumerable<ReadResult> Read(InputSource source, SniffedInput input)
    {
        switch (input.Format)
        {
            case InputFormat.Empty:
                yield return ReadResult.Fail(new ReadProblem(source.Name, "empty input, nothing to read"));
                yield break;
            case InputFormat.Binary:
                yield return ReadResult.Fail(new ReadProblem(source.Name, $"binary content{(input.Detail is null ? "" : $" ({input.Detail})")}, not text; skipped"));
                yield break;
            case InputFormat.Unknown:
                yield return ReadResult.Fail(new ReadProblem(source.Name, $"unrecognised format{(input.Detail is null ? "" : $": {input.Detail}")}; skipped"));
                yield break;
        }
        if (!_readers.TryGetValue(input.Format, out var reader))
        {
            yield return ReadResult.Fail(new ReadProblem(source.Name, $"{input.Format} input is not supported by this build; skipped"));
            yield break;
        }

        // Drive the reader by hand so that an I/O error mid-stream (a truncated gzip, a file
        // deleted while read) ends this input with a problem instead of ending the batch.
        var read = reader is IContainerReader container ? container.Read(source, input, this) : reader.Read(source, input);
        using var results = read.GetEnumerator();
        while (true)
        {
            ReadResult current;
            ReadProblem? failure = null;
            try
            {
                if (!results.MoveNext()) break;
                current = results.Current;
            }
            catch (Exception e) when (IsInputError(e))
            {
                failure = new ReadProblem(source.Name, Describe(e));
                current = default;
            }
            if (failure is not null)
            {
                yield return ReadResult.Fail(failure);
                yield break;
            }
            yield return current;
        }
    }

    /// <summary>
    /// Reads an input found inside another (a WARC record's payload, a feed item's content, a
    /// JSON Lines "html" field). The content still decides its format, but what the container
    /// declared (a Content-Type of text/html) wins over a plain-text guess; and a container
    /// format inside a record is not opened, so no input can nest readers without bound.
    /// </summary>
    public IEnumerable<ReadResult> ReadEmbedded(InputSource source, InputFormat? declared = null)
    {
        SniffedInput? input = null;
        ReadProblem? openProblem = null;
        try
        {
            input = FormatDetector.Sniff(source.Open());
        }
        catch (Exception e) when (IsInputError(e))
        {
            openProblem = new ReadProblem(source.Name, Describe(e));
        }
        if (openProblem is not null)
        {
            yield return ReadResult.Fail(openProblem);
            yield break;
        }
        using (input)
        {
            var format = input!.Format;
            if (declared is { } d && format is InputFormat.PageDump or InputFormat.Unknown) format = d;
            if (format is InputFormat.Warc or InputFormat.JsonLines) format = declared ?? InputFormat.PageDump;
            var sniffed = format == input.Format ? input : input.As(format);
            foreach (var result in Read(source, sniffed))
                yield return result;
        }
    }

    private static bool IsInputError(Exception e) =>
        e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.DecoderFallbackException or FormatException or System.Xml.XmlException;

    /// <summary>One line describing why an input could not be read.</summary>
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "file vanished before it could be read",
        UnauthorizedAccessException => "permission denied",
        InvalidDataException when e.Message.Contains("gzip", StringComparison.OrdinalIgnoreCase) => FirstLine(e.Message),
        InvalidDataException when e.Source?.Contains("Compression") == true => "corrupt compressed data: " + FirstLine(e.Message),
        InvalidDataException => "invalid data: " + FirstLine(e.Message),
        EndOfStreamException => "truncated input (ended early)",
        IOException => "read error: " + FirstLine(e.Message),
        _ => FirstLine(e.Message),
    };

    private static string FirstLine(string message)
    {
        int nl = message.IndexOfAny(['\r', '\n']);
        return (nl < 0 ? message : message[..nl]).TrimEnd('.');
    }
}
