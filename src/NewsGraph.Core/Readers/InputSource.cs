namespace NewsGraph.Core.Readers;

/// <summary>
/// A named input that can be opened as a stream: a file, standard input, an HTTP body or
/// a record inside an archive. Opening is deferred so that a file that vanishes between
/// listing and reading is reported, not thrown.
/// </summary>
public sealed class InputSource
{
    private readonly Func<Stream> _open;

    public InputSource(string name, Func<Stream> open, long? length = null)
    {
        Name = name;
        _open = open;
        Length = length;
    }

    public string Name { get; }
    public long? Length { get; }

    /// <summary>Metadata a container already knows (a feed item's link, a WARC target URI, an HTTP date).</summary>
    public string? Url { get; init; }
    public string? Date { get; init; }
    public string? ContentType { get; init; }

    public Stream Open() => _open();

    public static InputSource FromFile(string path)
    {
        long? length = null;
        try { length = new FileInfo(path).Length; } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return new InputSource(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), length);
    }

    public static InputSource FromBytes(string name, byte[] bytes) =>
        new(name, () => new MemoryStream(bytes, writable: false), bytes.Length);

    public static InputSource FromText(string name, string text) =>
        FromBytes(name, System.Text.Encoding.UTF8.GetBytes(text));
}
