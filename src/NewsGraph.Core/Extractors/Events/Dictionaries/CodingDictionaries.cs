using System.Text;

namespace NewsGraph.Core.Extractors.Events.Dictionaries;

/// <summary>What kind of dictionary a file is; recognised from its name as PETRARCH names them.</summary>
public enum DictionaryKind
{
    Verbs,
    Actors,
    Agents,
    Discards,
    /// <summary>Nominal events ("talks with", "visit to"): the verb format, applied to nouns. A NewsGraph extension.</summary>
    Nouns,
    /// <summary>Reporting verbs ("said", "claimed"): attribution, never events themselves. A NewsGraph extension.</summary>
    Attribution,
}

/// <summary>
/// Everything the coder knows, all from data files: verbs and their patterns, nominal events,
/// actors, agents, discards and reporting verbs. Built once and shared read-only across threads.
/// Users bring their own CAMEO dictionaries with <see cref="Load(IEnumerable{string})"/>.
/// </summary>
public sealed class CodingDictionaries
{
    public const string ResourcePrefix = "NewsGraph.Events.Dictionaries.";
    private static readonly Lazy<CodingDictionaries> _default = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    public VerbDictionary Verbs { get; } = new();
    public VerbDictionary Nouns { get; } = new();
    public PhraseIndex<ActorEntry> Actors { get; } = new();
    public PhraseIndex<AgentEntry> Agents { get; } = new();
    public DiscardList Discards { get; } = new();
    /// <summary>Upper-case forms of reporting verbs.</summary>
    public HashSet<string> Attribution { get; } = new(StringComparer.Ordinal);
    public List<DictionaryProblem> Problems { get; } = new();
    /// <summary>The files (or resources) read, in order.</summary>
    public List<string> Sources { get; } = new();

    /// <summary>The dictionaries shipped with NewsGraph (PETRARCH2's CAMEO verbs, the Phoenix actors and agents, and ours).</summary>
    public static CodingDictionaries Default => _default.Value;

    /// <summary>Reads dictionaries from files and folders; in a folder, every file whose name says what it is.</summary>
    public static CodingDictionaries Load(IEnumerable<string> paths)
    {
        var result = new CodingDictionaries();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path).Where(f => KindOf(f) is not null).OrderBy(f => f, StringComparer.Ordinal).ToList();
                if (files.Count == 0) result.Problems.Add(new DictionaryProblem(path, 0, "no dictionary files here (names must say verbs, actors, agents, discards, nouns or attribution)"));
                foreach (var f in files) result.LoadFile(f, KindOf(f)!.Value);
            }
            else if (File.Exists(path))
            {
                if (KindOf(path) is { } kind) result.LoadFile(path, kind);
                else result.Problems.Add(new DictionaryProblem(path, 0, "cannot tell what kind of dictionary this is from its name"));
            }
            else result.Problems.Add(new DictionaryProblem(path, 0, "no such file or folder"));
        }
        result.Freeze();
        return result;
    }

    /// <summary>Reads named files of known kinds (as a PETRARCH validation file's &lt;Environment&gt; names them).</summary>
    public static CodingDictionaries Load(IEnumerable<(string Path, DictionaryKind Kind)> files)
    {
        var result = new CodingDictionaries();
        foreach (var (path, kind) in files)
        {
            if (File.Exists(path)) result.LoadFile(path, kind);
            else result.Problems.Add(new DictionaryProblem(path, 0, "no such file"));
        }
        result.Freeze();
        return result;
    }

    /// <summary>What a file holds, from its name: CAMEO.2.0.txt and *.verbs.txt are verbs, *.actors.txt actors, and so on.</summary>
    public static DictionaryKind? KindOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.Contains("issue") || name.Contains("preposition") || name.EndsWith(".md") || name.StartsWith("license")) return null;
        if (name.Contains("attribution")) return DictionaryKind.Attribution;
        if (name.Contains("noun")) return DictionaryKind.Nouns;
        if (name.Contains("verb") || name.StartsWith("cameo")) return DictionaryKind.Verbs;
        if (name.Contains("actor")) return DictionaryKind.Actors;
        if (name.Contains("agent")) return DictionaryKind.Agents;
        if (name.Contains("discard")) return DictionaryKind.Discards;
        return null;
    }

    private void LoadFile(string path, DictionaryKind kind)
    {
        try
        {
            using var reader = new StreamReader(path, DictionaryEncoding, detectEncodingFromByteOrderMarks: true);
            Read(reader, path, kind);
        }
        catch (IOException e) { Problems.Add(new DictionaryProblem(path, 0, "cannot read: " + e.Message)); }
        catch (UnauthorizedAccessException e) { Problems.Add(new DictionaryProblem(path, 0, "cannot read: " + e.Message)); }
    }

    // The dictionaries are UTF-8 (mostly ASCII); a stray byte that is not becomes U+FFFD rather than stopping the load.
    private static Encoding DictionaryEncoding { get; } = new UTF8Encoding(false, throwOnInvalidBytes: false);

    internal void Read(TextReader reader, string name, DictionaryKind kind)
    {
        Sources.Add(name);
        switch (kind)
        {
            case DictionaryKind.Verbs: VerbDictionaryReader.Read(reader, name, Verbs, Problems); break;
            case DictionaryKind.Nouns: VerbDictionaryReader.Read(reader, name, Nouns, Problems); break;
            case DictionaryKind.Actors: ActorDictionaryReader.Read(reader, name, Actors, Problems); break;
            case DictionaryKind.Agents: AgentDictionaryReader.Read(reader, name, Agents, Problems); break;
            case DictionaryKind.Discards: DiscardList.Read(reader, name, Discards, Problems); break;
            case DictionaryKind.Attribution:
                foreach (var line in DictionaryText.Lines(reader))
                    foreach (var word in line.Text.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
                        foreach (var form in VerbDictionary.RegularForms(word.ToUpperInvariant())) Attribution.Add(form);
                break;
        }
    }

    internal void Freeze()
    {
        Actors.Freeze();
        Agents.Freeze();
    }

    private static CodingDictionaries LoadDefault()
    {
        var result = new CodingDictionaries();
        var assembly = typeof(CodingDictionaries).Assembly;
        // The PETRARCH/Phoenix dictionaries first, then NewsGraph's, which add to and override them.
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .OrderBy(n => n.StartsWith(ResourcePrefix + "NewsGraph.", StringComparison.Ordinal)).ThenBy(n => n, StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new InvalidOperationException("the event dictionaries are missing from NewsGraph.Core");
        foreach (var name in names)
        {
            var file = name[ResourcePrefix.Length..];
            if (KindOf(file) is not { } kind) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, DictionaryEncoding);
            result.Read(reader, file, kind);
        }
        result.Freeze();
        return result;
    }

    public string Describe() =>
        $"{Verbs.FormCount:N0} verb forms in {Verbs.BlockCount:N0} blocks with {Verbs.PatternCount:N0} patterns, " +
        $"{Nouns.FormCount:N0} event nouns, {Actors.Count:N0} actor names, {Agents.Count:N0} agent names, {Discards.Count:N0} discards, " +
        $"{Attribution.Count:N0} reporting-verb forms; {Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}";
}
