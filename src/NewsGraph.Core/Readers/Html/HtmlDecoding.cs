using System.Text;

namespace NewsGraph.Core.Readers.Html;

/// <summary>
/// Decodes an HTML page the way a browser decides, in order: a byte-order mark, the HTTP
/// charset (a WARC record's or a fetch's Content-Type), a <c>&lt;meta charset&gt;</c> or
/// http-equiv declaration in the page's first bytes, then UTF-8 if the bytes are valid UTF-8,
/// else Windows-1252. One exception to "the declaration wins": a page declared as a legacy
/// single-byte charset whose bytes are valid UTF-8 with multi-byte sequences is UTF-8 —
/// servers label UTF-8 pages ISO-8859-1 by default far more often than legacy text happens
/// to form valid UTF-8.
/// </summary>
public static class HtmlDecoding
{
    /// <summary>How far into the page a meta declaration is looked for (browsers look at 1,024 bytes; CMSs put long comments first).</summary>
    public const int PrescanBytes = 8192;

    public sealed record Decoded(string Html, Encoding Encoding, string How, bool FellBack, long InvalidSequences);

    public static Decoded Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        int bom = 0;
        Encoding? encoding = null;
        string how = "";
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) { encoding = new UTF8Encoding(false); bom = 3; how = "byte-order mark"; }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) { encoding = Encoding.Unicode; bom = 2; how = "byte-order mark"; }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) { encoding = Encoding.BigEndianUnicode; bom = 2; how = "byte-order mark"; }

        bool fellBack = false;
        if (encoding is null)
        {
            var declared = CharsetFromContentType(contentType);
            how = "HTTP charset";
            if (declared is null)
            {
                declared = PrescanMetaCharset(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
                how = "meta charset";
            }
            if (declared is not null && TextDecoding.TryGetEncoding(declared, out var e))
            {
                // A page that says UTF-16 in its own ASCII bytes cannot be UTF-16 (the HTML standard reads it as UTF-8).
                if (e.CodePage is 1200 or 1201 or 12000 or 12001) e = new UTF8Encoding(false);
                encoding = e;
                if (e.CodePage == 65001)
                {
                    if (!MostlyUtf8(bytes)) encoding = null;
                }
                else if (e.IsSingleByte && HasMultiByteUtf8(bytes))
                {
                    encoding = new UTF8Encoding(false);
                    how = "content (valid UTF-8 despite a " + declared + " label)";
                }
            }
            if (encoding is null)
            {
                if (MostlyUtf8(bytes)) { encoding = new UTF8Encoding(false); how = "content (UTF-8)"; }
                else { encoding = TextDecoding.Windows1252; how = "fallback"; fellBack = true; }
            }
        }

        long invalid = 0;
        string html;
        var body = bytes[bom..];
        if (encoding is UTF8Encoding)
        {
            var (counting, counter) = TextDecoding.CountingUtf8();
            // One decoding pass: GetString would count each bad byte twice (once sizing, once decoding).
            var chars = new char[counting.GetMaxCharCount(body.Length)];
            int n = counting.GetDecoder().GetChars(body, chars, flush: true);
            html = new string(chars, 0, n);
            invalid = counter.Count;
        }
        else
        {
            if (encoding.CodePage is 1200 or 1201 && body.Length % 2 == 1) body = body[..^1];
            html = encoding.GetString(body);
        }
        return new Decoded(html, encoding, how, fellBack, invalid);
    }

    /// <summary>The charset parameter of a Content-Type header value, if any.</summary>
    public static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        var span = contentType.AsSpan();
        int i = span.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (i < 0) return null;
        span = span[(i + 7)..].TrimStart();
        if (span.IsEmpty || span[0] != '=') return null;
        span = span[1..].Trim().Trim('"').Trim('\'');
        int end = span.IndexOfAny(';', ' ', '"');
        if (end >= 0) span = span[..end];
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>
    /// The HTML standard's prescan, in brief: walk the first bytes tag by tag, skipping comments,
    /// and take the first &lt;meta&gt; that names a charset either directly or through
    /// http-equiv="content-type".
    /// </summary>
    public static string? PrescanMetaCharset(ReadOnlySpan<byte> head)
    {
        int i = 0;
        while (i < head.Length)
        {
            int lt = head[i..].IndexOf((byte)'<');
            if (lt < 0) return null;
            i += lt;
            var rest = head[i..];
            if (rest.StartsWith("<!--"u8))
            {
                int close = rest[4..].IndexOf("-->"u8);
                if (close < 0) return null;
                i += 4 + close + 3;
                continue;
            }
            if (rest.Length > 5 && AsciiEqualsIgnoreCase(rest[1..5], "meta"u8) && IsTagNameEnd(rest[5]))
            {
                int gt = FindTagEnd(rest);
                var tag = rest[5..(gt < 0 ? rest.Length : gt)];
                var charset = MetaCharset(tag);
                if (charset is not null) return charset;
                if (gt < 0) return null;
                i += gt + 1;
                continue;
            }
            int end = FindTagEnd(rest);
            if (end < 0) return null;
            i += end + 1;
        }
        return null;
    }

    private static string? MetaCharset(ReadOnlySpan<byte> attributes)
    {
        string? charset = null, content = null;
        bool httpEquivContentType = false;
        int i = 0;
        while (i < attributes.Length)
        {
            while (i < attributes.Length && (IsSpace(attributes[i]) || attributes[i] == '/')) i++;
            int nameStart = i;
            while (i < attributes.Length && attributes[i] != '=' && !IsSpace(attributes[i]) && attributes[i] != '/') i++;
            var name = attributes[nameStart..i];
            while (i < attributes.Length && IsSpace(attributes[i])) i++;
            ReadOnlySpan<byte> value = default;
            if (i < attributes.Length && attributes[i] == '=')
            {
                i++;
                while (i < attributes.Length && IsSpace(attributes[i])) i++;
                if (i < attributes.Length && attributes[i] is (byte)'"' or (byte)'\'')
                {
                    byte quote = attributes[i++];
                    int vs = i;
                    while (i < attributes.Length && attributes[i] != quote) i++;
                    value = attributes[vs..i];
                    i++;
                }
                else
                {
                    int vs = i;
                    while (i < attributes.Length && !IsSpace(attributes[i])) i++;
                    value = attributes[vs..i];
                }
            }
            if (name.IsEmpty) { i++; continue; }
            if (AsciiEqualsIgnoreCase(name, "charset"u8)) charset ??= Encoding.Latin1.GetString(value);
            else if (AsciiEqualsIgnoreCase(name, "content"u8)) content ??= Encoding.Latin1.GetString(value);
            else if (AsciiEqualsIgnoreCase(name, "http-equiv"u8)) httpEquivContentType |= AsciiEqualsIgnoreCase(value, "content-type"u8);
        }
        if (!string.IsNullOrWhiteSpace(charset)) return charset.Trim();
        if (httpEquivContentType || content is not null) return CharsetFromContentType(content);
        return null;
    }

    private static int FindTagEnd(ReadOnlySpan<byte> tag)
    {
        byte quote = 0;
        for (int k = 1; k < tag.Length; k++)
        {
            byte b = tag[k];
            if (quote != 0) { if (b == quote) quote = 0; }
            else if (b is (byte)'"' or (byte)'\'') quote = b;
            else if (b == '>') return k;
        }
        return -1;
    }

    /// <summary>True when the bytes hold at least one multi-byte UTF-8 sequence and no invalid one.</summary>
    private static bool HasMultiByteUtf8(ReadOnlySpan<byte> bytes)
    {
        bool anyHigh = false;
        foreach (var b in bytes) if (b >= 0x80) { anyHigh = true; break; }
        return anyHigh && TextDecoding.IsValidUtf8Prefix(bytes);
    }

    /// <summary>
    /// UTF-8, allowing a few stray bytes: one pasted Windows-1252 quote in a UTF-8 page should
    /// cost one U+FFFD, not turn every accented letter of the page into mojibake.
    /// </summary>
    private static bool MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        long valid = 0, invalid = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b < 0x80) { i++; continue; }
            int need = (b & 0xE0) == 0xC0 && b >= 0xC2 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 && b <= 0xF4 ? 3 : -1;
            bool ok = need > 0 && i + need < bytes.Length;
            for (int k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xC0) == 0x80;
            if (ok) { valid++; i += need + 1; }
            else if (need > 0 && i + need >= bytes.Length) { i = bytes.Length; } // cut off at the end: not evidence either way
            else { invalid++; i++; }
        }
        return invalid == 0 || valid >= invalid * 20;
    }

    private static bool IsTagNameEnd(byte b) => IsSpace(b) || b == '/' || b == '>';
    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C;

    private static bool AsciiEqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length) return false;
        for (int k = 0; k < a.Length; k++)
            if ((a[k] | 0x20) != (b[k] | 0x20)) return false;
        return true;
    }
}
