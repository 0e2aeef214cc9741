using System.Globalization;
using System.Text;

namespace NewsGraph.Core.Readers.Warc;

/// <summary>
/// The status line and headers at the start of a WARC response record's block, and where the
/// payload starts. Crawlers differ: Common Crawl stores payloads decoded and renames the
/// original Transfer-/Content-Encoding headers (X-Crawler-…); wget keeps them as sent.
/// </summary>
public sealed class HttpResponseHead
{
    public const int MaxHeadBytes = 64 << 10;

    private readonly Dictionary<string, string> _headers;

    private HttpResponseHead(int status, Dictionary<string, string> headers, int payloadOffset)
    {
        Status = status;
        _headers = headers;
        PayloadOffset = payloadOffset;
    }

    public int Status { get; }
    public int PayloadOffset { get; }
    public string? this[string name] => _headers.GetValueOrDefault(name);
    public string? ContentType => this["Content-Type"];

    /// <summary>Parses the head of <paramref name="block"/>; returns why it is not an HTTP response, or null.</summary>
    public static string? TryParse(ReadOnlySpan<byte> block, out HttpResponseHead head)
    {
        head = null!;
        var limit = block[..Math.Min(block.Length, MaxHeadBytes)];
        int end = limit.IndexOf("\r\n\r\n"u8), terminator = 4;
        int lfEnd = limit.IndexOf("\n\n"u8);
        if (end < 0 || lfEnd >= 0 && lfEnd < end) { end = lfEnd; terminator = 2; }
        if (end < 0)
        {
            // A response with headers and no payload ends with a single blank line at the end of the block.
            if (block.Length <= MaxHeadBytes && (block.EndsWith("\r\n"u8) || block.EndsWith("\n"u8))) { end = block.Length; terminator = 0; }
            else return block.Length > MaxHeadBytes ? $"HTTP headers longer than {MaxHeadBytes / 1024} KB" : "HTTP headers do not end";
        }
        var text = Encoding.Latin1.GetString(block[..end]);
        var lines = text.Split('\n');
        var statusLine = lines[0].TrimEnd('\r');
        // "HTTP/1.1 200 OK", "HTTP/2 200"
        var parts = statusLine.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int status) || status is < 100 or > 999)
            return "not an HTTP response (status line '" + (statusLine.Length > 40 ? statusLine[..40] + "…" : statusLine) + "')";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line[0] is ' ' or '\t' && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0) continue; // browsers ignore a broken header line; so do we
            last = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            // A repeated header keeps its first value, as most servers' first Content-Type is the real one.
            headers.TryAdd(last, value);
        }
        head = new HttpResponseHead(status, headers, Math.Min(block.Length, end + terminator));
        return null;
    }

    /// <summary>Undoes "Transfer-Encoding: chunked" (kept by wget-style crawlers) into <paramref name="output"/>; returns why it failed, or null.</summary>
    public static string? TryDechunk(ReadOnlySpan<byte> body, MemoryStream output)
    {
        long length = 0;
        int i = 0;
        while (true)
        {
            int nl = body[i..].IndexOf((byte)'\n');
            if (nl < 0) return length > 0 ? null : "malformed chunked encoding: no chunk size";
            var sizeLine = Encoding.ASCII.GetString(body.Slice(i, nl)).Trim();
            int semicolon = sizeLine.IndexOf(';');
            if (semicolon >= 0) sizeLine = sizeLine[..semicolon];
            if (!int.TryParse(sizeLine, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int size) || size < 0)
                return $"malformed chunked encoding: chunk size '{(sizeLine.Length > 20 ? sizeLine[..20] : sizeLine)}'";
            i += nl + 1;
            if (size == 0) return null;
            // A crawl cut short keeps what it has of the last chunk.
            int take = Math.Min(size, body.Length - i);
            output.Write(body.Slice(i, take));
            length += take;
            i += take;
            if (take < size) return null;
            while (i < body.Length && body[i] is (byte)'\r' or (byte)'\n') i++;
            if (i >= body.Length) return null;
        }
    }
}
