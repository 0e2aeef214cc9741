using System.Text;

namespace NewsGraph.Core.Readers;

/// <summary>
/// Chooses how to turn an input's bytes into text: a byte-order mark wins, then a declared
/// charset, then UTF-8 if the head of the input is valid UTF-8, else Windows-1252 (the
/// encoding mislabelled Western news pages most often really use).
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Returns the encoding and the number of BOM bytes to skip.</summary>
    public static (Encoding Encoding, int BomLength, bool FellBack) Choose(ReadOnlySpan<byte> head, string? declaredCharset = null)
    {
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return (new UTF8Encoding(false), 3, false);
        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE) return (Encoding.Unicode, 2, false);
        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF) return (Encoding.BigEndianUnicode, 2, false);

        if (declaredCharset is not null && TryGetEncoding(declaredCharset, out var declared))
        {
            // A page that says UTF-8 but is not gets the fallback below instead of mojibake.
            if (declared.CodePage != Encoding.UTF8.CodePage || IsValidUtf8Prefix(head))
                return (declared, 0, false);
        }
        if (IsValidUtf8Prefix(head)) return (new UTF8Encoding(false), 0, false);
        return (Windows1252, 0, true);
    }

    public static bool TryGetEncoding(string charset, out Encoding encoding)
    {
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        if (name is "utf8") name = "utf-8";
        // Browsers read pages labelled Latin-1 as Windows-1252; so do we.
        if (name is "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii") name = "windows-1252";
        try
        {
            encoding = Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
            return false;
        }
    }

    /// <summary>True if <paramref name="bytes"/> is valid UTF-8, allowing a sequence cut off at the very end.</summary>
    public static bool IsValidUtf8Prefix(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80) { i++; continue; }
            int need;
            if ((b & 0xE0) == 0xC0 && b >= 0xC2) need = 1;
            else if ((b & 0xF0) == 0xE0) need = 2;
            else if ((b & 0xF8) == 0xF0 && b <= 0xF4) need = 3;
            else return false;
            if (i + need >= bytes.Length)
            {
                // The sniffed head may cut a sequence short: accept it if what is there fits.
                for (int k = i + 1; k < bytes.Length; k++)
                    if ((bytes[k] & 0xC0) != 0x80) return false;
                return true;
            }
            for (int k = 1; k <= need; k++)
                if ((bytes[i + k] & 0xC0) != 0x80) return false;
            i += need + 1;
        }
        return true;
    }

    /// <summary>A UTF-8 decoder that replaces invalid bytes with U+FFFD and counts them.</summary>
    public static (Encoding Encoding, InvalidByteCounter Counter) CountingUtf8()
    {
        var counter = new InvalidByteCounter();
        var encoding = (Encoding)new UTF8Encoding(false).Clone();
        encoding.DecoderFallback = counter;
        return (encoding, counter);
    }
}

/// <summary>Counts invalid byte sequences while replacing each with U+FFFD.</summary>
public sealed class InvalidByteCounter : DecoderFallback
{
    public long Count;
    public override int MaxCharCount => 1;
    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(InvalidByteCounter owner) : DecoderFallbackBuffer
    {
        private bool _pending;
        public override int Remaining => _pending ? 1 : 0;
        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Count++;
            _pending = true;
            return true;
        }
        public override char GetNextChar()
        {
            if (!_pending) return '\0';
            _pending = false;
            return '\uFFFD';
        }
        public override bool MovePrevious() => false;
        public override void Reset() => _pending = false;
    }
}
