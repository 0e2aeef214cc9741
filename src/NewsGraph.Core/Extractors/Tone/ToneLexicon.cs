using System.Reflection;

namespace NewsGraph.Core.Extractors.Tone;

/// <summary>
/// The word lists tone is counted with, loaded once from the embedded data files and shared
/// read-only: tone words (VADER's lexicon plus NewsGraph's news words, minus the words news
/// uses without tone), activity words, self/group pronouns and negators.
/// </summary>
public sealed class ToneLexicon
{
    private static readonly Lazy<ToneLexicon> Shared = new(Load);

    /// <summary>The lexicon shipped with NewsGraph.</summary>
    public static ToneLexicon Default => Shared.Value;

    // OrdinalIgnoreCase lets a token be looked up as a span, without lower-casing a copy.
    private readonly Dictionary<string, double> _valence = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _activity = new(StringComparer.OrdinalIgnoreCase);
    // Everything known of a word in one entry, so that scoring a token is a single probe.
    private readonly Dictionary<string, ToneWord> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ToneWord>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // Personal pronouns: GDELT's self/group reference density counts pronouns. "it"/"its" refer
    // to things, not to selves or groups, and are left out.
    private static readonly string[] Pronouns =
    [
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves",
        "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself",
        "she", "her", "hers", "herself", "they", "them", "their", "theirs", "themselves",
    ];

    // Words that turn the tone of the next few words around ("not good", "no progress",
    // "without success"); "n't" is the tokenizer's piece of "didn't".
    private static readonly string[] Negators =
    [
        "not", "n't", "no", "never", "without", "neither", "nor", "none", "nobody", "nothing",
        "nowhere", "hardly", "barely", "scarcely", "cannot", "lack", "lacks", "lacked", "lacking",
    ];

    // A negation does not reach past a contrast: "not cheap, but good".
    private static readonly string[] ClauseBreaks = ["but", "however", "although", "though", "yet", "while", "whereas"];

