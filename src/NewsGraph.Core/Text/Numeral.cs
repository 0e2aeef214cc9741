using System.Globalization;
using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Text;

/// <summary>What a figure token looks like, so callers can tell a quantity from a time, a date or a score.</summary>
public enum NumeralShape : byte
{
    /// <summary>Digits with thousands commas and at most one decimal point: 6,210,298, 2.1, 2k.</summary>
    Plain,
    /// <summary>Digits around a colon: 10:30, 13:25.</summary>
    Clock,
    /// <summary>Digits around a slash: 24/7, 25/12/2021.</summary>
    Slash,
    /// <summary>Two figures joined by a hyphen: 2-3 (a range) or 3-1 (a score).</summary>
    Pair,
    /// <summary>A dashed date: 2022-01-11.</summary>
    DashedDate,
    /// <summary>Anything else digits and stops make (1.2.3).</summary>
    Other,
}

/// <summary>A number read from one or more tokens: a figure ("324", "2.1 million", "71.56bn") or words ("a dozen").</summary>
public readonly record struct Numeral(double Value, int First, int End)
{
    public bool IsWords { get; init; }
    public NumeralShape Shape { get; init; }
    /// <summary>Upper end of a hyphenated pair ("2-3"), when <see cref="Shape"/> is Pair.</summary>
    public double High { get; init; }
    public bool HasComma { get; init; }
    public bool HasDecimal { get; init; }
    public int IntegerDigits { get; init; }
    public bool LeadingZero { get; init; }
    /// <summary>True when a scale word followed the figure ("2.1 million").</summary>
    public bool Scaled { get; init; }
    /// <summary>Letters glued to the figure ("bn" of "71.56bn", "km", "pm", "th"), as offsets into the text; empty when none.</summary>
    public int SuffixStart { get; init; }
    public int SuffixLength { get; init; }

    public bool HasSuffix => SuffixLength > 0;
    /// <summary>A whole figure of four digits and nothing else: a year candidate ("2015", not "2,015" or "2015bn").</summary>
    public bool IsBareFourDigits => !IsWords && Shape == NumeralShape.Plain && !HasComma && !HasDecimal && !HasSuffix && !Scaled && IntegerDigits == 4;
}

/// <summary>Reads numbers from an article's tokens; shared by the amount and date extractors.</summary>
public static class NumeralReader
{
    /// <summary>Reads the number that starts at token <paramref name="i"/>, if one does.</summary>
    public static bool TryRead(ArticleTokens t, int i, int limit, out Numeral numeral)
    {
        numeral = default;
        if (i >= limit) return false;
        if (t.Kind(i) == TokenKind.Number) return TryFigure(t, i, limit, out numeral);
        if (t.Kind(i) == TokenKind.Word) return TryWords(t, i, limit, out numeral);
        return false;
    }

