using System.Text.RegularExpressions;

namespace NewsGraph.Core.Extractors.Events.Dictionaries;

/// <summary>
/// What a verb or pattern codes: the event from source to target, and for paired codes such as
/// [031:032] ("X met Y" is also "Y was met by X") the event back from target to source.
/// Both null is an explicit null code [---]: the words are known and code nothing.
/// </summary>
public sealed record EventCodes(string? Forward, string? Reverse)
{
    public static readonly EventCodes Null = new(null, null);
    public bool IsNull => Forward is null && Reverse is null;

    private static readonly Regex Valid = new(@"^[0-9]{2,4}[A-Za-z]?$", RegexOptions.Compiled);

    /// <summary>Parses the inside of [..]: "031", "031:032", ":173", "---"; false for anything else ("+++", "025?").</summary>
    public static bool TryParse(string text, out EventCodes codes)
    {
        codes = Null;
        text = text.Trim();
        int colon = text.IndexOf(':');
        var forward = colon < 0 ? text : text[..colon];
        var reverse = colon < 0 ? "" : text[(colon + 1)..];
        if (!TryOne(forward, out var f) || !TryOne(reverse, out var r)) return false;
        codes = f is null && r is null ? Null : new EventCodes(f, r);
        return true;
    }

    private static bool TryOne(string text, out string? code)
    {
        code = null;
        text = text.Trim();
        if (text.Length == 0 || text.Trim('-').Length == 0) return true;
        if (!Valid.IsMatch(text)) return false;
        code = text;
        return true;
    }

    public override string ToString() => IsNull ? "---" : $"{Forward}{(Reverse is null ? "" : ":" + Reverse)}";
}

public enum PatternElementKind : byte
{
    /// <summary>A literal word (or alternatives "BY/WITH").</summary>
    Word,
    /// <summary>Any phrase of a synonym set (&amp;CURRENCY).</summary>
    Synset,
    /// <summary>The verb itself: <c>*</c>.</summary>
    Verb,
    /// <summary><c>$</c>: the source actor is here.</summary>
    Source,
    /// <summary><c>+</c>: the target actor is here.</summary>
    Target,
    /// <summary><c>%</c>: a compound actor (two or more, acting on each other unless a target is named).</summary>
    Compound,
    /// <summary><c>^</c>: skip one noun phrase.</summary>
    SkipPhrase,
}

/// <summary>One element of a verb pattern; <see cref="Adjacent"/>: it must directly follow the element before it.</summary>
public sealed record PatternElement(PatternElementKind Kind, string[][] Phrases, bool Adjacent)
{
    public override string ToString() => Kind switch
    {
        PatternElementKind.Word or PatternElementKind.Synset => string.Join("/", Phrases.Select(p => string.Join("_", p))),
        PatternElementKind.Verb => "*",
        PatternElementKind.Source => "$",
        PatternElementKind.Target => "+",
        PatternElementKind.Compound => "%",
        _ => "^",
    };
}

/// <summary>A verb pattern ("- * DIPLOMATIC TIES [901]") in text order, with where it was defined.</summary>
public sealed record VerbPattern(PatternElement[] Elements, int VerbIndex, EventCodes Codes, int Order, string Source, int Layer = 0)
{
    /// <summary>Words the pattern cannot match without (its one-word literal elements): a sentence lacking one is not tried.</summary>
    public string[] RequiredWords { get; } = Elements.Where(e => e.Kind == PatternElementKind.Word && e.Phrases.Length == 1).Select(e => e.Phrases[0][0]).Distinct().ToArray();

    public bool HasSlot(PatternElementKind kind) => Elements.Any(e => e.Kind == kind);
    public override string ToString() => string.Join(" ", Elements.Select((e, i) => (i > 0 && e.Adjacent ? "_" : "") + e)).Replace(" _", "_") + $" [{Codes}]";
}

