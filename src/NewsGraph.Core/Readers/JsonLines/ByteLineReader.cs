using System.Buffers;

namespace NewsGraph.Core.Readers.JsonLines;

/// <summary>
/// Splits a stream into lines of bytes without ever holding more than <see cref="MaxLineBytes"/>
/// of one: an over-long line is skipped to its end and reported, not buffered. UTF-8 never
/// uses the byte '\n' inside a character, so splitting bytes is safe for JSON Lines.
/// </summary>
internal sealed class ByteLineReader(Stream stream, int maxLineBytes) : IDisposable
{
    private byte[] _chunk = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _pos, _len;
    private byte[] _line = ArrayPool<byte>.Shared.Rent(1 << 12);
    private int _lineLength;
    private bool _ended;

    public int MaxLineBytes { get; } = maxLineBytes;
    public long LineNumber { get; private set; }
    public long BytesRead { get; private set; }

    /// <summary>Reads the next line (without its line break). Returns false at the end of input.</summary>
    /// <param name="tooLong">True when the line was longer than the limit; its bytes are then not returned.</param>
    public bool TryRead(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        _lineLength = 0;
        tooLong = false;
        line = default;
        bool any = false;
        while (true)
        {
            if (_pos >= _len)
            {
                if (_ended || !Fill())
                {
                    if (!any) return false;
                    break;
                }
            }
            any = true;
            var chunk = _chunk.AsSpan(_pos, _len - _pos);
            int nl = chunk.IndexOf((byte)'\n');
            var piece = nl < 0 ? chunk : chunk[..nl];
            if (!tooLong)
            {
                if (_lineLength + piece.Length > MaxLineBytes) tooLong = true;
                else Append(piece);
            }
            _pos += nl < 0 ? chunk.Length : nl + 1;
            if (nl >= 0) break;
        }
        LineNumber++;
        if (tooLong) return true;
        int length = _lineLength;
        if (length > 0 && _line[length - 1] == '\r') length--;
        line = _line.AsMemory(0, length);
        return true;
    }

    private bool Fill()
    {
        _pos = 0;
        _len = stream.Read(_chunk, 0, _chunk.Length);
        if (_len <= 0)
        {
            _len = 0;
            _ended = true;
            return false;
        }
        BytesRead += _len;
        return true;
    }

    private void Append(ReadOnlySpan<byte> piece)
    {
        if (_lineLength + piece.Length > _line.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_line.Length * 2, _lineLength + piece.Length));
            _line.AsSpan(0, _lineLength).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_line);
            _line = bigger;
        }
        piece.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += piece.Length;
    }

    public void Dispose()
    {
        if (_chunk.Length > 0) ArrayPool<byte>.Shared.Return(_chunk);
        if (_line.Length > 0) ArrayPool<byte>.Shared.Return(_line);
        _chunk = _line = [];
    }
}
