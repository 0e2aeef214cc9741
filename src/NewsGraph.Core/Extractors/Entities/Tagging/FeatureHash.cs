using System.Runtime.CompilerServices;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// Stable 64-bit hashes over token characters, computed in place (no substrings), so the
/// tagger's hot path allocates nothing per token. Typographic variants are folded first:
/// curly apostrophes and quotes, dashes and non-breaking hyphens hash like their ASCII
/// forms, because CoNLL (the training text) is ASCII and news pages are not.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c switch
    {
        '’' or '‘' or '`' or '´' or 'ʼ' or '′' => '\'',
        '“' or '”' or '„' or '«' or '»' or '″' => '"',
        '–' or '—' or '‐' or '‑' or '‒' or '−' => '-',
        '\u00A0' => ' ',
        _ => c,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    /// <summary>The folded form as written (case kept, digits kept).</summary>
    public static ulong Raw(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s) h = (h ^ Fold(c)) * Prime;
        return Finish(h);
    }

    /// <summary>Lower-cased, digits folded to 0: "1996-08-22" and "2001-01-01" share a form.</summary>
    public static ulong Lowered(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s)
        {
            char f = Lower(Fold(c));
            if (char.IsDigit(f)) f = '0';
            h = (h ^ f) * Prime;
        }
        return Finish(h);
    }

    /// <summary>Case kept, digits folded to 0 (the form word clusters are keyed by).</summary>
    public static ulong CasedDigitsFolded(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s)
        {
            char f = Fold(c);
            if (char.IsDigit(f)) f = '0';
            h = (h ^ f) * Prime;
        }
        return Finish(h);
    }

    /// <summary>The first <paramref name="n"/> (or last, when <paramref name="fromEnd"/>) lowered characters.</summary>
    public static ulong Affix(ReadOnlySpan<char> s, int n, bool fromEnd)
    {
        if (n > s.Length) n = s.Length;
        var part = fromEnd ? s[^n..] : s[..n];
        ulong h = Offset ^ (fromEnd ? 0x5BUL : 0xA7UL);
        foreach (var c in part) h = (h ^ Lower(Fold(c))) * Prime;
        return Finish(h);
    }

    /// <summary>
    /// Word shape: X for upper, x for lower, d for digit, other characters folded.
    /// <paramref name="brief"/> collapses runs ("Xxxxx" → "Xx"); the long form keeps at most 6 characters of each end.
    /// </summary>
    public static ulong Shape(ReadOnlySpan<char> s, bool brief)
    {
        ulong h = Offset ^ (brief ? 0x33UL : 0x77UL);
        char last = '\0';
        int n = s.Length;
        for (int i = 0; i < n; i++)
        {
            if (!brief && n > 12 && i == 6) { h = (h ^ '~') * Prime; i = n - 6; }
            char c = Fold(s[i]);
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (brief && k == last) continue;
            last = k;
            h = (h ^ k) * Prime;
        }
        return Finish(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A feature key: a template id joined with a value hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong value) => Finish(value + 0x9E3779B97F4A7C15UL * (ulong)(template + 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a, ulong b) => Finish(a * 31 + Finish(b + 0x632BE59BD9B4E019UL * (ulong)(template + 1)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Key(int template, ulong a, ulong b, ulong c) => Key(template, a, Finish(b * 17 + c));

    /// <summary>Joins phrase parts (gazetteer phrases hash token by token).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong phrase, ulong token) => Finish(phrase * 0x100000001B3UL + token + 0x2545F4914F6CDD1DUL);
}
