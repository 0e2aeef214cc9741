using System.Text.RegularExpressions;

namespace NewsGraph.Core.Extractors.Events.Dictionaries;

/// <summary>A code an actor holds for a span of days (yyyymmdd, inclusive); open ends are int.MinValue/MaxValue.</summary>
public readonly record struct DatedCode(string? Code, int From, int To)
{
    public bool Covers(int day) => day >= From && day <= To;
}

/// <summary>
/// One actor of an actor dictionary: its names (the primary phrase and its "+" synonyms share the
/// entry), a default code, and codes bounded by dates (a minister is GOV in office and ELI after).
/// A code may name several actors at once ("FRO/BIL/SAM" for the Shire).
/// </summary>
public sealed class ActorEntry
{
    internal ActorEntry(string name, string? defaultCode, IReadOnlyList<DatedCode> dated)
    {
        Name = name;
        DefaultCode = defaultCode;
        Dated = dated;
    }

    /// <summary>The primary phrase as written in the dictionary.</summary>
    public string Name { get; }
    public string? DefaultCode { get; }
    public IReadOnlyList<DatedCode> Dated { get; }
    /// <summary>People have careers: an entry with dated codes is, in practice, a person.</summary>
    public bool IsPerson => Dated.Count > 0;

    /// <summary>
    /// The code on <paramref name="day"/> (yyyymmdd): the first dated code covering it, else the
    /// default. Without a day, the default, else the code that ran latest. Null: no code (a null actor).
    /// </summary>
    public string? CodeOn(int? day)
    {
        if (day is { } d)
        {
            foreach (var dc in Dated)
                if (dc.Covers(d)) return dc.Code;
            return DefaultCode;
        }
        if (DefaultCode is not null || Dated.Count == 0) return DefaultCode;
        return Dated.MaxBy(dc => dc.To).Code;
    }

    /// <summary>The code of the last span that ended before <paramref name="day"/>, if the entry has no code on the day itself.</summary>
    public string? LastCodeBefore(int day)
    {
        if (DefaultCode is not null) return null;
        DatedCode? last = null;
        foreach (var dc in Dated)
        {
            if (dc.Covers(day)) return null;
            if (dc.To < day && (last is null || dc.To > last.Value.To)) last = dc;
        }
        return last?.Code;
    }
}

/// <summary>Reads PETRARCH/TABARI actor dictionaries into phrases for <see cref="PhraseIndex{T}"/>.</summary>
public static class ActorDictionaryReader
{
    private static readonly Regex Bracket = new(@"\[([^\]]*)\]", RegexOptions.Compiled);

    internal static void Read(TextReader reader, string file, PhraseIndex<ActorEntry> index, List<DictionaryProblem> problems)
    {
        string? primary = null;
        var names = new List<string>();
        string? defaultCode = null;
        var dated = new List<DatedCode>();
        int startLine = 0;

        // Names with no code of their own, waiting for the next coded entry (in the Phoenix files a run of
        // unmarked names above one block of codes, "YELTSIN" above "[RUSGOV ...]", shares those codes).
        var waiting = new List<(string Name, int Line)>();

        void Flush()
        {
            if (primary is null) return;
            if (defaultCode is null && dated.Count == 0)
            {
                foreach (var name in names) waiting.Add((name, startLine));
                if (waiting.Count > 32)
                {
                    problems.Add(new DictionaryProblem(file, waiting[0].Line, $"actor '{waiting[0].Name}' and {waiting.Count - 1} names after it have no code"));
                    waiting.Clear();
                }
            }
            else
            {
                var entry = new ActorEntry(primary, defaultCode, dated.ToArray());
                foreach (var name in names.Concat(waiting.Select(w => w.Name)))
                {
                    var phrase = DictionaryText.Phrase(name);
                    if (phrase.Length > 0) index.Add(phrase, entry);
                }
                waiting.Clear();
            }
            primary = null;
            names.Clear();
            defaultCode = null;
            dated.Clear();
        }

        foreach (var line in DictionaryText.Lines(reader, semicolonComments: true))
        {
            var text = line.Text;
            bool indented = text.Length > 0 && char.IsWhiteSpace(text[0]);
            var trimmed = text.Trim();
            if (indented && trimmed.StartsWith('['))
            {
                if (primary is null)
                {
                    problems.Add(new DictionaryProblem(file, line.Number, "a code with no actor above it"));
                    continue;
                }
                ReadCodes(trimmed, file, line.Number, ref defaultCode, dated, problems);
                continue;
            }
            if (trimmed.StartsWith('+'))
            {
                if (primary is null)
                {
                    problems.Add(new DictionaryProblem(file, line.Number, "a synonym with no actor above it"));
                    continue;
                }
                var (synonym, codes) = SplitCodes(trimmed[1..]);
                if (synonym.Length > 0) names.Add(synonym);
                if (codes.Length > 0) ReadCodes(codes, file, line.Number, ref defaultCode, dated, problems);
                continue;
            }
            Flush();
            var (name, rest) = SplitCodes(trimmed);
            if (name.Length == 0)
            {
                problems.Add(new DictionaryProblem(file, line.Number, "an actor line with no name"));
                continue;
            }
            primary = name.TrimEnd('_');
            names.Add(name);
            startLine = line.Number;
            if (rest.Length > 0) ReadCodes(rest, file, line.Number, ref defaultCode, dated, problems);
        }
        Flush();
        foreach (var (name, at) in waiting) problems.Add(new DictionaryProblem(file, at, $"actor '{name.TrimEnd('_')}' has no code"));
    }

