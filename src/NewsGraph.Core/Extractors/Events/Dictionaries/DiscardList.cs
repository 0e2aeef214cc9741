namespace NewsGraph.Core.Extractors.Events.Dictionaries;

/// <summary>
/// Phrases that mark a sentence (or, with a leading <c>+</c>, a whole story) as not about political
/// events: sports fixtures, film titles, historical chronologies. The last word matches as a stem
/// unless it ends with <c>_</c>, as in TABARI ("BASEBALL" also stops "baseballs").
/// </summary>
public sealed class DiscardList
{
    private sealed record Phrase(string[] Words, bool Exact, bool Story);

    // Phrases of two or more words by their first word; one-word phrases by the word (exact) or stem.
    private readonly Dictionary<string, List<Phrase>> _byFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Phrase> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Phrase> _stems = new(StringComparer.Ordinal);
    private int _longestStem;

    public int Count { get; private set; }

    internal static void Read(TextReader reader, string file, DiscardList into, List<DictionaryProblem> problems)
    {
        foreach (var line in DictionaryText.Lines(reader))
        {
            var text = line.Text.Trim();
            bool story = text.StartsWith('+');
            if (story) text = text[1..].Trim();
            bool exact = text.EndsWith('_');
            var words = DictionaryText.Phrase(text).Select(t => t.Text).ToArray();
            if (words.Length == 0)
            {
                problems.Add(new DictionaryProblem(file, line.Number, "an empty discard phrase"));
                continue;
            }
            into.Add(new Phrase(words, exact, story));
        }
    }

    private void Add(Phrase p)
    {
        Count++;
        if (p.Words.Length > 1)
        {
            if (!_byFirst.TryGetValue(p.Words[0], out var list)) _byFirst[p.Words[0]] = list = new List<Phrase>();
            list.Add(p);
        }
        else if (p.Exact) Keep(_single, p);
        else
        {
            Keep(_stems, p);
            _longestStem = Math.Max(_longestStem, p.Words[0].Length);
        }
    }

    // A story discard outranks a sentence discard for the same word.
    private static void Keep(Dictionary<string, Phrase> map, Phrase p)
    {
        if (!map.TryGetValue(p.Words[0], out var old) || (p.Story && !old.Story)) map[p.Words[0]] = p;
    }

    internal void AddAll(DiscardList other)
    {
        foreach (var list in other._byFirst.Values) foreach (var p in list) Add(p);
        foreach (var p in other._single.Values) Add(p);
        foreach (var p in other._stems.Values) Add(p);
    }

    /// <summary>Whether the sentence holds a discard phrase, and whether it discards the whole story.</summary>
    public (bool Sentence, bool Story) Check(IReadOnlyList<string> upper)
    {
        bool sentence = false;
        for (int i = 0; i < upper.Count; i++)
        {
            var token = upper[i];
            if (_single.TryGetValue(token, out var s)) { if (s.Story) return (true, true); sentence = true; }
            for (int len = Math.Min(token.Length, _longestStem); len > 0; len--)
            {
                if (!_stems.TryGetValue(token[..len], out var st)) continue;
                if (st.Story) return (true, true);
                sentence = true;
            }
            if (!_byFirst.TryGetValue(token, out var list)) continue;
            foreach (var p in list)
            {
                if (!Continues(upper, i, p)) continue;
                if (p.Story) return (true, true);
                sentence = true;
            }
        }
        return (sentence, false);
    }

    private static bool Continues(IReadOnlyList<string> upper, int i, Phrase p)
    {
        if (i + p.Words.Length > upper.Count) return false;
        for (int k = 1; k < p.Words.Length; k++)
        {
            var token = upper[i + k];
            bool last = k == p.Words.Length - 1;
            if (last && !p.Exact ? !token.StartsWith(p.Words[k], StringComparison.Ordinal) : token != p.Words[k]) return false;
        }
        return true;
    }
}
