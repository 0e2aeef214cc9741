using System.Collections.Frozen;

namespace NewsGraph.Core.Text;

/// <summary>
/// Cardinal numbers written as words ("three", "twenty-three", "a dozen", "two hundred", "half a
/// million") and the scale words that follow figures ("2.1 million", "71.56 bn"), as news copy
/// spells them (AP and BBC style write one to nine as words).
/// </summary>
public static class NumberWords
{
    private static readonly FrozenDictionary<string, int> Cardinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 1e2, ["thousand"] = 1e3, ["million"] = 1e6, ["billion"] = 1e9, ["trillion"] = 1e12,
        ["bn"] = 1e9, ["mn"] = 1e6, ["mln"] = 1e6, ["tn"] = 1e12, ["trn"] = 1e12, ["lakh"] = 1e5, ["crore"] = 1e7,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> CardinalLookup = Cardinals.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> ScaleLookup = Scales.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly WordShapes NumberShapes = new(Cardinals.Keys.Concat(["a", "an", "half"]),
        // hyphenated cardinals: "twenty-one" .. "ninety-nine"
        from tens in new[] { "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" }
        from ones in new[] { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine" }
        select tens + "-" + ones);

    /// <summary>A cheap first test: could <paramref name="word"/> be a number word at all (by first letter and length)?</summary>
    public static bool MayBeNumberWord(ReadOnlySpan<char> word) => NumberShapes.MayContain(word);

    /// <summary>"three" is 3, "twenty-three" is 23, "Ninety" is 90.</summary>
    public static bool TryCardinal(ReadOnlySpan<char> word, out int value)
    {
        if (CardinalLookup.TryGetValue(word, out value)) return true;
        int dash = word.IndexOfAny('-', '‐');
        if (dash > 0 && CardinalLookup.TryGetValue(word[..dash], out var tens) && tens >= 20 && tens % 10 == 0
            && CardinalLookup.TryGetValue(word[(dash + 1)..], out var ones) && ones is > 0 and < 10)
        {
            value = tens + ones;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>"million" is 1e6, "bn" is 1e9 (words after a figure; also "hundred" and the Indian lakh and crore).</summary>
    public static bool TryScale(ReadOnlySpan<char> word, out double scale) => ScaleLookup.TryGetValue(word, out scale);
}

/// <summary>
/// The (first letter, last letter, length) shapes of a word list: a test that rejects most other words
/// with one bit read, before any hashing. Case-insensitive for ASCII letters; a word whose first character
/// is not an ASCII letter never matches.
/// </summary>
public sealed class WordShapes
{
    // 26 first letters x 27 last characters (a-z, or anything else such as the stop of "Jan.") x 64 lengths.
    private readonly ulong[] _bits = new ulong[26 * 27];

    public WordShapes(params IEnumerable<string>[] lists)
    {
        foreach (var list in lists)
            foreach (var w in list)
                if (Slot(w, out int slot)) _bits[slot] |= 1UL << w.Length;
    }

    public bool MayContain(ReadOnlySpan<char> word) => Slot(word, out int slot) && (_bits[slot] & (1UL << word.Length)) != 0;

    private static bool Slot(ReadOnlySpan<char> word, out int slot)
    {
        slot = 0;
        if (word.IsEmpty || word.Length >= 64) return false;
        int first = (word[0] | 0x20) - 'a';
        if ((uint)first >= 26) return false;
        int last = (word[^1] | 0x20) - 'a';
        if ((uint)last >= 26) last = 26;
        slot = first * 27 + last;
        return true;
    }
}
