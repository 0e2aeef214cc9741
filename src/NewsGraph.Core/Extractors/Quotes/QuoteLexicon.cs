using System.Reflection;

namespace NewsGraph.Core.Extractors.Quotes;

/// <summary>What a word can be inside the phrase that names a speaker (a word may be several).</summary>
[Flags]
internal enum SpeakerWordClass : uint
{
    None = 0,
    Pronoun = 1 << 0,
    Definite = 1 << 1,
    Possessive = 1 << 2,
    Indefinite = 1 << 3,
    /// <summary>What someone does: a title before a name, or the head of "the minister".</summary>
    Role = 1 << 4,
    /// <summary>Head of a withheld source: "a security source", "officials".</summary>
    Anonymous = 1 << 5,
    /// <summary>Head of an unnamed person described: "a witness", "residents".</summary>
    Description = 1 << 6,
    /// <summary>Lower-case head of an organisation: "the ministry", "the company".</summary>
    Organisation = 1 << 7,
    /// <summary>Capitalised last word of an organisation's name: "Health Ministry", "Flyway Airlines".</summary>
    NameEnd = 1 << 8,
    /// <summary>Capitalised word that stands before a name: "Fire Chief", "Deputy Foreign Minister".</summary>
    Title = 1 << 9,
    Adjective = 1 << 10,
}

internal readonly record struct SpeakerWord(SpeakerWordClass Classes, char Gender, string? Canonical)
{
    public bool Is(SpeakerWordClass c) => (Classes & c) != 0;
}

/// <summary>Everything the word lists say about one word, found with a single lookup and kept per token.</summary>
internal sealed class WordFacts
{
    public required string Lower { get; init; }
    public SpeakerWord Word { get; set; }
    public SpeechVerb? Verb { get; set; }
    /// <summary>'m' or 'f' for a given name of one gender, '\0' for one used by both or none.</summary>
    public char FirstNameGender { get; set; }
    public bool FirstName { get; set; }
    public string? Country { get; set; }
    public bool Nationality { get; set; }
}

/// <summary>A verb that attributes words; <see cref="Particle"/> is the second word of "point out".</summary>
internal sealed record SpeechVerb(string Lemma, bool Reporting, string? Particle)
{
    /// <summary>The lemma's first word: the base form that a present tense is compared with.</summary>
    public string Base { get; } = Lemma.Split(' ')[0];
}

/// <summary>
/// The word lists of the quote stage, loaded once from the assembly and shared read-only by every
/// thread: speech verbs, speaker words, gendered first names and countries with their adjectives and
/// capitals. All lookups ignore case and take spans, so the stage never cuts substrings to look up.
/// (Plain dictionaries: a span lookup ignoring case measured several times faster than in a frozen one.)
/// </summary>
internal static class QuoteLexicon
{
    private static readonly Dictionary<string, SpeakerWord> WordTable;
    private static readonly Dictionary<string, SpeechVerb> VerbTable;
    private static readonly Dictionary<string, char> FirstNameTable;
    private static readonly Dictionary<string, (string Country, bool Adjective)> PlaceTable;
    private static readonly Dictionary<string, SpeakerWord>.AlternateLookup<ReadOnlySpan<char>> Words;
    private static readonly Dictionary<string, SpeechVerb>.AlternateLookup<ReadOnlySpan<char>> Verbs;
    private static readonly Dictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> FirstNames;
    private static readonly Dictionary<string, (string Country, bool Adjective)>.AlternateLookup<ReadOnlySpan<char>> Places;

    private static readonly Dictionary<string, WordFacts> FactTable;
    private static readonly Dictionary<string, WordFacts>.AlternateLookup<ReadOnlySpan<char>> Facts;

