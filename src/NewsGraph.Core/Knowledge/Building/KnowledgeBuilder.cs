using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsGraph.Core.Knowledge.Building;

/// <summary>
/// Converts the gazetteers and the Phoenix actor dictionaries into the tables shipped in
/// Knowledge/Data (<c>newsgraph train knowledge</c> reproduces them). Only names and codes are
/// taken; the hand-written tables beside them (seats of government, international bodies,
/// titles, extra country names) are edited by hand and are not touched here.
/// </summary>
public static partial class KnowledgeBuilder
{
    public sealed record Report(int Countries, int Places, int Organisations, int Agents);

    /// <param name="data">The folder holding gazetteers/ and petrarch2/ (../shared/data).</param>
    /// <param name="output">Where the .tsv files are written (src/NewsGraph.Core/Knowledge/Data).</param>
    public static Report Build(string data, string output)
    {
        var gazetteers = Path.Combine(data, "gazetteers");
        var dictionaries = Path.Combine(data, "petrarch2", "dictionaries");
        foreach (var required in new[] { Path.Combine(gazetteers, "countryInfo.txt"), Path.Combine(gazetteers, "countries.json"),
                     Path.Combine(gazetteers, "cities15000.txt"), Path.Combine(dictionaries, "Phoenix.agents.txt") })
            if (!File.Exists(required)) throw new FileNotFoundException($"missing input {required}");
        Directory.CreateDirectory(output);

        var countries = ReadCountries(gazetteers);
        var alpha3 = countries.ToDictionary(c => c.Alpha2, c => c.Alpha3, StringComparer.Ordinal);
        var known3 = countries.Select(c => c.Alpha3).ToHashSet(StringComparer.Ordinal);
        WriteCountries(Path.Combine(output, "countries.tsv"), countries);

        var phoenixCountries = ReadActors(Path.Combine(dictionaries, "Phoenix.Countries.actors.txt")).ToList();
        int places = WritePlaces(Path.Combine(output, "places.tsv"), gazetteers, alpha3, phoenixCountries, known3);

        var organisations = new List<ActorEntry>();
        foreach (var file in new[] { "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt" })
            organisations.AddRange(ReadActors(Path.Combine(dictionaries, file)).Where(e => e.Undated));
        // Institutions inside the country file (councils, guards, parliaments): undated and more than a bare country code.
        organisations.AddRange(phoenixCountries.Where(e => e.Undated && e.Codes.All(c => c.Length > 3)));
        int orgs = WriteOrganisations(Path.Combine(output, "organisations.tsv"), organisations);
        int agents = WriteAgents(Path.Combine(output, "agents.tsv"), Path.Combine(dictionaries, "Phoenix.agents.txt"));
        return new Report(countries.Count, places, orgs, agents);
    }

    private sealed record CountryRow(string Alpha2, string Alpha3, string Name, string Capital, long Population, List<string> Names, List<string> Demonyms);

