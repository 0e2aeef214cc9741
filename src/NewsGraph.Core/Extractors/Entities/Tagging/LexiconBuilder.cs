using System.Globalization;
using System.Text.Json;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>Where the training-time lexicon comes from; any source may be absent.</summary>
internal sealed record LexiconSources
{
    /// <summary>Unlabelled text: files or folders of plain text (the BBC corpus), read recursively.</summary>
    public IReadOnlyList<string> UnlabelledText { get; init; } = [];
    /// <summary>Tokenised sentences to add to the unlabelled text (the CoNLL training words, labels unused).</summary>
    public IReadOnlyList<IReadOnlyList<string>> UnlabelledSentences { get; init; } = [];
    /// <summary>Folder with GeoNames cities15000.txt, countryInfo.txt and countries.json.</summary>
    public string? Gazetteers { get; init; }
    /// <summary>Folder with the Phoenix actor and agent dictionaries.</summary>
    public string? ActorDictionaries { get; init; }
    public int FineClusters { get; init; } = 512;
    public int MidClusters { get; init; } = 128;
    public int CoarseClusters { get; init; } = 32;
    public int ClusterPasses { get; init; } = 8;
    public int MinWordCount { get; init; } = 3;
    public Action<string>? Progress { get; init; }
}

/// <summary>
/// Builds the tagger's <see cref="Lexicon"/> at training time from unlabelled text and
/// gazetteers. Only hashes end up in the model: the lists themselves are not shipped.
/// </summary>
internal static class LexiconBuilder
{
    public const long MaxTextFileBytes = 8 << 20;

    public static Lexicon Build(LexiconSources sources)
    {
        var lexicon = new Lexicon();
        var sentences = ReadSentences(sources);
        sources.Progress?.Invoke($"unlabelled text: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Length):N0} tokens");
        BuildClusters(lexicon, sentences, sources);
        BuildCaseProfile(lexicon, sentences);
        BuildGazetteer(lexicon, sources);
        return lexicon;
    }

    private static List<string[]> ReadSentences(LexiconSources sources)
    {
        var sentences = new List<string[]>();
        foreach (var s in sources.UnlabelledSentences) sentences.Add(s.ToArray());
        var files = new List<string>();
        foreach (var path in sources.UnlabelledText)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.txt", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).Equals("README.TXT", StringComparison.OrdinalIgnoreCase)));
            else if (File.Exists(path)) files.Add(path);
            else throw new FileNotFoundException($"unlabelled text not found: {path}");
        }
        files.Sort(StringComparer.Ordinal);
        var spans = new List<Span>();
        var tokens = new List<Token>();
        foreach (var file in files)
        {
            if (new FileInfo(file).Length > MaxTextFileBytes) continue;
            var text = File.ReadAllText(file);
            foreach (var paragraph in text.Split("\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                spans.Clear();
                SentenceSplitter.Split(paragraph, spans);
                foreach (var s in spans)
                {
                    tokens.Clear();
                    Tokenizer.Tokenize(paragraph.AsSpan(s.Start, s.Length), s.Start, tokens);
                    if (tokens.Count > 0) sentences.Add(tokens.Select(t => paragraph[t.Start..t.End]).ToArray());
                }
            }
        }
        return sentences;
    }

    private static string ClusterForm(string word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (int i = 0; i < word.Length; i++)
        {
            char c = FeatureHash.Fold(word[i]);
            buffer[i] = char.IsDigit(c) ? '0' : c;
        }
        return new string(buffer);
    }