/// <summary>A verb synonym block ("--- RESTORE [064] ---"): its default code and the patterns its verbs share.</summary>
public sealed class VerbBlock(string name, EventCodes code, int order, int layer = 0, bool hasCode = true)
{
    public string Name { get; } = name;
    public EventCodes Code { get; } = code;
    public int Order { get; } = order;
    /// <summary>Which verb file (in load order) defined the block: later files override earlier defaults.</summary>
    public int Layer { get; } = layer;
    /// <summary>False for a header without [code]: the block adds patterns and overrides no default.</summary>
    public bool HasCode { get; } = hasCode;
    public List<VerbPattern> Patterns { get; } = new();
}

/// <summary>
/// One verb of a block, possibly several words ("break down", "wire tap"): the form the
/// tagger sees as the verb, with the words that must stand directly before and after it.
/// </summary>
public sealed record VerbEntry(VerbBlock Block, string Lemma, string[] Before, string[] After, EventCodes? OwnCode)
{
    public EventCodes Code => OwnCode ?? Block.Code;
}

/// <summary>
/// A PETRARCH/TABARI verb dictionary: synonym sets, verb blocks with their verb forms, and patterns.
/// Regular forms (-s, -ed, -ing) are generated; irregular ones are listed in {..}.
/// </summary>
public sealed class VerbDictionary
{
    private readonly Dictionary<string, List<VerbEntry>> _byForm = new(StringComparer.Ordinal);
    private Dictionary<string, List<VerbEntry>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public VerbDictionary() => _lookup = _byForm.GetAlternateLookup<ReadOnlySpan<char>>();

    public int FormCount => _byForm.Count;
    /// <summary>How many verb files have been read into this dictionary (each one a layer).</summary>
    public int Layers { get; internal set; }
    public int BlockCount { get; internal set; }
    public int PatternCount { get; internal set; }

    /// <summary>The entries whose verb word has this (upper-case) form, in dictionary order.</summary>
    public IReadOnlyList<VerbEntry> Lookup(ReadOnlySpan<char> upperForm) =>
        _lookup.TryGetValue(upperForm, out var list) ? list : Array.Empty<VerbEntry>();

    internal void Add(string form, VerbEntry entry)
    {
        if (!_byForm.TryGetValue(form, out var list)) _byForm[form] = list = new List<VerbEntry>(1);
        if (!list.Contains(entry)) list.Add(entry);
    }

    internal void AddAll(VerbDictionary other)
    {
        foreach (var (form, list) in other._byForm)
            foreach (var e in list) Add(form, e);
        BlockCount += other.BlockCount;
        PatternCount += other.PatternCount;
        Layers += other.Layers;
    }

    /// <summary>The regular forms of a verb: -s/-es/-ies, -ed/-d/-ied, -ing (dropping a silent e), and doubled final consonants.</summary>
    internal static IEnumerable<string> RegularForms(string verb)
    {
        foreach (var form in Inflect(verb)) yield return form;
        // British and American spellings: apologise and apologize are one verb.
        if (verb.EndsWith("IZE", StringComparison.Ordinal)) foreach (var form in Inflect(verb[..^3] + "ISE")) yield return form;
        else if (verb.EndsWith("ISE", StringComparison.Ordinal) && verb.Length > 5) foreach (var form in Inflect(verb[..^3] + "IZE")) yield return form;
    }

