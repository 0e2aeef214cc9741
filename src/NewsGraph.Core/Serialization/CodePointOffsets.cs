namespace NewsGraph.Core.Serialization;

/// <summary>
/// Converts UTF-16 offsets (how .NET indexes strings) to Unicode code point offsets (how
/// Python, JavaScript's Array.from and most JSON consumers index text). They differ only
/// after a character outside the Basic Multilingual Plane, such as an emoji.
/// </summary>
public sealed class CodePointOffsets
{
    private readonly int[]? _surrogatesBefore;

    public CodePointOffsets(string text)
    {
        int first = text.AsSpan().IndexOfAnyInRange('\uDC00', '\uDFFF');
        if (first < 0) return;
        _surrogatesBefore = new int[text.Length + 1];
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            _surrogatesBefore[i] = count;
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])) count++;
        }
        _surrogatesBefore[text.Length] = count;
    }

    public int this[int utf16Offset] => _surrogatesBefore is null ? utf16Offset : utf16Offset - _surrogatesBefore[utf16Offset];
}
