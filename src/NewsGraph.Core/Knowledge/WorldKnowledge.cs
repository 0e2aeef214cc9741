using System.Reflection;

namespace NewsGraph.Core.Knowledge;

/// <summary>A country: ISO 3166 codes, the name NewsGraph uses for it, its capital and population.</summary>
public sealed record Country(string Alpha2, string Alpha3, string Name, string Capital, long Population);

public enum InstitutionKind
{
    /// <summary>A building or street standing for a government: "the Kremlin", "Downing Street".</summary>
    Seat,
    /// <summary>A national institution with a name of its own: "the Pentagon", "the Majlis".</summary>
    Body,
    /// <summary>A capital city, which stands for the government only when the text uses it so.</summary>
    Capital,
}

/// <summary>A national institution or seat of government, coded as its country plus a CAMEO agent (RUS + GOV).</summary>
public sealed record Institution(string Name, Country Country, string Agent, InstitutionKind Kind)
{
    public string Actor => Country.Alpha3 + Agent;
}

/// <summary>An international body or named group with its CAMEO actor code (IGOWSTNAT, PSEREBHMS, MNCUSA).</summary>
public sealed record Organisation(string Code, string Name, Country? Country, bool Curated);

/// <summary>A city, province or region and the country it is in.</summary>
public sealed record Place(string Name, Country Country, long Population);

/// <summary>
/// A role word or title ("foreign minister", "spokesman") and its CAMEO agent. An agent of "*"
/// takes the agent of whom it serves ("army spokesman" is MIL); <see cref="Fallback"/> is the
/// agent when the text names no one ("Trade and Industry Secretary Patricia Hewitt" is GOV).
/// <see cref="HandWritten"/> roles come from titles.tsv; the others from Phoenix.agents.txt.
/// </summary>
public sealed record RoleWord(string Phrase, string Agent, string? Fallback = null, bool HandWritten = false)
{
    public bool TakesAgentOfEmployer => Agent == "*";
}

