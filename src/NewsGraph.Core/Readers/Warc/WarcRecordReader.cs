using System.Buffers;
using System.Globalization;
using System.Text;

namespace NewsGraph.Core.Readers.Warc;

/// <summary>The named fields of one WARC record's header, where it starts, and how long its block is.</summary>
public sealed class WarcRecordHeader
{
    private readonly Dictionary<string, string> _fields;

    internal WarcRecordHeader(long number, long offset, string version, long contentLength, Dictionary<string, string> fields)
    {
        Number = number;
        Offset = offset;
        Version = version;
        ContentLength = contentLength;
        _fields = fields;
    }

    /// <summary>The record's position in the file, from 1.</summary>
    public long Number { get; }
    /// <summary>Where the record's header starts, in bytes from the start of the (decompressed) file.</summary>
    public long Offset { get; }
    public string Version { get; }
    public long ContentLength { get; }

    public string? this[string name] => _fields.GetValueOrDefault(name);
    public string? Type => this["WARC-Type"];
    public string? TargetUri => this["WARC-Target-URI"];
    public string? Date => this["WARC-Date"];
    public string? ContentType => this["Content-Type"];
    /// <summary>Set when the crawler cut the payload short ("length", "time", "disconnect").</summary>
    public string? Truncated => this["WARC-Truncated"];
}

/// <summary>Something wrong in the WARC structure: where, what, and whether reading went on past it.</summary>
public readonly record struct WarcDamage(string Reason, long Record, long Offset, bool Fatal);

public enum WarcBlockStatus
{
    Read,
    /// <summary>The block is larger than the caller's limit; it is skipped.</summary>
    TooLarge,
    /// <summary>More content follows where the record should end: its Content-Length is wrong, so the block is not trusted.</summary>
    RunsPastDeclaredLength,
    /// <summary>The input ended inside the block, or could not be read (see <see cref="WarcRecordReader.Damage"/>).</summary>
    Failed,
}

/// <summary>
/// Streams the records of a WARC or WET file (ISO 28500: "WARC/1.x" header, named fields,
/// Content-Length bytes of block, CRLF CRLF), holding at most one buffer and the one block a
/// caller asks for. Damage is reported as <see cref="WarcDamage"/> values: a malformed header,
/// a record longer than it declared or garbage between records is skipped by scanning to the
/// next line that starts "WARC/"; a truncated input or unreadable compression ends reading.
/// </summary>
public sealed class WarcRecordReader : IDisposable
{
    public const int MaxHeaderBytes = 64 << 10;

    private readonly Stream _stream;
    private byte[] _buf;
    private int _pos, _len;
    private long _bufBase;          // absolute offset of _buf[0]
    private bool _eof;
    private long _blockRemaining;   // bytes of the current block not yet consumed
    private bool _inRecord;         // a record's header has been read and its trailer not yet
    private bool _blockOverrun;     // ReadBlock saw content past the declared length
    private byte[] _block = [];
    private long _records;
    private bool _stopped;