    private static void BuildClusters(Lexicon lexicon, List<string[]> sentences, LexiconSources sources)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var s in sentences)
            foreach (var w in s)
            {
                var f = ClusterForm(w);
                counts[f] = counts.GetValueOrDefault(f) + 1;
            }
        var vocabulary = counts.Where(kv => kv.Value >= sources.MinWordCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        if (vocabulary.Count < 2) return;
        int unknown = vocabulary.Count;   // rare words share one item
        var id = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < vocabulary.Count; i++) id[vocabulary[i]] = i;
        var itemCounts = new long[vocabulary.Count + 1];
        var pairs = new Dictionary<long, int>();
        foreach (var s in sentences)
        {
            int prev = -1;
            foreach (var w in s)
            {
                int cur = id.GetValueOrDefault(ClusterForm(w), unknown);
                itemCounts[cur]++;
                if (prev >= 0)
                {
                    long key = ((long)prev << 32) | (uint)cur;
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                }
                prev = cur;
            }
        }
        var g = WordClusters.Bigrams.From(vocabulary.Count + 1, itemCounts, pairs);
        var fine = WordClusters.Exchange(g, sources.FineClusters, sources.ClusterPasses, sources.Progress);
        int fineK = Math.Min(sources.FineClusters, g.Items);
        var fineGraph = WordClusters.OfClasses(g, fine, fineK);   // renumbers fine by frequency
        var mid = WordClusters.Exchange(fineGraph, sources.MidClusters, sources.ClusterPasses * 2, sources.Progress);
        int midK = Math.Min(sources.MidClusters, fineGraph.Items);
        var midGraph = WordClusters.OfClasses(fineGraph, mid, midK);
        var coarse = WordClusters.Exchange(midGraph, sources.CoarseClusters, sources.ClusterPasses * 2, sources.Progress);

        var lowered = new Dictionary<ulong, (long Count, int Packed)>();
        for (int w = 0; w < vocabulary.Count; w++)
        {
            int f = fine[w], m = mid[f], c = coarse[m];
            int packed = (f | (m << 10) | (c << 20)) + 1;
            lexicon.Clusters.Set(FeatureHash.CasedDigitsFolded(vocabulary[w]), packed);
            // The commonest spelling of a word speaks for its all-capitals form ("GERMAN" → "German").
            ulong low = FeatureHash.Lowered(vocabulary[w]) ^ Lexicon.LoweredClusterSalt;
            if (!lowered.TryGetValue(low, out var seen) || seen.Count < itemCounts[w]) lowered[low] = (itemCounts[w], packed);
        }
        foreach (var (key, value) in lowered) lexicon.Clusters.Set(key, value.Packed);
        sources.Progress?.Invoke($"clusters: {vocabulary.Count:N0} words in {fineK}/{midK}/{Math.Min(sources.CoarseClusters, midGraph.Items)} classes");
    }

    /// <summary>How each word is written in running text: mostly lower case, mixed, or mostly capitalised mid-sentence.</summary>
    private static void BuildCaseProfile(Lexicon lexicon, List<string[]> sentences)
    {
        var tally = new Dictionary<ulong, (int Lower, int Upper)>();
        foreach (var s in sentences)
        {
            int letters = 0, caps = 0;
            foreach (var w in s)
                if (w.Any(char.IsLetter)) { letters++; if (!w.Any(char.IsLower)) caps++; }
            if (letters == 0 || caps * 2 > letters) continue;   // headlines in capitals say nothing about case
            for (int i = 0; i < s.Length; i++)
            {
                var w = s[i];
                if (!char.IsLetter(w[0])) continue;
                bool lower = char.IsLower(w[0]);
                if (!lower && (i == 0 || s[i - 1] is "\"" or "“" or "'" or "‘" or "(" or ":" or "-" or "--")) continue;
                ulong key = FeatureHash.Lowered(w);
                var t = tally.GetValueOrDefault(key);
                tally[key] = lower ? (t.Lower + 1, t.Upper) : (t.Lower, t.Upper + 1);
            }
        }
        foreach (var (key, (lo, up)) in tally)
        {
            int total = lo + up;
            if (total < 2) continue;
            double share = (double)lo / total;
            lexicon.CaseProfile.Set(key, share >= 0.9 ? 1 : share <= 0.1 ? 3 : 2);
        }
    }

    private static void BuildGazetteer(Lexicon lexicon, LexiconSources sources)
    {
        int added = 0;
        void Add(string phrase, GazetteerList list)
        {
            phrase = phrase.Trim();
            if (phrase.Length < 2 || phrase.Length > 80) return;
            var tokens = new List<Token>();
            Tokenizer.Tokenize(phrase, tokens);
            if (tokens.Count == 0 || tokens.Count > Lexicon.MaxPhraseTokens) return;
            ulong h = Lexicon.PhraseSeed;
            for (int k = 0; k < tokens.Count; k++)
            {
                h = FeatureHash.Extend(h, FeatureHash.Lowered(phrase.AsSpan(tokens[k].Start, tokens[k].Length)));
                int bits = lexicon.Gazetteer.GetOrDefault(h, 0);
                lexicon.Gazetteer.Set(h, bits | (k + 1 < tokens.Count ? Lexicon.PrefixBit : 1 << (int)list));
            }
            added++;
        }

        foreach (var s in PlaceWords.States) Add(s, GazetteerList.State);
        foreach (var s in PlaceWords.Regions) Add(s, GazetteerList.Region);
        foreach (var s in PlaceWords.Groups) Add(s, GazetteerList.Group);

        if (sources.Gazetteers is { } geo)
        {
            var countryInfo = Path.Combine(geo, "countryInfo.txt");
            if (File.Exists(countryInfo))
                foreach (var line in File.ReadLines(countryInfo))
                {
                    if (line.StartsWith('#')) continue;
                    var f = line.Split('\t');
                    if (f.Length < 6) continue;
                    Add(f[4], GazetteerList.Country);
                    if (f[5].Length > 0) Add(f[5], GazetteerList.Capital);
                }
            var cities = Path.Combine(geo, "cities15000.txt");
            if (File.Exists(cities))
                foreach (var line in File.ReadLines(cities))
                {
                    var f = line.Split('\t');
                    if (f.Length < 15 || !long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population)) continue;
                    var list = population >= 1_000_000 ? GazetteerList.MetropolisCity : population >= 100_000 ? GazetteerList.LargeCity : GazetteerList.Town;
                    Add(f[1], list);
                    if (f[2] != f[1]) Add(f[2], list);
                    if (population < 100_000) continue;
                    foreach (var alias in f[3].Split(','))
                        if (alias.Length > 2 && char.IsUpper(alias[0]) && alias.All(c => c < 0x250 && (char.IsLetter(c) || c is ' ' or '-' or '\'')))
                            Add(alias, GazetteerList.CityAlias);
                }
            var countries = Path.Combine(geo, "countries.json");
            if (File.Exists(countries)) AddNationalities(countries, Add);
        }

        if (sources.ActorDictionaries is { } dict)
        {
            AddActors(Path.Combine(dict, "Phoenix.Countries.actors.txt"), countryFile: true, GazetteerList.Person, Add);
            AddActors(Path.Combine(dict, "Phoenix.International.actors.txt"), countryFile: false, GazetteerList.International, Add);
            AddActors(Path.Combine(dict, "Phoenix.MilNonState.actors.txt"), countryFile: false, GazetteerList.ArmedGroup, Add);
            AddAgents(Path.Combine(dict, "Phoenix.agents.txt"), Add);
        }
        sources.Progress?.Invoke($"gazetteer: {added:N0} names, {lexicon.Gazetteer.Count:N0} distinct phrases");
    }

    /// <summary>English demonyms (and their plurals) from the mledoze countries data (ODbL; see models/ner/README.md).</summary>
    private static void AddNationalities(string path, Action<string, GazetteerList> add)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var country in doc.RootElement.EnumerateArray())
        {
            if (!country.TryGetProperty("demonyms", out var demonyms) || !demonyms.TryGetProperty("eng", out var eng)) continue;
            foreach (var form in new[] { "f", "m" })
            {
                if (!eng.TryGetProperty(form, out var value) || value.GetString() is not { Length: > 2 } name) continue;
                add(name, GazetteerList.Nationality);
                if (!name.EndsWith('s') && !name.EndsWith("sh") && !name.EndsWith("ch") && !name.EndsWith("ese")) add(name + "s", GazetteerList.Nationality);
            }
        }
    }

    /// <summary>
    /// Phoenix actor files: a heading line names an actor ("GERMANY_ [DEU]"), "+" lines give its other
    /// names. In the country file a heading with its code on the same line is a country and its "+"
    /// names are its cities, regions and adjectives; a heading whose codes follow on indented lines is a person.
    /// </summary>
    private static void AddActors(string path, bool countryFile, GazetteerList headingList, Action<string, GazetteerList> add)
    {
        if (!File.Exists(path)) return;
        GazetteerList current = headingList;
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.Length == 0 || raw[0] is '#' or '\t' or ' ' or '[') continue;
            bool synonym = raw[0] == '+';
            var line = synonym ? raw[1..] : raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            int bracket = line.IndexOf('[');
            bool codeOnLine = bracket >= 0;
            if (bracket >= 0) line = line[..bracket];
            var name = line.Replace('_', ' ').Trim();
            if (name.Length == 0 || name.Any(c => c is '(' or ')' or '{' or '}' or '!' or '/')) continue;
            if (!synonym)
                current = countryFile ? (codeOnLine ? GazetteerList.Country : GazetteerList.Person) : headingList;
            var list = countryFile && synonym && current == GazetteerList.Country ? GazetteerList.CountrySynonym : current;
            var titled = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());
            add(titled, list);
            if (list == GazetteerList.Person)
            {
                var words = titled.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= 2)
                {
                    if (words[0].Length > 1 && !words[0].EndsWith('.')) add(words[0], GazetteerList.GivenName);
                    add(words[^1], GazetteerList.FamilyName);
                }
            }
        }
    }

    /// <summary>Phoenix agents: role words ("MINISTER", "REBEL"), with its !MACRO! word lists expanded.</summary>
    private static void AddAgents(string path, Action<string, GazetteerList> add)
    {
        if (!File.Exists(path)) return;
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith('!') && line.Contains('='))
            {
                var parts = line.Split('=', 2);
                macros[parts[0].Trim()] = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }
            int bracket = line.IndexOf('[');
            if (bracket >= 0) line = line[..bracket];
            line = line.Trim();
            var forms = new List<string> { line };
            foreach (var (macro, words) in macros)
                if (line.Contains(macro)) forms = forms.SelectMany(f => words.Select(w => f.Replace(macro, w))).ToList();
            foreach (var f in forms)
                if (!f.Contains('!')) add(f.Replace('_', ' ').ToLowerInvariant(), GazetteerList.Role);
        }
    }
}