    private static List<CountryRow> ReadCountries(string gazetteers)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(gazetteers, "countries.json")));
        var byAlpha2 = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var c in json.RootElement.EnumerateArray())
            if (c.TryGetProperty("cca2", out var cca2)) byAlpha2[cca2.GetString()!] = c;

        var rows = new List<CountryRow>();
        foreach (var line in File.ReadLines(Path.Combine(gazetteers, "countryInfo.txt")))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 6) continue;
            long.TryParse(f[7], out var population);
            var row = new CountryRow(f[0], f[1], f[4].Trim(), f[5].Trim(), population, new List<string>(), new List<string>());
            if (byAlpha2.TryGetValue(row.Alpha2, out var c))
            {
                var name = c.GetProperty("name");
                AddName(row.Names, name.GetProperty("common").GetString());
                AddName(row.Names, name.GetProperty("official").GetString());
                if (c.TryGetProperty("altSpellings", out var alt))
                    foreach (var a in alt.EnumerateArray()) AddName(row.Names, a.GetString());
                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                    foreach (var g in new[] { "m", "f" })
                        if (eng.TryGetProperty(g, out var d))
                            foreach (var part in (d.GetString() ?? "").Split(','))
                                AddName(row.Demonyms, part);
            }
            row.Names.RemoveAll(n => n == row.Name);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Keeps names written in Latin letters that a news text could contain as they are.</summary>
    private static void AddName(List<string> list, string? name)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length <= 2 || name.Contains(',')) return;
        if (!name.All(ch => ch < 0x250 || char.IsWhiteSpace(ch) || char.IsPunctuation(ch))) return;
        // Spellings that only differ in marks the keys ignore ("Ra’s", "Ra's") are one name.
        var key = NameKey.Of(name);
        if (key.Length > 0 && !list.Any(n => NameKey.Of(n) == key)) list.Add(name);
    }

    private static void WriteCountries(string path, List<CountryRow> rows)
    {
        var sb = Header("countries", "GeoNames countryInfo.txt (CC BY 4.0) with names and demonyms from mledoze/countries (ODbL 1.0)",
            "alpha2\talpha3\tname\tcapital\tpopulation\tother names (|)\tdemonyms (|)");
        foreach (var r in rows)
            sb.Append(r.Alpha2).Append('\t').Append(r.Alpha3).Append('\t').Append(r.Name).Append('\t').Append(r.Capital).Append('\t').Append(r.Population).Append('\t')
              .Append(string.Join('|', r.Names)).Append('\t').Append(string.Join('|', r.Demonyms)).Append('\n');
        File.WriteAllText(path, sb.ToString());
    }

    private static int WritePlaces(string path, string gazetteers, Dictionary<string, string> alpha3,
        List<ActorEntry> phoenixCountries, HashSet<string> known3)
    {
        var sb = Header("places", "GeoNames cities15000.txt (CC BY 4.0) and the place names of Phoenix.Countries.actors.txt (MIT)",
            "names (|)\talpha3\tpopulation (0 for a Phoenix place name)");
        int count = 0;
        foreach (var line in File.ReadLines(Path.Combine(gazetteers, "cities15000.txt")))
        {
            var f = line.Split('\t');
            if (f.Length < 15 || !alpha3.TryGetValue(f[8], out var country)) continue;
            var names = new List<string>();
            AddName(names, f[1]);
            AddName(names, f[2]);
            if (names.Count == 0) continue;
            // Big cities are written in English news under their English names ("Geneva" for Genève,
            // "Munich" for München): take their alternate names written in plain Latin letters
            // (not the airport codes).
            if (long.TryParse(f[14], out var population) && population >= 150_000)
                foreach (var alternate in f[3].Split(','))
                    if (alternate.Length >= 3 && alternate.Any(char.IsLower) && alternate.All(ch => char.IsAsciiLetter(ch) || ch is ' ' or '-' or '\'' or '.')
                        && char.IsAsciiLetterUpper(alternate[0]))
                        AddName(names, alternate);
            sb.Append(string.Join('|', names)).Append('\t').Append(country).Append('\t').Append(f[14]).Append('\n');
            count++;
        }
        // The country entries of the Phoenix file list provinces, regions and old names under
        // each country ("HELMAND", "PERSIA"): places GeoNames' city list does not have.
        foreach (var entry in phoenixCountries)
        {
            if (entry.Codes.Count != 1 || entry.Codes[0].Length != 3 || !known3.Contains(entry.Codes[0])) continue;
            var names = new List<string>();
            foreach (var n in entry.Names) AddName(names, n);
            if (names.Count == 0) continue;
            sb.Append(string.Join('|', names)).Append('\t').Append(entry.Codes[0]).Append("\t0\n");
            count++;
        }
        File.WriteAllText(path, sb.ToString());
        return count;
    }

    private static int WriteOrganisations(string path, List<ActorEntry> entries)
    {
        var sb = Header("organisations", "Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt and the institutions of " +
            "Phoenix.Countries.actors.txt (Open Event Data Alliance, MIT)", "CAMEO actor code\tnames (|)");
        int count = 0;
        foreach (var e in entries)
        {
            var code = e.Codes.FirstOrDefault(c => c.Length >= 3 && c.All(char.IsAsciiLetterUpper));
            if (code is null) continue;
            var names = new List<string>();
            foreach (var n in e.Names) AddName(names, n);
            if (names.Count == 0) continue;
            sb.Append(code).Append('\t').Append(string.Join('|', names)).Append('\n');
            count++;
        }
        File.WriteAllText(path, sb.ToString());
        return count;
    }

    private static int WriteAgents(string path, string agentsFile)
    {
        var sets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var rows = new List<(string Phrase, string Code)>();
        foreach (var raw in File.ReadLines(agentsFile, Encoding.UTF8))
        {
            var line = StripComment(raw).Trim();
            if (line.Length == 0) continue;
            var set = SubstitutionSet().Match(line);
            if (set.Success)
            {
                sets[set.Groups[1].Value] = set.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            var m = AgentLine().Match(line);
            // "[IGO~]" codes are prefixes of an actor, not roles of one: the agents kept are "[~XXX]".
            if (!m.Success) continue;
            var phrase = m.Groups[1].Value.Trim();
            var code = m.Groups[3].Value;
            foreach (var expanded in Expand(phrase, sets))
            {
                var words = PhoenixWords(expanded);
                if (words.Length > 0) rows.Add((words, code));
            }
            if (m.Groups[2].Success)
                foreach (var plural in m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    foreach (var expanded in Expand(plural, sets))
                    {
                        var words = PhoenixWords(expanded);
                        if (words.Length > 0) rows.Add((words, code));
                    }
        }
        var sb = Header("agents", "Phoenix.agents.txt (Open Event Data Alliance, MIT)", "role phrase\tCAMEO agent code");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, code) in rows)
            if (seen.Add(phrase)) sb.Append(phrase).Append('\t').Append(code).Append('\n');
        File.WriteAllText(path, sb.ToString());
        return seen.Count;
    }

    private static IEnumerable<string> Expand(string phrase, Dictionary<string, string[]> sets)
    {
        var m = SetReference().Match(phrase);
        if (!m.Success || !sets.TryGetValue(m.Groups[1].Value, out var values))
        {
            yield return phrase;
            yield break;
        }
        foreach (var v in values)
            foreach (var e in Expand(phrase[..m.Index] + v + phrase[(m.Index + m.Length)..], sets))
                yield return e;
    }

    /// <summary>A Phoenix phrase ("FOREIGN_MINISTER_", "SPOKES MAN") as the lower-case words of a key.</summary>
    private static string PhoenixWords(string phrase) => NameKey.Of(phrase.Replace('_', ' '));

    internal sealed record ActorEntry(List<string> Names, List<string> Codes, bool Undated);

    /// <summary>
    /// Reads a PETRARCH .actors file: an entry is a line "NAME_ [CODE]" (or a name and codes on
    /// indented lines below), "+SYNONYM" lines add names, "# ..." are comments. A code with a date
    /// range ("[IRNGOV 20050803-20130803]") marks an office holder, a person.
    /// </summary>
    internal static IEnumerable<ActorEntry> ReadActors(string path)
    {
        ActorEntry? current = null;
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = StripComment(raw);
            if (line.Trim().Length == 0) continue;
            var trimmed = line.Trim();
            if (trimmed.StartsWith('+'))
            {
                current?.Names.Add(Clean(trimmed[1..]));
                continue;
            }
            if (char.IsWhiteSpace(line[0]) && trimmed.StartsWith('['))
            {
                if (current is not null) AddCodes(current, trimmed);
                continue;
            }
            if (current is not null) yield return Finish(current);
            int bracket = trimmed.IndexOf('[');
            var name = bracket < 0 ? trimmed : trimmed[..bracket];
            current = new ActorEntry([Clean(name)], [], true);
            if (bracket >= 0) AddCodes(current, trimmed[bracket..]);
        }
        if (current is not null) yield return Finish(current);
    }

    private static ActorEntry Finish(ActorEntry e) =>
        e with { Undated = e.Codes.Count > 0 && !e.Codes.Any(c => c.Contains(' ')) , Codes = e.Codes.Select(c => c.Split(' ')[0]).ToList() };

    private static void AddCodes(ActorEntry entry, string text)
    {
        foreach (Match m in CodeBracket().Matches(text))
        {
            var code = m.Groups[1].Value.Trim();
            if (code.Length > 0 && code != "---") entry.Codes.Add(code);
        }
    }

    /// <summary>"ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" as "Aden Abyan Islamic Army (AAIA)" minus the bracket: names are matched by key.</summary>
    private static string Clean(string name)
    {
        name = name.Trim().TrimEnd('_').Replace('_', ' ');
        int paren = name.IndexOf('(');
        if (paren > 0) name = name[..paren];
        return name.Trim();
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return hash < 0 ? line : line[..hash];
    }

    private static StringBuilder Header(string table, string source, string columns) =>
        new StringBuilder()
            .Append("# ").Append(table).Append(".tsv: generated by 'newsgraph train knowledge' from ").Append(source).Append(".\n")
            .Append("# Do not edit: fix the hand-written tables beside it, or the converter. See NOTICE.md for the licences.\n")
            .Append("# ").Append(columns).Append('\n');

    [GeneratedRegex(@"^!(\w+)!\s*=\s*(.+)$")]
    private static partial Regex SubstitutionSet();

    [GeneratedRegex(@"!(\w+)!")]
    private static partial Regex SetReference();

    [GeneratedRegex(@"^(.+?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]{3,})\]")]
    private static partial Regex AgentLine();

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex CodeBracket();
}
