using System.Text;

namespace NewsGraph.Core.Readers;

/// <summary>
/// Reads lines without ever holding more than <see cref="MaxLineLength"/> characters of one:
/// a 200 MB file with no line breaks must not become a 200 MB string. An over-long line is
/// returned in pieces and <see cref="LongLines"/> counts them.
/// </summary>
public sealed class BoundedLineReader : IDisposable
{
    private readonly TextReader _reader;
    private char[] _buffer = System.Buffers.ArrayPool<char>.Shared.Rent(1 << 14);
    private int _pos, _len;
    private readonly StringBuilder _pending = new();

    public BoundedLineReader(TextReader reader, int maxLineLength = 1 << 20)
    {
        _reader = reader;
        MaxLineLength = maxLineLength;
    }

    public int MaxLineLength { get; }
    public int LongLines { get; private set; }
    public long LineNumber { get; private set; }
    public long CharsRead { get; private set; }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        System.Buffers.ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
    }

    public string? ReadLine()
    {
        _pending.Clear();
        while (true)
        {
            if (_pos >= _len)
            {
                _len = _reader.Read(_buffer, 0, _buffer.Length);
                _pos = 0;
                if (_len <= 0)
                {
                    _len = 0;
                    if (_pending.Length == 0) return null;
                    LineNumber++;
                    return _pending.ToString();
                }
                CharsRead += _len;
            }
            var chunk = _buffer.AsSpan(_pos, _len - _pos);
            int nl = chunk.IndexOfAny('\n', '\r');
            int room = MaxLineLength - _pending.Length;
            if (nl < 0 || nl > room)
            {
                int take = Math.Min(chunk.Length, room);
                _pending.Append(chunk[..take]);
                _pos += take;
                if (_pending.Length >= MaxLineLength)
                {
                    LongLines++;
                    LineNumber++;
                    return _pending.ToString();
                }
                continue;
            }
            string line;
            if (_pending.Length == 0) line = new string(chunk[..nl]);
            else { _pending.Append(chunk[..nl]); line = _pending.ToString(); }
            _pos += nl + 1;
            if (chunk[nl] == '\r')
            {
                // Treat \r\n as one break; refill if the \n is in the next buffer.
                if (_pos >= _len) { _len = _reader.Read(_buffer, 0, _buffer.Length); _pos = 0; if (_len < 0) _len = 0; CharsRead += _len; }
                if (_pos < _len && _buffer[_pos] == '\n') _pos++;
            }
            LineNumber++;
            return line;
        }
    }
}