    public WarcRecordReader(Stream stream, int bufferSize = 1 << 18)
    {
        _stream = stream;
        _buf = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, MaxHeaderBytes * 2));
    }

    /// <summary>Structural problems met so far, oldest first; callers drain it after each call.</summary>
    public Queue<WarcDamage> Damage { get; } = new();

    public WarcRecordHeader? Current { get; private set; }

    /// <summary>Bytes consumed from the (decompressed) input.</summary>
    public long Position => _bufBase + _pos;

    /// <summary>Moves to the next record's header. False at the end of the input or once it cannot be read further.</summary>
    public bool TryNext(out WarcRecordHeader header)
    {
        header = null!;
        if (_stopped) return false;
        try
        {
            return Advance(out header);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Stop(ArticleReader.Describe(e), Current?.Number + 1 ?? 1, Position);
            return false;
        }
    }

    private bool Advance(out WarcRecordHeader header)
    {
        header = null!;
        var previous = Current;
        bool hadTrailer = true;
        if (_inRecord)
        {
            if (!Skip(_blockRemaining))
            {
                Stop($"truncated: record {previous!.Number} declares a block of {previous.ContentLength:N0} bytes but the input ends {_blockRemaining:N0} bytes short",
                    previous.Number, previous.Offset);
                return false;
            }
            _blockRemaining = 0;
            _inRecord = false;
            hadTrailer = SkipSeparators() > 0 || AtEnd();
        }
        else SkipSeparators();
        Current = null;

        while (true)
        {
            if (AtEnd()) return false;
            long offset = Position;
            var result = TryParseHeader(out header, out var reason);
            if (result == HeaderResult.Ok) return true;
            if (result == HeaderResult.Truncated)
            {
                Stop($"truncated: the input ends inside the header of record {_records + 1}", _records + 1, offset);
                return false;
            }
            // Misaligned: say why, then look for the next record.
            if (result == HeaderResult.NotAHeader)
                reason = previous is not null && (!hadTrailer || _blockOverrun)
                    ? $"record {previous.Number} runs past its declared Content-Length of {previous.ContentLength:N0} bytes"
                    : previous is null ? "no WARC record header at the start of the input" : $"unexpected bytes after record {previous.Number}";
            _blockOverrun = false;
            hadTrailer = true;
            long skippedFrom = offset;
            if (!Resync())
            {
                Stop($"{reason}; no further record found", _records + 1, skippedFrom);
                return false;
            }
            Damage.Enqueue(new WarcDamage($"{reason}; skipped {Position - skippedFrom:N0} bytes to the next record at offset {Position:N0}",
                _records + 1, skippedFrom, Fatal: false));
            // A malformed record still counts, so the records after it keep the numbers a WARC tool would give them.
            if (result == HeaderResult.Malformed) _records++;
        }
    }

    private enum HeaderResult { Ok, NotAHeader, Malformed, Truncated }

    private HeaderResult TryParseHeader(out WarcRecordHeader header, out string reason)
    {
        header = null!;
        reason = "";
        if (!Ensure(5)) return Available > 0 ? HeaderResult.NotAHeader : HeaderResult.Truncated;
        if (!_buf.AsSpan(_pos, 5).SequenceEqual("WARC/"u8)) return HeaderResult.NotAHeader;
        // The header ends at the first blank line.
        int searched = 0, end, terminator;
        while (true)
        {
            var window = _buf.AsSpan(_pos, _len - _pos);
            int crlf = window[searched..].IndexOf("\r\n\r\n"u8);
            int lf = window[searched..].IndexOf("\n\n"u8);
            if (crlf >= 0 && (lf < 0 || crlf <= lf + 1)) { end = searched + crlf; terminator = 4; break; }
            if (lf >= 0) { end = searched + lf; terminator = 2; break; }
            searched = Math.Max(0, window.Length - 3);
            if (window.Length > MaxHeaderBytes)
            {
                reason = $"malformed WARC header of record {_records + 1}: longer than {MaxHeaderBytes / 1024} KB";
                return HeaderResult.Malformed;
            }
            if (!Fill()) return HeaderResult.Truncated;
        }
        if (end > MaxHeaderBytes)
        {
            reason = $"malformed WARC header of record {_records + 1}: longer than {MaxHeaderBytes / 1024} KB";
            return HeaderResult.Malformed;
        }
        var text = Encoding.UTF8.GetString(_buf, _pos, end);
        var lines = text.Split('\n');
        var version = lines[0].TrimEnd('\r');
        if (version.Length > 16 || version.Length < 6 || !char.IsAsciiDigit(version[5]))
        {
            reason = $"malformed WARC header of record {_records + 1}: version line '{Printable(version)}'";
            return HeaderResult.Malformed;
        }
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line[0] is ' ' or '\t' && last is not null)
            {
                fields[last] += " " + line.Trim();
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                reason = $"malformed WARC header of record {_records + 1}: line '{Printable(line)}' is not 'Name: value'";
                return HeaderResult.Malformed;
            }
            last = line[..colon].Trim();
            fields[last] = line[(colon + 1)..].Trim();
        }
        if (!fields.TryGetValue("Content-Length", out var lengthText)
            || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
        {
            reason = $"malformed WARC header of record {_records + 1}: " +
                     (fields.ContainsKey("Content-Length") ? $"Content-Length '{Printable(fields["Content-Length"])}' is not a number" : "no Content-Length");
            return HeaderResult.Malformed;
        }
        long offset = Position;
        _pos += end + terminator;
        _records++;
        header = new WarcRecordHeader(_records, offset, version, length, fields);
        Current = header;
        _inRecord = true;
        _blockRemaining = length;
        return HeaderResult.Ok;
    }

    /// <summary>
    /// Reads the current record's block into memory (valid until the next call), if it is no
    /// larger than <paramref name="maxBytes"/>, and checks that the record really ends there.
    /// </summary>
    public WarcBlockStatus ReadBlock(int maxBytes, out ReadOnlyMemory<byte> block)
    {
        block = default;
        var current = Current;
        if (current is null || !_inRecord || _stopped) return WarcBlockStatus.Failed;
        if (_blockRemaining != current.ContentLength) throw new InvalidOperationException("the block was already read");
        if (current.ContentLength > maxBytes) return WarcBlockStatus.TooLarge;
        try
        {
            int length = (int)current.ContentLength;
            if (_block.Length < length)
            {
                if (_block.Length > 0) ArrayPool<byte>.Shared.Return(_block);
                _block = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1 << 16));
            }
            int got = Math.Min(Available, length);
            _buf.AsSpan(_pos, got).CopyTo(_block);
            _pos += got;
            if (got < length)
            {
                // Read the rest straight into the block, past the buffer.
                _bufBase += _len;
                _pos = _len = 0;
                while (got < length)
                {
                    int n = _stream.Read(_block, got, length - got);
                    if (n <= 0) { _eof = true; break; }
                    got += n;
                    _bufBase += n;
                }
            }
            _blockRemaining = length - got;
            if (got < length)
            {
                Stop($"truncated: record {current.Number} declares a block of {current.ContentLength:N0} bytes but the input ends after {got:N0}",
                    current.Number, current.Offset);
                return WarcBlockStatus.Failed;
            }
            block = _block.AsMemory(0, length);
            // A record ends with CRLF CRLF; anything else means its length was wrong.
            if (Ensure(1) && _buf[_pos] is not ((byte)'\r' or (byte)'\n'))
            {
                _blockOverrun = true;
                return WarcBlockStatus.RunsPastDeclaredLength;
            }
            return WarcBlockStatus.Read;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Stop(ArticleReader.Describe(e), current.Number, current.Offset);
            return WarcBlockStatus.Failed;
        }
    }

    private void Stop(string reason, long record, long offset)
    {
        _stopped = true;
        Damage.Enqueue(new WarcDamage(reason, record, offset, Fatal: true));
    }

    /// <summary>Skips the CR/LF ending a record (and any stray blank lines); returns how many bytes that was.</summary>
    private int SkipSeparators()
    {
        int skipped = 0;
        while (true)
        {
            if (!Ensure(1)) return skipped;
            byte b = _buf[_pos];
            if (b is not ((byte)'\r' or (byte)'\n')) return skipped;
            _pos++;
            skipped++;
        }
    }

    /// <summary>Scans forward to the next line that starts with "WARC/" and a digit.</summary>
    private bool Resync()
    {
        while (true)
        {
            var window = _buf.AsSpan(_pos, _len - _pos);
            int at = window.IndexOf("\nWARC/"u8);
            while (at >= 0 && at + 6 < window.Length && !char.IsAsciiDigit((char)window[at + 6]))
            {
                int next = window[(at + 1)..].IndexOf("\nWARC/"u8);
                at = next < 0 ? -1 : at + 1 + next;
            }
            if (at >= 0 && at + 6 < window.Length)
            {
                _pos += at + 1;
                return true;
            }
            // Keep the tail that could be the start of a match, and read on.
            _pos = Math.Max(_pos, _len - 6);
            if (!Fill()) return false;
        }
    }

    private bool Skip(long count)
    {
        while (count > 0)
        {
            if (Available == 0 && !Fill()) return false;
            int take = (int)Math.Min(Available, count);
            _pos += take;
            count -= take;
            _blockRemaining -= take;
        }
        return true;
    }

    private int Available => _len - _pos;

    private bool AtEnd() => !Ensure(1);

    private bool Ensure(int count)
    {
        while (Available < count)
            if (!Fill()) return false;
        return true;
    }

    /// <summary>Reads more input after what is buffered; false at the end.</summary>
    private bool Fill()
    {
        if (_eof) return false;
        if (_pos > 0)
        {
            int keep = _len - _pos;
            if (keep > 0) Buffer.BlockCopy(_buf, _pos, _buf, 0, keep);
            _bufBase += _pos;
            _pos = 0;
            _len = keep;
        }
        if (_len == _buf.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buf.Length * 2);
            Buffer.BlockCopy(_buf, 0, bigger, 0, _len);
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = bigger;
        }
        int n = _stream.Read(_buf, _len, _buf.Length - _len);
        if (n <= 0)
        {
            _eof = true;
            return false;
        }
        _len += n;
        return true;
    }

    private static string Printable(string s)
    {
        var t = new string(s.Take(60).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return s.Length > 60 ? t + "…" : t;
    }

    public void Dispose()
    {
        if (_buf.Length > 0) ArrayPool<byte>.Shared.Return(_buf);
        if (_block.Length > 0) ArrayPool<byte>.Shared.Return(_block);
        _buf = _block = [];
    }
}