    static QuoteLexicon()
    {
        WordTable = Lowered(LoadWords());
        VerbTable = Lowered(LoadVerbs());
        FirstNameTable = Lowered(LoadFirstNames());
        PlaceTable = Lowered(LoadPlaces());
        Words = WordTable.GetAlternateLookup<ReadOnlySpan<char>>();
        Verbs = VerbTable.GetAlternateLookup<ReadOnlySpan<char>>();
        FirstNames = FirstNameTable.GetAlternateLookup<ReadOnlySpan<char>>();
        Places = PlaceTable.GetAlternateLookup<ReadOnlySpan<char>>();
        FactTable = new Dictionary<string, WordFacts>(StringComparer.Ordinal);
        WordFacts Fact(string key) => FactTable.TryGetValue(key, out var f) ? f : FactTable[key] = new WordFacts { Lower = key };
        foreach (var (k, v) in WordTable) Fact(k).Word = v;
        foreach (var (k, v) in VerbTable) Fact(k).Verb = v;
        foreach (var (k, v) in FirstNameTable) { var f = Fact(k); f.FirstName = true; f.FirstNameGender = v; }
        foreach (var (k, v) in PlaceTable) { var f = Fact(k); f.Country = v.Country; f.Nationality = v.Adjective; }
        Facts = FactTable.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>What the lists know of a word (any case), or null.</summary>
    public static WordFacts? FactsOf(ReadOnlySpan<char> word)
    {
        if (Lookup(Facts, word, out var f)) return f;
        // "Gov.", "Sen.", "Det.": an abbreviation is the word without its full stop.
        if (word.Length is > 1 and <= 6 && word[^1] == '.' && Lookup(Facts, word[..^1], out f)) return f;
        return null;
    }

    // Keys are stored in lower case and looked up through a lower-cased copy on the stack: measured about
    // ten times faster than a dictionary that ignores case itself (400 ns a lookup, on every token).
    private const int LongestKey = 40;

    private static Dictionary<string, T> Lowered<T>(Dictionary<string, T> table)
    {
        var lowered = new Dictionary<string, T>(table.Count, StringComparer.Ordinal);
        foreach (var (key, value) in table) lowered.TryAdd(key.ToLowerInvariant(), value);
        return lowered;
    }

    private static bool Lookup<T>(Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> table, ReadOnlySpan<char> key, out T value)
    {
        if (key.Length == 0 || key.Length > LongestKey)
        {
            value = default!;
            return false;
        }
        Span<char> lower = stackalloc char[key.Length];
        key.ToLowerInvariant(lower);
        return table.TryGetValue(lower, out value!);
    }

    public static SpeakerWord Word(ReadOnlySpan<char> word) => Lookup(Words, word, out var w) ? w : default;

    public static SpeechVerb? Verb(ReadOnlySpan<char> word) => Lookup(Verbs, word, out var v) ? v : null;

    /// <summary>'m', 'f', or '\0' when the given name does not tell.</summary>
    public static char GenderOfFirstName(ReadOnlySpan<char> name) => Lookup(FirstNames, name, out var g) ? g : '\0';

    public static bool IsFirstName(ReadOnlySpan<char> name) => Lookup(FirstNames, name, out _);

    /// <summary>The country a name, adjective or capital stands for ("Chinese", "Moscow" -> China, Russia).</summary>
    public static string? Country(ReadOnlySpan<char> name) => Lookup(Places, name, out var c) ? c.Country : null;

    /// <summary>True for a people's adjective or noun ("Chinese", "Spaniard"), false for a country or capital's name.</summary>
    public static bool IsNationality(ReadOnlySpan<char> word) => Lookup(Places, word, out var c) && c.Adjective;

    private static IEnumerable<string> Lines(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("NewsGraph.Quotes." + resource)
            ?? throw new InvalidOperationException($"the quote stage's word list {resource} is missing from the assembly");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            yield return trimmed;
        }
    }

    private static Dictionary<string, SpeakerWord> LoadWords()
    {
        var table = new Dictionary<string, SpeakerWord>(StringComparer.OrdinalIgnoreCase);
        var section = SpeakerWordClass.None;
        foreach (var line in Lines("speaker-words.txt"))
        {
            if (line[0] == '[')
            {
                section = line switch
                {
                    "[pronoun]" => SpeakerWordClass.Pronoun,
                    "[definite]" => SpeakerWordClass.Definite,
                    "[possessive]" => SpeakerWordClass.Possessive,
                    "[indefinite]" => SpeakerWordClass.Indefinite,
                    "[role]" => SpeakerWordClass.Role,
                    "[anonymous]" => SpeakerWordClass.Anonymous,
                    "[description]" => SpeakerWordClass.Description,
                    "[organisation]" => SpeakerWordClass.Organisation,
                    "[name-end]" => SpeakerWordClass.NameEnd,
                    "[title]" => SpeakerWordClass.Title,
                    "[adjective]" => SpeakerWordClass.Adjective,
                    _ => throw new InvalidDataException("speaker-words.txt: unknown section " + line),
                };
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            char gender = '\0';
            string? canonical = null;
            foreach (var flag in parts.Skip(1))
            {
                if (flag is "m" or "f") gender = flag[0];
                else if (flag.StartsWith('=')) canonical = flag[1..].Replace('+', ' ');
            }
            table.TryGetValue(parts[0], out var existing);
            table[parts[0]] = new SpeakerWord(existing.Classes | section,
                gender != '\0' ? gender : existing.Gender, canonical ?? existing.Canonical);
        }
        return table;
    }

    private static Dictionary<string, SpeechVerb> LoadVerbs()
    {
        var table = new Dictionary<string, SpeechVerb>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines("speech-verbs.txt"))
        {
            var fields = line.Split('\t');
            var lemma = fields[0];
            var particle = lemma.Contains(' ') ? lemma[(lemma.IndexOf(' ') + 1)..] : null;
            var verb = new SpeechVerb(lemma, fields[1] == "report", particle);
            foreach (var form in fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                table.TryAdd(form, verb);
        }
        return table;
    }

    private static Dictionary<string, char> LoadFirstNames()
    {
        var table = new Dictionary<string, char>(StringComparer.OrdinalIgnoreCase);
        char gender = '\0';
        foreach (var line in Lines("first-names.txt"))
        {
            if (line == "[m]" || line == "[f]")
            {
                gender = line[1];
                continue;
            }
            foreach (var name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // A name listed for both genders tells nothing.
                if (table.TryGetValue(name, out var g) && g != gender) table[name] = '\0';
                else table[name] = gender;
            }
        }
        return table;
    }

    private static Dictionary<string, (string, bool)> LoadPlaces()
    {
        var table = new Dictionary<string, (string, bool)>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Lines("places.txt"))
        {
            var fields = line.Split('|');
            var country = fields[0];
            table.TryAdd(country, (country, false));
            for (int f = 1; f < fields.Length; f++)
                foreach (var name in fields[f].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    table.TryAdd(name, (country, f == 1));
        }
        return table;
    }
}