    private static (string Name, string Codes) SplitCodes(string text)
    {
        int open = text.IndexOf('[');
        return open < 0 ? (text.Trim(), "") : (text[..open].Trim(), text[open..]);
    }

    private static void ReadCodes(string text, string file, int lineNumber, ref string? defaultCode, List<DatedCode> dated, List<DictionaryProblem> problems)
    {
        foreach (Match m in Bracket.Matches(text))
        {
            var inside = m.Groups[1].Value.Trim();
            if (inside.Length == 0) continue;
            int space = inside.IndexOfAny([' ', '\t', '<', '>']);
            string code = space < 0 ? inside : inside[..space];
            string restriction = space < 0 ? "" : inside[space..].Trim();
            // A code of dashes is TABARI's null actor: the name is known and deliberately not coded.
            string? normal = code.Trim('-').Length == 0 ? null : code.ToUpperInvariant();
            if (code.Length == 0 && restriction.Length > 0) { problems.Add(new DictionaryProblem(file, lineNumber, $"a date restriction with no code: [{inside}]")); continue; }
            if (restriction.Length == 0)
            {
                defaultCode ??= normal;
                continue;
            }
            if (!TryRestriction(restriction, out int from, out int to))
            {
                problems.Add(new DictionaryProblem(file, lineNumber, $"cannot read the date restriction [{inside}]"));
                continue;
            }
            dated.Add(new DatedCode(normal, from, to));
        }
    }

    /// <summary>"&lt;date", "&gt;date", "date-date"; dates are yyyymmdd or yymmdd (yy up to 30 is 20yy).</summary>
    internal static bool TryRestriction(string text, out int from, out int to)
    {
        from = int.MinValue;
        to = int.MaxValue;
        text = text.Replace(" ", "");
        if (text.StartsWith('<')) return TryDate(text[1..], out to);
        if (text.StartsWith('>')) return TryDate(text[1..], out from);
        int dash = text.IndexOf('-');
        if (dash < 0) return false;
        return TryDate(text[..dash], out from) && TryDate(text[(dash + 1)..], out to);
    }

    internal static bool TryDate(string text, out int day)
    {
        day = 0;
        if (text.Length is not (6 or 8) || !text.All(char.IsAsciiDigit)) return false;
        int value = int.Parse(text);
        if (text.Length == 6)
        {
            int yy = value / 10000;
            value += (yy <= 30 ? 2000 : 1900) * 10000;
        }
        int month = value / 100 % 100, dayOfMonth = value % 100;
        if (month is < 1 or > 12 || dayOfMonth is < 1 or > 31) return false;
        day = value;
        return true;
    }
}