    private ToneLexicon(IEnumerable<(string Word, double Valence)> words, IReadOnlyCollection<string> ignored, IEnumerable<string> activity)
    {
        foreach (var (word, valence) in words) _valence[word] = valence;
        foreach (var word in ignored) _valence.Remove(word);
        foreach (var word in Negators) _valence.Remove(word);
        // VADER lists "death" but not "deaths", "bomb" but not "bombed": add the regular forms of
        // each word (never replacing a listed one), so a lookup is one probe per token.
        foreach (var (word, valence) in _valence.ToList())
            foreach (var form in Inflections(word))
                _valence.TryAdd(form, valence);
        foreach (var word in ignored) _valence.Remove(word);
        foreach (var word in activity) _activity.Add(word);
        foreach (var (word, valence) in _valence) Merge(word, w => w with { Valence = (float)valence });
        foreach (var word in _activity) Merge(word, w => w with { Kinds = w.Kinds | ToneWordKinds.Activity });
        foreach (var word in Pronouns) Merge(word, w => w with { Kinds = w.Kinds | ToneWordKinds.Pronoun });
        foreach (var word in Negators) Merge(word, w => w with { Kinds = w.Kinds | ToneWordKinds.Negator });
        foreach (var word in ClauseBreaks) Merge(word, w => w with { Kinds = w.Kinds | ToneWordKinds.ClauseBreak });
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private void Merge(string word, Func<ToneWord, ToneWord> change) =>
        _words[word] = change(_words.TryGetValue(word, out var known) ? known : default);

    /// <summary>What the lexicon knows of a word; the default (no valence, no kind) when nothing.</summary>
    public ToneWord Lookup(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var w) ? w : default;

    public int ToneWordCount => _valence.Count;
    public int ActivityWordCount => _activity.Count;

    /// <summary>The valence of a word (negative below zero); regular inflections of listed words are listed too.</summary>
    public bool TryValence(ReadOnlySpan<char> word, out double valence)
    {
        valence = Lookup(word).Valence;
        return valence != 0;
    }

    public bool IsActivity(ReadOnlySpan<char> word) => Lookup(word).Is(ToneWordKinds.Activity);

    /// <summary>A personal pronoun; "US" in capitals is the country, not "us".</summary>
    public bool IsPronoun(ReadOnlySpan<char> word) => Lookup(word).Is(ToneWordKinds.Pronoun) && !IsCountryUs(word);

    /// <summary>"US" in capitals is the United States, not the pronoun.</summary>
    public static bool IsCountryUs(ReadOnlySpan<char> word) => word.Length == 2 && word[0] == 'U' && word[1] == 'S';

    public bool IsNegator(ReadOnlySpan<char> word) => Lookup(word).Is(ToneWordKinds.Negator);

    public bool IsClauseBreak(ReadOnlySpan<char> word) => Lookup(word).Is(ToneWordKinds.ClauseBreak);

    private static ToneLexicon Load()
    {
        var words = new List<(string, double)>();
        words.AddRange(ReadValences("vader-words.tsv"));
        // News words come second so that they take precedence over VADER's rating.
        words.AddRange(ReadValences("news-words.tsv"));
        var activity = new List<string>();
        foreach (var line in ReadLines("activity-words.txt"))
        {
            var forms = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            activity.AddRange(RegularForms(forms[0]));
            activity.AddRange(forms.Skip(1));
        }
        return new ToneLexicon(words, ReadLines("tone-ignored.txt").ToList(), activity);
    }

    /// <summary>Plural and verb forms of a listed word, for words of three letters or more; forms under five letters are left out as too ambiguous.</summary>
    private static IEnumerable<string> Inflections(string word)
    {
        if (word.Length < 3 || !word.All(char.IsLetter)) yield break;
        foreach (var form in RegularForms(word).Skip(1))
            if (form.Length >= 5) yield return form;
    }

    /// <summary>The verb, its -s, -ed and -ing forms, by the regular spelling rules.</summary>
    internal static IEnumerable<string> RegularForms(string verb)
    {
        yield return verb;
        bool consonantY = verb.Length > 1 && verb[^1] == 'y' && !"aeiou".Contains(verb[^2]);
        if (verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("ch") || verb.EndsWith("sh")) yield return verb + "es";
        else if (consonantY) yield return verb[..^1] + "ies";
        else yield return verb + "s";
        if (verb.EndsWith('e')) yield return verb + "d";
        else if (consonantY) yield return verb[..^1] + "ied";
        else yield return verb + "ed";
        if (verb.EndsWith("ie")) yield return verb[..^2] + "ying";
        else if (verb.EndsWith('e') && !verb.EndsWith("ee")) yield return verb[..^1] + "ing";
        else yield return verb + "ing";
    }

    private static IEnumerable<(string, double)> ReadValences(string name)
    {
        foreach (var line in ReadLines(name))
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0) throw new InvalidDataException($"tone data {name}: line without a tab: '{line}'");
            var value = double.Parse(line.AsSpan(tab + 1).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            yield return (line[..tab].Trim(), value);
        }
    }

    /// <summary>The lines of an embedded data file, without comments and blank lines.</summary>
    private static IEnumerable<string> ReadLines(string name)
    {
        var resource = "NewsGraph.Tone." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"embedded tone data {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line)) continue;
            yield return line.Trim();
        }
    }
}

[Flags]
public enum ToneWordKinds : byte
{
    None = 0,
    Activity = 1,
    Pronoun = 2,
    Negator = 4,
    ClauseBreak = 8,
}

/// <summary>A word's valence (0 when it has no tone) and what else it is for tone counting.</summary>
public readonly record struct ToneWord(float Valence, ToneWordKinds Kinds)
{
    public bool Is(ToneWordKinds kind) => (Kinds & kind) != 0;
}