    private static IEnumerable<string> Inflect(string verb)
    {
        yield return verb;
        if (verb.Length < 2) yield break;
        char last = verb[^1], before = verb[^2];
        bool vowelBefore = "AEIOU".Contains(before);
        if (last == 'Y' && !vowelBefore)
        {
            yield return verb[..^1] + "IES";
            yield return verb[..^1] + "IED";
        }
        else if (last is 'S' or 'X' or 'Z' || verb.EndsWith("CH", StringComparison.Ordinal) || verb.EndsWith("SH", StringComparison.Ordinal))
        {
            yield return verb + "ES";
            yield return verb + "ED";
        }
        else
        {
            yield return verb + "S";
            yield return last == 'E' ? verb + "D" : verb + "ED";
        }
        yield return last == 'E' && !verb.EndsWith("EE", StringComparison.Ordinal) && verb.Length > 2 ? verb[..^1] + "ING" : verb + "ING";
        // ban/banned, stop/stopping, admit/admitted: a single vowel before a final consonant doubles it.
        if (verb.Length >= 3 && !"AEIOUWXY".Contains(last) && "AEIOU".Contains(before) && !"AEIOU".Contains(verb[^3]))
        {
            yield return verb + last + "ED";
            yield return verb + last + "ING";
        }
    }
}

/// <summary>Reads a verb dictionary in the PETRARCH format (which extends TABARI's).</summary>
public static class VerbDictionaryReader
{
    internal static void Read(TextReader reader, string file, VerbDictionary into, List<DictionaryProblem> problems)
    {
        var lines = DictionaryText.Lines(reader).ToList();
        // Synonym sets may be defined anywhere in the file, so read them all before any pattern.
        var synsetLines = new Dictionary<string, (bool Plurals, List<string> Members)>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in lines)
        {
            var t = line.Text.Trim();
            if (t.StartsWith('&'))
            {
                var label = t.Split(' ', '\t')[0];
                current = label[1..].TrimEnd('_');
                synsetLines[current] = (!label.EndsWith('_'), new List<string>());
            }
            else if (t.StartsWith('+') && current is not null) synsetLines[current].Members.Add(t[1..].Trim());
            else current = null;
        }
        var synsets = new Dictionary<string, string[][]>(StringComparer.Ordinal);
        foreach (var name in synsetLines.Keys) ResolveSynset(name, synsetLines, synsets, new HashSet<string>(), file, problems);

