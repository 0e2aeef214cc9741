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