/// <summary>
/// Countries, places, seats of government, international bodies and role words, loaded once
/// from the tables embedded in this assembly (Knowledge/Data, see NOTICE.md there) and shared
/// read-only by every stage and thread. Every lookup takes a <see cref="NameKey"/>.
/// </summary>
public sealed class WorldKnowledge
{
    private static readonly Lazy<WorldKnowledge> _shared = new(() => Load(ReadEmbedded), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The tables shipped with NewsGraph, loaded on first use.</summary>
    public static WorldKnowledge Shared => _shared.Value;

    private readonly Dictionary<string, Country> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Country> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Country> _byDemonym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Institution> _institutions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Organisation> _organisations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> _places = new(StringComparer.Ordinal);
    private readonly HashSet<string> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoleWord> _roles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _roleWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _titleWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _honorifics = new(StringComparer.Ordinal);
    private readonly HashSet<string> _familyNamesFirst = new(StringComparer.Ordinal);

    private WorldKnowledge() { }

    public int CountryCount => _byCode.Count / 2;

    /// <summary>The country with this ISO alpha-3 or alpha-2 code.</summary>
    public Country? CountryByCode(string code) => _byCode.GetValueOrDefault(code.ToUpperInvariant());

    /// <summary>The country a name stands for: "Iran", "Islamic Republic of Iran", "the US", "Britain".</summary>
    public Country? CountryByName(string key) => _byName.GetValueOrDefault(StripThe(key));

    /// <summary>The country of a demonym, singular or plural: "Iranian", "Qataris", "British".</summary>
    public Country? CountryByDemonym(string key)
    {
        if (_byDemonym.TryGetValue(key, out var c)) return c;
        return key.Length > 3 && key[^1] == 's' && _byDemonym.TryGetValue(key[..^1], out c) ? c : null;
    }

    /// <summary>A seat of government, national institution or capital: "Kremlin", "Pentagon", "Tehran".</summary>
    public Institution? Institution(string key) => _institutions.GetValueOrDefault(key) ?? _institutions.GetValueOrDefault(StripThe(key));

    /// <summary>An international body or named group: "NATO", "United Nations", "Hamas".</summary>
    public Organisation? Organisation(string key) => _organisations.GetValueOrDefault(key) ?? _organisations.GetValueOrDefault(StripThe(key));

    /// <summary>The most populous city, province or region of this name (none for a region of several countries: "Asia").</summary>
    public Place? Place(string key) => _places.GetValueOrDefault(key) ?? _places.GetValueOrDefault(StripThe(key));

    /// <summary>Whether the name is a region of several countries ("Asia", "the Middle East", "Latin America").</summary>
    public bool IsRegion(string key) => _regions.Contains(key) || _regions.Contains(StripThe(key));

    /// <summary>The role word or title of this key, singular or plural ("ministers", "troops", "spokespeople").</summary>
    public RoleWord? Role(string key)
    {
        if (_roles.TryGetValue(key, out var r)) return r;
        foreach (var singular in Singulars(key))
            if (_roles.TryGetValue(singular, out r)) return r;
        return null;
    }

    /// <summary>Whether a word takes part in some title or role phrase ("deputy", "foreign", "minister", "press").</summary>
    public bool IsRoleWord(string word) => _roleWords.Contains(word) || Singulars(word).Any(_roleWords.Contains);

    /// <summary>
    /// Whether a word belongs to a hand-written title ("president", "foreign", "minister"): the
    /// words that may be taken off the front of a person's name. Given names that are also
    /// titles elsewhere ("Sultan") are left out of the table on purpose.
    /// </summary>
    public bool IsTitleWord(string word) => _titleWords.Contains(word);

    /// <summary>Whether a word is a form of address ("mr", "sheikh", "dr") rather than part of a name.</summary>
    public bool IsHonorific(string word) => _honorifics.Contains(word);

    /// <summary>Whether a word is a family name written first (Chinese, Korean, Vietnamese: "wang", "kim").</summary>
    public bool IsFamilyNameFirst(string word) => _familyNamesFirst.Contains(word);

    /// <summary>What a place-like name is: a country, an institution or capital, or another place; and its country.</summary>
    public Country? CountryOfPlace(string key) =>
        CountryByName(key) ?? Institution(key)?.Country ?? Place(key)?.Country;

    private static IEnumerable<string> Singulars(string key)
    {
        // Most words are not plurals: no allocation for them.
        if (key.Length < 4 || (key[^1] != 's' && !key.EndsWith("men", StringComparison.Ordinal) && !key.EndsWith("people", StringComparison.Ordinal)))
            yield break;
        if (key.EndsWith("people", StringComparison.Ordinal)) yield return key[..^6] + "person";
        if (key.EndsWith("men", StringComparison.Ordinal)) yield return key[..^3] + "man";
        if (key.EndsWith("ies", StringComparison.Ordinal)) yield return key[..^3] + "y";
        if (key.EndsWith("es", StringComparison.Ordinal)) yield return key[..^2];
        if (key.EndsWith('s')) yield return key[..^1];
    }

    private static string StripThe(string key) => key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;

    private static TextReader? ReadEmbedded(string name)
    {
        var stream = typeof(WorldKnowledge).Assembly.GetManifestResourceStream("Knowledge/" + name);
        return stream is null ? null : new StreamReader(stream);
    }

    /// <summary>Loads the tables through <paramref name="open"/> (a table it cannot open is an error: the build embeds them all).</summary>
    internal static WorldKnowledge Load(Func<string, TextReader?> open)
    {
        var k = new WorldKnowledge();
        IEnumerable<string[]> Rows(string name)
        {
            using var reader = open(name) ?? throw new InvalidOperationException($"knowledge table {name} is missing from the build");
            int rows = 0;
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                rows++;
                yield return line.Split('\t');
            }
            // An empty table is a broken build, not an empty world.
            if (rows == 0) throw new InvalidOperationException($"knowledge table {name} has no rows");
        }
        static IEnumerable<string> Names(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Countries: a name or demonym claimed by two (Dutch: the Netherlands and Bonaire) goes to the more populous.
        var extraNames = new Dictionary<string, (string? Canonical, string[] Names, string[] Demonyms)>(StringComparer.Ordinal);
        foreach (var f in Rows("countries-extra.tsv"))
            extraNames[f[0]] = (f.Length > 1 && f[1].Length > 0 ? f[1] : null, f.Length > 2 ? Names(f[2]).ToArray() : [], f.Length > 3 ? Names(f[3]).ToArray() : []);
        var pending = new List<(Country Country, IEnumerable<string> Names, IEnumerable<string> Demonyms)>();
        foreach (var f in Rows("countries.tsv"))
        {
            if (f.Length < 7) throw new InvalidOperationException($"countries.tsv: a row has {f.Length} columns, not 7 (rebuild it with 'newsgraph train knowledge')");
            long.TryParse(f[4], out var population);
            extraNames.TryGetValue(f[1], out var extra);
            var country = new Country(f[0], f[1], extra.Canonical ?? f[2], f[3], population);
            k._byCode[country.Alpha2] = country;
            k._byCode[country.Alpha3] = country;
            // A corrected name replaces the generated one: GeoNames calls Israel "Palestine", which must not claim the name.
            var own = extra.Canonical is null ? new[] { f[2] } : new[] { country.Name };
            pending.Add((country, own.Concat(Names(f[5])).Concat(extra.Names ?? []), Names(f[6]).Concat(extra.Demonyms ?? [])));
        }
        foreach (var (country, names, demonyms) in pending)
        {
            foreach (var n in names) Claim(k._byName, NameKey.Of(n), country, c => c.Population);
            foreach (var d in demonyms) Claim(k._byDemonym, NameKey.Of(d), country, c => c.Population);
        }

        foreach (var f in Rows("institutions.tsv"))
        {
            if (f.Length < 5 || k.CountryByCode(f[1]) is not { } country) continue;
            var kind = f[4] switch { "seat" => InstitutionKind.Seat, "capital" => InstitutionKind.Capital, _ => InstitutionKind.Body };
            var institution = new Institution(f[3], country, f[2], kind);
            foreach (var n in Names(f[0])) k._institutions.TryAdd(NameKey.Of(n), institution);
        }
        // Capitals of countries with a million people or more: a territory's capital ("Hamilton",
        // "Kingston" of Norfolk Island) is far more often some other place or person.
        foreach (var country in pending.Select(p => p.Country).OrderByDescending(c => c.Population))
        {
            var key = NameKey.Of(country.Capital);
            if (country.Population < 1_000_000 || key.Length == 0 || k._byName.ContainsKey(key)) continue;
            k._institutions.TryAdd(key, new Institution(country.Capital, country, "GOV", InstitutionKind.Capital));
        }

        // Hand-written bodies first; the Phoenix table fills in names they do not claim.
        foreach (var f in Rows("bodies.tsv"))
        {
            if (f.Length < 2) continue;
            var org = new Organisation(f[0], f[1], CountryOfCode(k, f[0]), Curated: true);
            k._organisations.TryAdd(NameKey.Of(f[1]), org);
            if (f.Length > 2) foreach (var n in Names(f[2])) k._organisations.TryAdd(NameKey.Of(n), org);
        }
        foreach (var f in Rows("organisations.tsv"))
        {
            if (f.Length < 2) continue;
            var names = Names(f[1]).ToArray();
            if (names.Length == 0) continue;
            var org = new Organisation(f[0], names[0], CountryOfCode(k, f[0]), Curated: false);
            foreach (var n in names)
            {
                var key = NameKey.Of(n);
                // Two letters are too often something else ("IS", "PA" in a Phoenix synonym list).
                if (key.Length > 2) k._organisations.TryAdd(key, org);
            }
        }

        // Hand-written regions first: "Wales" is a nation of the UK, not Wales, Alaska; "Asia" is no one country's
        // (country "-"), not the town of Asia in the Philippines.
        foreach (var f in Rows("places-extra.tsv"))
        {
            if (f.Length < 3) continue;
            var names = Names(f[0]).ToArray();
            if (f[1] == "-")
            {
                foreach (var n in names) k._regions.Add(NameKey.Of(n));
                continue;
            }
            if (k.CountryByCode(f[1]) is not { } country) continue;
            long.TryParse(f[2], out var population);
            var place = new Place(names[0], country, population);
            foreach (var n in names) k._places[NameKey.Of(n)] = place;
        }
        var handWritten = new HashSet<string>(k._places.Keys, StringComparer.Ordinal);
        handWritten.UnionWith(k._regions);
        foreach (var f in Rows("places.tsv"))
        {
            if (f.Length < 3 || k.CountryByCode(f[1]) is not { } country) continue;
            long.TryParse(f[2], out var population);
            var names = Names(f[0]).ToArray();
            if (names.Length == 0) continue;
            var place = new Place(names[0], country, population);
            foreach (var n in names)
                if (!handWritten.Contains(NameKey.Of(n))) Claim(k._places, NameKey.Of(n), place, p => p.Population);
        }

        foreach (var f in Rows("titles.tsv"))
            if (f.Length >= 2) k.AddRole(f[0], f[1], overwrite: true);
        foreach (var f in Rows("agents.tsv"))
            if (f.Length >= 2) k.AddRole(f[0], f[1], overwrite: false);
        // Connectives of long titles ("secretary of state") are not role words on their own.
        foreach (var w in new[] { "of", "the", "and", "for", "in", "to", "on", "at", "a", "an", "de", "with", "by", "from", "under" })
        {
            k._roleWords.Remove(w);
            k._titleWords.Remove(w);
        }

        foreach (var f in Rows("honorifics.txt")) k._honorifics.Add(NameKey.Of(f[0]));
        foreach (var f in Rows("family-names.txt")) k._familyNamesFirst.Add(NameKey.Of(f[0]));
        return k;
    }

    private void AddRole(string phrase, string agent, bool overwrite)
    {
        var key = NameKey.Of(phrase);
        if (key.Length == 0) return;
        // "*GOV": takes the agent of whom it serves, GOV when the text names no one.
        var role = agent.StartsWith('*')
            ? new RoleWord(key, "*", agent.Length > 1 ? agent[1..] : null, overwrite)
            : new RoleWord(key, agent, null, overwrite);
        if (overwrite) _roles[key] = role;
        else if (!_roles.TryAdd(key, role)) return;
        // The words of short phrases only: the long Phoenix phrases ("ministry of youth, sports and
        // recreation") would make every word a role word.
        var words = NameKey.Words(key);
        if (overwrite || words.Length <= 2)
            foreach (var w in words) _roleWords.Add(w);
        if (overwrite)
            foreach (var w in words) _titleWords.Add(w);
    }

    /// <summary>
    /// The country an actor code belongs to: its first three letters ("PSEREBHMS"), or the three
    /// after MNC for a multinational ("MNCUSA"). International bodies and NGOs have none.
    /// </summary>
    private static Country? CountryOfCode(WorldKnowledge k, string code)
    {
        if (code.Length < 3 || code.StartsWith("IGO", StringComparison.Ordinal) || code.StartsWith("NGO", StringComparison.Ordinal)
            || code.StartsWith("IMG", StringComparison.Ordinal))
            return null;
        if (code.StartsWith("MNC", StringComparison.Ordinal)) return code.Length >= 6 ? k.CountryByCode(code[3..6]) : null;
        return k.CountryByCode(code[..3]);
    }

    private static void Claim<T>(Dictionary<string, T> map, string key, T value, Func<T, long> weight)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var existing) || weight(value) > weight(existing)) map[key] = value;
    }
}