    /// <summary>True when the word could begin a number in words, cheaply (a first filter before <see cref="TryRead"/>).</summary>
    public static bool MayStartWords(ReadOnlySpan<char> word)
    {
        // A number word has one of few (first letter, length) pairs ("a", "an", "half", "three", "twenty-three"):
        // most words are dismissed by that before any lookup.
        if (!NumberWords.MayBeNumberWord(word)) return false;
        return word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase)
               || word.Equals("half", StringComparison.OrdinalIgnoreCase) || NumberWords.TryCardinal(word, out _);
    }

    private static bool TryFigure(ArticleTokens t, int i, int limit, out Numeral numeral)
    {
        numeral = default;
        var token = t[i];
        var w = t.Word(i);
        int letters = w.Length;
        while (letters > 0 && char.IsLetter(w[letters - 1])) letters--;
        var digits = w[..letters];
        int suffixStart = token.Start + letters, suffixLength = w.Length - letters;

        NumeralShape shape = NumeralShape.Plain;
        if (digits.Contains(':')) shape = NumeralShape.Clock;
        else if (digits.Contains('/')) shape = NumeralShape.Slash;
        else if (digits.Contains('-'))
        {
            int dashes = digits.Count('-');
            shape = dashes == 2 ? NumeralShape.DashedDate : dashes == 1 ? NumeralShape.Pair : NumeralShape.Other;
        }
        if (shape is NumeralShape.Clock or NumeralShape.Slash or NumeralShape.DashedDate or NumeralShape.Other)
        {
            numeral = new Numeral(0, i, i + 1) { Shape = shape, SuffixStart = suffixStart, SuffixLength = suffixLength };
            return true;
        }

        double high = 0;
        var low = digits;
        if (shape == NumeralShape.Pair)
        {
            int dash = digits.IndexOf('-');
            low = digits[..dash];
            if (!TryPlain(digits[(dash + 1)..], out high, out _, out _, out _)) shape = NumeralShape.Other;
        }
        if (!TryPlain(low, out var value, out bool comma, out bool dec, out int intDigits))
        {
            numeral = new Numeral(0, i, i + 1) { Shape = NumeralShape.Other };
            return true;
        }
        int end = i + 1;
        double factor = 1;
        // "2.1 million", "71.56 bn": a scale word after the figure (not after a glued suffix: "2km million" is nonsense).
        if (suffixLength == 0 && shape == NumeralShape.Plain && end < limit && t.Kind(end) == TokenKind.Word && NumberWords.TryScale(t.Word(end), out var scale))
        {
            factor = scale;
            end++;
        }
        numeral = new Numeral(value * factor, i, end)
        {
            Shape = shape, High = high * factor, HasComma = comma, HasDecimal = dec,
            IntegerDigits = intDigits, LeadingZero = digits.Length > 1 && digits[0] == '0' && digits[1] != '.',
            Scaled = factor != 1, SuffixStart = suffixStart, SuffixLength = suffixLength,
        };
        return true;
    }

    /// <summary>"6,210,298", "2.1", "0.5": digits, thousands commas, one decimal point.</summary>
    private static bool TryPlain(ReadOnlySpan<char> s, out double value, out bool comma, out bool dec, out int intDigits)
    {
        value = 0; comma = false; dec = false; intDigits = 0;
        if (s.IsEmpty) return false;
        Span<char> buffer = stackalloc char[Math.Min(s.Length, 64)];
        if (s.Length > 64) return false;
        int n = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) { buffer[n++] = c; if (!dec) intDigits++; }
            else if (c == ',' && !dec) comma = true;
            else if (c == '.' && !dec) { dec = true; buffer[n++] = '.'; }
            else return false;
        }
        return double.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryWords(ArticleTokens t, int i, int limit, out Numeral numeral)
    {
        numeral = default;
        var w = t.Word(i);
        int end = i;
        double value;
        if (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            // "a dozen", "a million": a quantity; "a hundred" too; "a couple" is too vague to count.
            if (i + 1 >= limit) return false;
            var next = t.Word(i + 1);
            if (next.Equals("dozen", StringComparison.OrdinalIgnoreCase)) value = 12;
            else if (NumberWords.TryScale(next, out var s) && s >= 100 && char.IsLower(next[0]) && next.Length > 3) value = s;
            else return false;
            end = i + 2;
        }
        else if (w.Equals("half", StringComparison.OrdinalIgnoreCase))
        {
            // "half a million", "half a dozen"; a bare "half" is a fraction, not a count.
            if (i + 2 >= limit || !t.IsAny(i + 1, ["a", "an"])) return false;
            var next = t.Word(i + 2);
            if (next.Equals("dozen", StringComparison.OrdinalIgnoreCase)) value = 6;
            else if (NumberWords.TryScale(next, out var s) && s >= 100 && next.Length > 3) value = s / 2;
            else return false;
            end = i + 3;
        }
        else if (NumberWords.TryCardinal(w, out var cardinal))
        {
            value = cardinal;
            end = i + 1;
            if (end < limit && t.Is(end, "hundred")) { value *= 100; end++; }
            if (value >= 100 && end + 1 < limit && t.Is(end, "and") && NumberWords.TryCardinal(t.Word(end + 1), out var rest) && rest < 100)
            {
                value += rest;
                end += 2;
            }
            if (end < limit && t.Is(end, "dozen")) { value *= 12; end++; }
            else if (end < limit && t.Kind(end) == TokenKind.Word && NumberWords.TryScale(t.Word(end), out var scale) && scale >= 1000 && t.Word(end).Length > 3)
            {
                value *= scale;
                end++;
            }
        }
        else return false;
        numeral = new Numeral(value, i, end) { IsWords = true, Scaled = end - i > 1 };
        return true;
    }
}
