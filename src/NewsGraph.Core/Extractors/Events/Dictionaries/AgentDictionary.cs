using System.Text.RegularExpressions;

namespace NewsGraph.Core.Extractors.Events.Dictionaries;

/// <summary>
/// A role word from an agents dictionary ("police" is COP, "foreign minister" GOVFRM): a code that
/// goes after the actor's (<c>~GOV</c>) or, for organisations, before it (<c>NGO~</c>).
/// </summary>
public sealed record AgentEntry(string Name, string Code, bool Before);

/// <summary>Reads PETRARCH agents dictionaries: plurals made by rule, {irregular} or {} for none, !SET! substitutions.</summary>
public static class AgentDictionaryReader
{
    private static readonly Regex Substitution = new(@"^!([A-Z]+)!\s*=\s*(.+)$", RegexOptions.Compiled);
    private static readonly Regex Marker = new(@"!([A-Z]+)!", RegexOptions.Compiled);

    internal static void Read(TextReader reader, string file, PhraseIndex<AgentEntry> index, List<DictionaryProblem> problems)
    {
        var sets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in DictionaryText.Lines(reader))
        {
            var text = line.Text.Trim();
            var sub = Substitution.Match(text);
            if (sub.Success)
            {
                sets[sub.Groups[1].Value] = sub.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            int open = text.IndexOf('[');
            int close = open < 0 ? -1 : text.IndexOf(']', open);
            if (open < 0 || close < 0)
            {
                problems.Add(new DictionaryProblem(file, line.Number, "an agent line without a [code]"));
                continue;
            }
            var code = text[(open + 1)..close].Trim().ToUpperInvariant();
            bool before = code.EndsWith('~');
            // [~] (a NewsGraph extension) is a role that adds nothing to its actor's code.
            bool silent = code == "~";
            code = code.Trim('~').Trim();
            if (code.Length == 0 && !silent)
            {
                problems.Add(new DictionaryProblem(file, line.Number, "an agent with an empty code"));
                continue;
            }
            var head = text[..open].Trim();
            string? plurals = null;
            int brace = head.IndexOf('{');
            if (brace >= 0)
            {
                int end = head.IndexOf('}', brace);
                plurals = end < 0 ? head[(brace + 1)..] : head[(brace + 1)..end];
                head = head[..brace].Trim();
            }
            if (head.Length == 0)
            {
                problems.Add(new DictionaryProblem(file, line.Number, "an agent with no name"));
                continue;
            }
            var names = new List<string>();
            foreach (var expanded in Expand(head, sets))
            {
                names.Add(expanded);
                bool substituted = Marker.IsMatch(head);
                // A substitution set spells out its own forms; {} means the word has no separate plural.
                if (plurals is null && !substituted && !expanded.EndsWith('_')) names.Add(Plural(expanded));
            }
            if (!string.IsNullOrWhiteSpace(plurals))
                foreach (var p in plurals.Split(' ', StringSplitOptions.RemoveEmptyEntries)) names.AddRange(Expand(p, sets));
            var entry = new AgentEntry(head, code, before);
            foreach (var name in names.Distinct())
            {
                var phrase = DictionaryText.Phrase(name);
                if (phrase.Length > 0) index.Add(phrase, entry);
            }
        }
    }

    private static IEnumerable<string> Expand(string phrase, Dictionary<string, string[]> sets)
    {
        var m = Marker.Match(phrase);
        if (!m.Success)
        {
            yield return phrase;
            yield break;
        }
        if (!sets.TryGetValue(m.Groups[1].Value, out var members)) yield break;
        foreach (var member in members)
            foreach (var e in Expand(phrase[..m.Index] + member + phrase[(m.Index + m.Length)..], sets))
                yield return e;
    }

    /// <summary>The regular plural of a phrase's last word: -y to -ies, -ss/-s to -sses/-ses, else -s.</summary>
    internal static string Plural(string phrase)
    {
        var p = phrase.TrimEnd('_');
        if (p.Length == 0) return phrase;
        char last = char.ToUpperInvariant(p[^1]);
        if (last == 'Y' && p.Length > 1 && !"AEIOU".Contains(char.ToUpperInvariant(p[^2]))) return p[..^1] + "IES";
        if (last is 'S' or 'X' || p.EndsWith("CH", StringComparison.OrdinalIgnoreCase) || p.EndsWith("SH", StringComparison.OrdinalIgnoreCase)) return p + "ES";
        return p + "S";
    }
}
