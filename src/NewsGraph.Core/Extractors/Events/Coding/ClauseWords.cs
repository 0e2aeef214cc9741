using NewsGraph.Core.Extractors.Events.Dictionaries;

namespace NewsGraph.Core.Extractors.Events.Coding;

/// <summary>
/// The grammar words the coder needs (modals, negation, subordinators, reporting verbs ...), read
/// from clause-words.txt so that they are data, not code. Single words are looked up with their
/// inflections; phrases ("ABOUT_TO") are matched as token sequences.
/// </summary>
internal sealed class ClauseWords
{
    private const string Resource = "NewsGraph.Events.Data.clause-words.txt";
    private static readonly Lazy<ClauseWords> _default = new(() => Load(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, HashSet<string>> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string[]>> _phrases = new(StringComparer.Ordinal);

    public static ClauseWords Default => _default.Value;

    /// <summary>Sections of verbs (and nouns), looked up in all their forms; the others are closed-class words, taken as written.</summary>
    private static readonly HashSet<string> Inflected = new(StringComparer.Ordinal) { "intention", "threat", "demand", "refusal", "cancel", "reporting", "implicative", "light-verb", "stands-alone", "verbal-attack", "needs-force" };

    public bool Is(string section, string upper) => _words.TryGetValue(section, out var set) && set.Contains(upper);

    /// <summary>The length of a phrase of <paramref name="section"/> starting at token <paramref name="i"/>, or 0.</summary>
    public int PhraseAt(string section, IReadOnlyList<string> upper, int i)
    {
        if (!_phrases.TryGetValue(section, out var list)) return 0;
        foreach (var p in list)
        {
            if (i + p.Length > upper.Count) continue;
            int k = 0;
            while (k < p.Length && upper[i + k] == p[k]) k++;
            if (k == p.Length) return p.Length;
        }
        return 0;
    }

    /// <summary>The length of a phrase of <paramref name="section"/> ending just before token <paramref name="end"/>, or 0.</summary>
    public int PhraseEndingAt(string section, IReadOnlyList<string> upper, int end)
    {
        if (!_phrases.TryGetValue(section, out var list)) return 0;
        foreach (var p in list)
        {
            int start = end - p.Length;
            if (start < 0) continue;
            int k = 0;
            while (k < p.Length && upper[start + k] == p[k]) k++;
            if (k == p.Length) return p.Length;
        }
        return 0;
    }

    private static ClauseWords Load()
    {
        using var stream = typeof(ClauseWords).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is missing from NewsGraph.Core");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    internal static ClauseWords Read(TextReader reader)
    {
        var result = new ClauseWords();
        string? section = null;
        foreach (var line in DictionaryText.Lines(reader))
        {
            var text = line.Text.Trim();
            if (text.StartsWith('[') && text.EndsWith(']'))
            {
                section = text[1..^1].Trim();
                result._words.TryAdd(section, new HashSet<string>(StringComparer.Ordinal));
                result._phrases.TryAdd(section, new List<string[]>());
                continue;
            }
            if (section is null) continue;
            foreach (var item in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var tokens = DictionaryText.Phrase(item).Select(t => t.Text).ToArray();
                if (tokens.Length == 1 && !item.Contains('_'))
                {
                    if (Inflected.Contains(section))
                        foreach (var form in VerbDictionary.RegularForms(tokens[0])) result._words[section].Add(form);
                    else result._words[section].Add(tokens[0]);
                }
                else if (tokens.Length > 0 && Inflected.Contains(section))
                    foreach (var form in VerbDictionary.RegularForms(tokens[0])) result._phrases[section].Add([form, .. tokens[1..]]);
                else if (tokens.Length > 0) result._phrases[section].Add(tokens);
            }
        }
        foreach (var list in result._phrases.Values) list.Sort((a, b) => b.Length.CompareTo(a.Length));
        return result;
    }
}