        VerbBlock? block = null;
        bool inSynset = false;
        int layer = into.Layers++;
        foreach (var line in lines)
        {
            var t = line.Text.Trim();
            if (t.StartsWith("---", StringComparison.Ordinal))
            {
                inSynset = false;
                // "--- RESTORE [064] ---", "--- DELAY [120]  [031:031]  ---": the first [code] is the block's.
                var inner = t.Trim().Trim('-').Trim();
                int open = inner.IndexOf('[');
                int close = open < 0 ? -1 : inner.IndexOf(']', open);
                var name = (open < 0 ? inner : inner[..open]).Trim();
                var codes = EventCodes.Null;
                if (close > open && !EventCodes.TryParse(inner[(open + 1)..close], out codes))
                    problems.Add(new DictionaryProblem(file, line.Number, $"block '{name}' has an unreadable code {inner[open..(close + 1)]}; its verbs code nothing by themselves"));
                block = new VerbBlock(name, codes, into.BlockCount++, layer, hasCode: close > open);
                continue;
            }
            if (t.StartsWith('&')) { inSynset = true; continue; }
            if (t.StartsWith('~')) continue; // PETRARCH2 transformations: rules over coded events, not vocabulary
            if (inSynset && t.StartsWith('+')) continue;
            if (block is null)
            {
                problems.Add(new DictionaryProblem(file, line.Number, "a verb or pattern before any --- block --- header"));
                continue;
            }
            if (t.StartsWith('-'))
            {
                // Patterns are numbered across every file loaded, so "earliest in the dictionary" means one thing.
                var pattern = ReadPattern(t[1..], synsets, block, into.PatternCount, $"{Path.GetFileName(file)}:{line.Number}", out var error);
                if (pattern is null) problems.Add(new DictionaryProblem(file, line.Number, error!));
                else
                {
                    block.Patterns.Add(pattern);
                    into.PatternCount++;
                }
                continue;
            }
            inSynset = false;
            ReadVerb(t, block, into, file, line.Number, problems);
        }
    }

    private static string[][] ResolveSynset(string name, Dictionary<string, (bool Plurals, List<string> Members)> lines,
        Dictionary<string, string[][]> done, HashSet<string> visiting, string file, List<DictionaryProblem> problems)
    {
        if (done.TryGetValue(name, out var known)) return known;
        if (!lines.TryGetValue(name, out var def) || !visiting.Add(name)) return [];
        var phrases = new List<string[]>();
        foreach (var member in def.Members)
        {
            if (member.StartsWith('&'))
            {
                phrases.AddRange(ResolveSynset(member[1..].TrimEnd('_'), lines, done, visiting, file, problems));
                continue;
            }
            var words = Consecutive(member);
            if (words.Length == 0) continue;
            phrases.Add(words);
            if (def.Plurals && !member.EndsWith('_'))
            {
                var plural = DictionaryText.Phrase(AgentDictionaryReader.Plural(string.Join("_", words))).Select(p => p.Text).ToArray();
                if (plural.Length > 0) phrases.Add(plural);
            }
        }
        visiting.Remove(name);
        var result = phrases.DistinctBy(p => string.Join(" ", p)).ToArray();
        done[name] = result;
        return result;
    }

    /// <summary>A phrase whose words must all follow one another, whatever separates them in the file.</summary>
    private static string[] Consecutive(string phrase) => DictionaryText.Phrase(phrase.Replace(' ', '_')).Select(p => p.Text).ToArray();

    private static void ReadVerb(string text, VerbBlock block, VerbDictionary into, string file, int lineNumber, List<DictionaryProblem> problems)
    {
        EventCodes? own = null;
        int open = text.IndexOf('[');
        if (open >= 0)
        {
            int close = text.IndexOf(']', open);
            if (close > open && EventCodes.TryParse(text[(open + 1)..close], out var codes)) own = codes;
            else if (close > open) problems.Add(new DictionaryProblem(file, lineNumber, $"unreadable verb code {text[open..(close + 1)]}"));
            text = text[..open].Trim();
        }
        string? irregular = null;
        int brace = text.IndexOf('{');
        if (brace >= 0)
        {
            int end = text.IndexOf('}', brace);
            irregular = end < 0 ? text[(brace + 1)..] : text[(brace + 1)..end];
            text = text[..brace].Trim();
        }
        if (text.Length == 0)
        {
            problems.Add(new DictionaryProblem(file, lineNumber, "a verb line with no verb"));
            return;
        }
        var lemma = SplitVerb(text);
        if (lemma.Verb.Length == 0)
        {
            problems.Add(new DictionaryProblem(file, lineNumber, $"cannot find the verb in '{text}'"));
            return;
        }
        var entry = new VerbEntry(block, text.Replace('_', ' ').Replace("+", ""), lemma.Before, lemma.After, own);
        if (irregular is null)
        {
            foreach (var form in VerbDictionary.RegularForms(lemma.Verb)) into.Add(form, entry);
            return;
        }
        into.Add(lemma.Verb, entry);
        foreach (var item in irregular.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var form = SplitVerb(item);
            if (form.Verb.Length == 0) continue;
            // An irregular multi-word form ("+BROKE_DOWN") may carry its own particles; they match the lemma's.
            var e = form.Before.SequenceEqual(lemma.Before) && form.After.SequenceEqual(lemma.After) ? entry : entry with { Before = form.Before, After = form.After };
            into.Add(form.Verb, e);
        }
    }

    /// <summary>"WIRE_+TAP" is TAP after WIRE; "+BREAK_DOWN" and "LASH OUT" are BREAK/LASH before DOWN/OUT.</summary>
    private static (string Verb, string[] Before, string[] After) SplitVerb(string text)
    {
        var words = text.Replace(' ', '_').Split('_', StringSplitOptions.RemoveEmptyEntries);
        int verb = Array.FindIndex(words, w => w.StartsWith('+'));
        if (verb < 0) verb = 0;
        var clean = words.Select(w => w.TrimStart('+').ToUpperInvariant()).ToArray();
        return (clean.Length == 0 ? "" : clean[verb], clean[..verb], clean[(verb + 1)..]);
    }

    /// <summary>
    /// "&FIGHT_OF_WORDS" is one synonym set, "&TIETYPES_MEMOS" a set then a word: an underscore after
    /// "&" joins as much as names a defined set.
    /// </summary>
    private static string[] JoinSynsetNames(string[] parts, Dictionary<string, string[][]> synsets)
    {
        var result = new List<string>(parts.Length);
        for (int i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim('(', ')', '{', '}');
            if (part.StartsWith('&'))
            {
                for (int j = parts.Length - 1; j > i; j--)
                {
                    var joined = string.Join("_", parts[i..(j + 1)]).Trim('(', ')', '{', '}');
                    if (synsets.ContainsKey(joined[1..].TrimEnd('_')))
                    {
                        result.Add(joined);
                        i = j;
                        goto next;
                    }
                }
            }
            result.Add(parts[i]);
            next:;
        }
        return result.ToArray();
    }

    private static VerbPattern? ReadPattern(string text, Dictionary<string, string[][]> synsets, VerbBlock block, int order, string source, out string? error)
    {
        error = null;
        int open = text.LastIndexOf('[');
        int close = open < 0 ? -1 : text.IndexOf(']', open);
        if (open < 0 || close < 0) { error = "a pattern without a [code]"; return null; }
        if (!EventCodes.TryParse(text[(open + 1)..close], out var codes)) { error = $"a pattern with an unreadable code {text[open..(close + 1)]}"; return null; }
        var body = text[..open];
        var elements = new List<PatternElement>();
        foreach (var spaced in body.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = JoinSynsetNames(spaced.Split('_'), synsets);
            bool first = true;
            foreach (var rawPart in parts)
            {
                var part = rawPart.Trim('(', ')', '{', '}');
                if (part.Length == 0) { first = false; continue; }
                bool adjacent = !first && elements.Count > 0;
                first = false;
                PatternElement element;
                switch (part)
                {
                    case "*": case "**": element = new PatternElement(PatternElementKind.Verb, [], adjacent); break;
                    case "$": element = new PatternElement(PatternElementKind.Source, [], adjacent); break;
                    case "+": element = new PatternElement(PatternElementKind.Target, [], adjacent); break;
                    case "%": element = new PatternElement(PatternElementKind.Compound, [], adjacent); break;
                    case "^": element = new PatternElement(PatternElementKind.SkipPhrase, [], adjacent); break;
                    default:
                        if (part.StartsWith('&'))
                        {
                            if (!synsets.TryGetValue(part[1..].TrimEnd('_'), out var phrases) || phrases.Length == 0)
                            {
                                error = $"the pattern uses {part}, which is not defined";
                                return null;
                            }
                            element = new PatternElement(PatternElementKind.Synset, phrases, adjacent);
                        }
                        else
                        {
                            var alternatives = part.Split('/', StringSplitOptions.RemoveEmptyEntries)
                                .Select(a => DictionaryText.Phrase(a).Select(p => p.Text).ToArray()).Where(a => a.Length > 0).ToArray();
                            if (alternatives.Length == 0) continue;
                            element = new PatternElement(PatternElementKind.Word, alternatives, adjacent);
                        }
                        break;
                }
                elements.Add(element);
            }
        }
        int verb = elements.FindIndex(e => e.Kind == PatternElementKind.Verb);
        if (verb < 0) { error = "a pattern without * (the verb)"; return null; }
        if (elements.Count(e => e.Kind == PatternElementKind.Verb) > 1) { error = "a pattern with more than one *"; return null; }
        return new VerbPattern(elements.ToArray(), verb, codes, order, source, block.Layer);
    }
}
