namespace NewsGraph.Core.Extractors.Events.Dictionaries;

/// <summary>A phrase found in a sentence: token range [Start, End) and what the dictionary says of it.</summary>
public readonly record struct PhraseMatch<T>(int Start, int End, T Value, int Length);

/// <summary>
/// Dictionary phrases indexed by their first token, matched against a sentence's upper-cased
/// tokens: at each position the phrase covering the most dictionary tokens wins, and matches do
/// not overlap. A blank in a dictionary phrase lets up to <see cref="MaxGap"/> words (not
/// punctuation) come between its words ("ITHILEN TELEVISION" finds "Ithilen state-run television").
/// </summary>
public sealed class PhraseIndex<T>
{
    public const int MaxGap = 2;
    private readonly Dictionary<string, List<(PhraseToken[] Tokens, T Value)>> _byFirst = new(StringComparer.Ordinal);
    private Dictionary<string, List<(PhraseToken[] Tokens, T Value)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private bool _sorted;

    public PhraseIndex() => _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count { get; private set; }

    internal void Add(PhraseToken[] tokens, T value)
    {
        if (tokens.Length == 0) return;
        if (!_byFirst.TryGetValue(tokens[0].Text, out var list)) _byFirst[tokens[0].Text] = list = new List<(PhraseToken[], T)>(1);
        // The same phrase again (a later dictionary, or a later line): the later one stands.
        int same = list.FindIndex(p => p.Tokens.AsSpan().SequenceEqual(tokens));
        if (same >= 0) { list[same] = (tokens, value); _sorted = false; return; }
        list.Add((tokens, value));
        Count++;
        _sorted = false;
    }

    /// <summary>Merges another index in (its phrases come after ours for equal lengths).</summary>
    internal void AddAll(PhraseIndex<T> other)
    {
        foreach (var list in other._byFirst.Values)
            foreach (var (tokens, value) in list) Add(tokens, value);
    }

    /// <summary>Sorts each bucket longest first; call once after loading, before sharing across threads.</summary>
    internal void Freeze()
    {
        if (_sorted) return;
        foreach (var list in _byFirst.Values)
        {
            var ordered = list.Select((p, i) => (p, i)).OrderByDescending(x => x.p.Tokens.Length).ThenBy(x => x.i).Select(x => x.p).ToList();
            list.Clear();
            list.AddRange(ordered);
        }
        _sorted = true;
    }

    /// <summary>Finds the longest phrase starting at token <paramref name="start"/>.</summary>
    /// <param name="upper">The sentence's tokens, upper-cased.</param>
    /// <param name="isWord">Whether each token is a word (gaps may only skip words).</param>
    public bool TryMatchAt(IReadOnlyList<string> upper, IReadOnlyList<bool> isWord, int start, out PhraseMatch<T> match)
    {
        match = default;
        if (!_lookup.TryGetValue(upper[start].AsSpan(), out var list)) return false;
        foreach (var (tokens, value) in list)
        {
            int end = MatchFrom(tokens, upper, isWord, start);
            if (end < 0) continue;
            match = new PhraseMatch<T>(start, end, value, tokens.Length);
            return true;
        }
        return false;
    }

    /// <summary>Every non-overlapping longest match in the sentence, left to right.</summary>
    public List<PhraseMatch<T>> MatchAll(IReadOnlyList<string> upper, IReadOnlyList<bool> isWord)
    {
        var result = new List<PhraseMatch<T>>();
        for (int i = 0; i < upper.Count;)
        {
            if (TryMatchAt(upper, isWord, i, out var m))
            {
                result.Add(m);
                i = m.End;
            }
            else i++;
        }
        return result;
    }

    private static int MatchFrom(PhraseToken[] tokens, IReadOnlyList<string> upper, IReadOnlyList<bool> isWord, int start)
    {
        int pos = start + 1;
        for (int k = 1; k < tokens.Length; k++)
        {
            var t = tokens[k];
            // "Dol_Amroth" in running text: an underscore joins, as it does in the dictionary.
            if (pos + 1 < upper.Count && upper[pos] == "_" && upper[pos + 1] == t.Text) { pos += 2; continue; }
            if (pos < upper.Count && upper[pos] == t.Text) { pos++; continue; }
            if (!t.GapBefore) return -1;
            int found = -1;
            for (int skip = 0; skip < MaxGap && pos + skip < upper.Count; skip++)
            {
                if (!isWord[pos + skip]) break;
                if (pos + skip + 1 < upper.Count && upper[pos + skip + 1] == t.Text) { found = pos + skip + 1; break; }
            }
            if (found < 0) return -1;
            pos = found + 1;
        }
        return pos;
    }
}
