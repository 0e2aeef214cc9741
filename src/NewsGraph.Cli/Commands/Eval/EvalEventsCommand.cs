using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Events.Coding;
using NewsGraph.Core.Extractors.Events.Dictionaries;
using NewsGraph.Core.Extractors.Events.Evaluation;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Readers;
using NewsGraph.Core.Serialization;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary><c>newsgraph eval events</c>: the event coder against PETRARCH's validation records and against hand-coded news.</summary>
public sealed class EvalEventsCommand : ISubcommand
{
    public string Name => "events";
    public string Summary => "score the CAMEO event coder (PETRARCH validation records; hand-coded BBC sentences)";
    public string Help => """
        usage: newsgraph eval events --petrarch FILE [--dictionaries DIR]... [--show]
               newsgraph eval events --gold FILE --bbc DIR [--dictionaries DIR]... [--date YYYY-MM-DD] [--show]

        --petrarch codes the sentences of a PETRARCH validation file (PETR.UnitTest.records.xml) from their
        raw text with the dictionaries its <Environment> names, found in --dictionaries DIR (default: the
        folder of FILE's ../dictionaries), and compares them with the expected events: recall and
        precision exact (source, target, code) and at the root (source, target, first two digits), by
        record category. Records that test the parse-tree reader (error bad_input_parse) are left out.

        --gold scores hand-coded sentences (eval/events/bbc-politics.gold.tsv) of the news under --bbc DIR
        with the shipped dictionaries (or --dictionaries): precision and recall of the event roots per
        sentence, and how often source and target countries agree. Only asserted, not negated events
        count as the coder's claims.

          --dictionaries DIR   dictionaries to code with (repeatable)
          --date YYYY-MM-DD    the day to code actors for when an article has no date (BBC: 2005-01-01)
          --show               print every record or sentence that is not perfect
          --trace              with --show: how each was analysed (tags, phrases, actors, verb groups; with
                               --gold also the entity layer's mentions with their actor codes and roles)
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["petrarch", "dictionaries", "gold", "bbc", "date"];
    public IReadOnlyCollection<string> Flags => ["show", "trace"];

    public int Run(Arguments args, Terminal terminal)
    {
        if (args.Option("petrarch") is { } petrarch) return Petrarch(petrarch, args, terminal);
        if (args.Option("gold") is { } gold) return Gold(gold, args, terminal);
        throw new UsageException("give --petrarch FILE or --gold FILE --bbc DIR");
    }

    private static readonly ArticlePipeline Segmentation = new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Build();

    private static int Petrarch(string path, Arguments args, Terminal terminal)
    {
        if (!File.Exists(path)) throw new CommandFailedException($"{path}: no such file");
        PetrarchRecords.File file;
        try { file = PetrarchRecords.Read(path); }
        catch (System.Xml.XmlException e) { throw new CommandFailedException($"{path}: not a readable validation file: {e.Message}"); }
        var dirs = args.Options("dictionaries").ToList();
        if (dirs.Count == 0) dirs.Add(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "..", "dictionaries"));
        // The dictionaries the file's <Environment> names, from the first folder holding each.
        var named = file.Dictionaries.Select(d => (dirs.Select(dir => Path.Combine(dir, d.Name)).FirstOrDefault(File.Exists) ?? Path.Combine(dirs[0], d.Name), d.Kind)).ToList();
        var dictionaries = named.Count > 0 ? CodingDictionaries.Load(named) : CodingDictionaries.Load(dirs);
        ReportProblems(dictionaries, terminal);
        terminal.Message("dictionaries: " + dictionaries.Describe());
        var traced = new List<string>();
        var coder = new EventCoder(dictionaries, options: new EventCoderOptions { Trace = args.Flag("trace") ? traced.Add : null });

        var byCategory = new SortedDictionary<string, (int Records, int Silent, int SilentRight, DyadScore Score)>(StringComparer.Ordinal);
        var total = new DyadScore();
        int skipped = 0, records = 0, silentExpected = 0, silentRight = 0;
        var clock = Stopwatch.StartNew();
        foreach (var record in file.Records)
        {
            if (record.Error == "bad_input_parse") { skipped++; continue; }
            records++;
            var article = new Article(record.Text) { Date = record.Date };
            Segmentation.Run(article);
            traced.Clear();
            var produced = coder.Code(article).Where(e => !e.Negated).Select(e => new Dyad(e.Source, e.Target, e.Code)).ToList();
            var expected = record.Events.Select(e => new Dyad(e.Source, e.Target, e.Code)).ToList();
            var score = DyadScore.Of(expected, produced, d => $"{d.Source}>{d.Target}");
            total.Add(score);
            bool silent = expected.Count == 0;
            if (silent) { silentExpected++; if (produced.Count == 0) silentRight++; }
            var key = record.Category.Length == 0 ? "(none)" : record.Category;
            var c = byCategory.TryGetValue(key, out var known) ? known : (Records: 0, Silent: 0, SilentRight: 0, Score: new DyadScore());
            c.Score.Add(score);
            byCategory[key] = (c.Records + 1, c.Silent + (silent ? 1 : 0), c.SilentRight + (silent && produced.Count == 0 ? 1 : 0), c.Score);
            if (args.Flag("show") && (score.Exact < expected.Count || score.Exact < produced.Count))
            {
                terminal.Out.WriteLine($"{record.Id} [{record.Category}] {record.Text}");
                terminal.Out.WriteLine($"    expected: {string.Join("  ", expected)}");
                terminal.Out.WriteLine($"    coded:    {string.Join("  ", produced)}");
                foreach (var t in traced) terminal.Out.WriteLine(t);
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        var o = terminal.Out;
        o.WriteLine($"{"category",-10} {"records",7} {"expected",8} {"coded",6} {"recall",7} {"root-rec",8} {"precision",9} {"root-prec",9} {"silent ok",9}");
        foreach (var (name, (n, silent, silentOk, s)) in byCategory)
            o.WriteLine($"{name,-10} {n,7} {s.Expected,8} {s.Produced,6} {s.Recall,7:0.000} {s.RootRecall,8:0.000} {s.Precision,9:0.000} {s.RootPrecision,9:0.000} {silentOk,4}/{silent,-4}");
        o.WriteLine($"{"all",-10} {records,7} {total.Expected,8} {total.Produced,6} {total.Recall,7:0.000} {total.RootRecall,8:0.000} {total.Precision,9:0.000} {total.RootPrecision,9:0.000} {silentRight,4}/{silentExpected,-4}");
        o.WriteLine($"records: {records} coded from raw text in {seconds:0.00} s ({records / Math.Max(seconds, 1e-6):N0}/s); {skipped} left out (they test the parse-tree reader); " +
                    $"recall and precision are exact on (source, target, code), root on (source, target, first two digits); precision counts every event coded, not negated");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall recall {total.Recall:0.000} root-recall {total.RootRecall:0.000} precision {total.Precision:0.000}"));
        return 0;
    }

    private static void ReportProblems(CodingDictionaries d, Terminal terminal)
    {
        foreach (var p in d.Problems.Where(p => p.Line == 0)) terminal.Message(p.ToString());
        int lines = d.Problems.Count(p => p.Line > 0);
        if (lines > 0) terminal.Message($"{lines} dictionary line{(lines == 1 ? "" : "s")} skipped (first: {d.Problems.First(p => p.Line > 0)})");
    }

    // ------------------------------------------------------------------ hand-coded news

    private sealed record GoldSentence(string File, int Index, int Start, int End, string Hash, IReadOnlyList<Dyad> Events);

    private static int Gold(string path, Arguments args, Terminal terminal)
    {
        var bbc = args.Option("bbc") ?? DataPaths.Shared("news-corpus/bbc") ?? throw new UsageException("--gold needs --bbc DIR (the BBC corpus folder)");
        if (!File.Exists(path)) throw new CommandFailedException($"{path}: no such file");
        var gold = ReadGold(path);
        var dirs = args.Options("dictionaries");
        var dictionaries = dirs.Count > 0 ? CodingDictionaries.Load(dirs) : CodingDictionaries.Default;
        ReportProblems(dictionaries, terminal);
        int? day = null;
        if (args.Option("date") is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new UsageException($"--date takes YYYY-MM-DD, not '{date}'");
            day = d.Year * 10000 + d.Month * 100 + d.Day;
        }
        // The coder exactly as extract runs it, with the corpus's period as the day for undated articles.
        var traced = new List<string>();
        var coder = new EventCoder(dictionaries, options: Core.Extractors.Events.EventStage.NewsOptions with { DefaultDay = day, Trace = args.Flag("trace") ? traced.Add : null });
        var pipeline = DefaultPipeline.CreateBuilder().Replace("events", new Core.Extractors.Events.EventStage(coder)).Build();
        var reader = ArticleReader.CreateDefault();

        var rootScore = new DyadScore();
        var dyadScore = new DyadScore();
        int sentences = 0, withEvents = 0, quietRight = 0, quiet = 0, mismatched = 0;
        var clock = Stopwatch.StartNew();
        foreach (var byFile in gold.GroupBy(g => g.File))
        {
            var file = Path.Combine(bbc, byFile.Key);
            if (!File.Exists(file)) { terminal.Message($"{file}: not found; its {byFile.Count()} sentences are left out"); continue; }
            var article = reader.Read(InputSource.FromBytes(file, File.ReadAllBytes(file))).Select(r => r.Article).FirstOrDefault(a => a is not null);
            if (article is null) { terminal.Message($"{file}: no article read"); continue; }
            traced.Clear();
            pipeline.Run(article);
            var cp = new CodePointOffsets(article.Text);
            foreach (var g in byFile)
            {
                // The sentence coded by hand: found by its offsets, checked by its hash.
                var sentence = article.Sentences.Where(s => cp[s.Start] < g.End && g.Start < cp[s.End])
                    .MaxBy(s => Math.Min(cp[s.End], g.End) - Math.Max(cp[s.Start], g.Start));
                if (sentence.IsEmpty || Hash(article.Slice(sentence)) != g.Hash)
                {
                    sentence = article.Sentences.FirstOrDefault(s => Hash(article.Slice(s)) == g.Hash);
                    if (sentence.IsEmpty) { mismatched++; continue; }
                }
                sentences++;
                var produced = article.Events.Where(e => sentence.Contains(e.Span) && !e.Negated && e.Modality == Modality.Asserted)
                    .Select(e => new Dyad(e.Source, e.Target, e.Code)).ToList();
                var root = DyadScore.Of(g.Events, produced, _ => "");
                var dyad = DyadScore.Of(g.Events, produced, d => $"{Country(d.Source)}>{Country(d.Target)}");
                rootScore.Add(root);
                dyadScore.Add(dyad);
                if (g.Events.Count > 0) withEvents++;
                else { quiet++; if (produced.Count == 0) quietRight++; }
                // Shown when a root or a dyad's countries are wrong or missing.
                if (args.Flag("show") && (dyad.Root < g.Events.Count || dyad.Root < produced.Count))
                {
                    terminal.Out.WriteLine($"{g.File}#{g.Index} {article.Slice(sentence)}");
                    terminal.Out.WriteLine($"    gold:  {(g.Events.Count == 0 ? "none" : string.Join("  ", g.Events))}");
                    terminal.Out.WriteLine($"    coded: {(produced.Count == 0 ? "none" : string.Join("  ", produced))}");
                    if (args.Flag("trace")) TraceSentence(article, sentence, traced, terminal);
                }
            }
        }
        var o = terminal.Out;
        o.WriteLine($"sentences {sentences} ({withEvents} with events, {quiet} without); {mismatched} could not be found again; coded in {clock.Elapsed.TotalSeconds:0.00} s");
        o.WriteLine($"events    gold {rootScore.Expected}, coded {rootScore.Produced} (asserted, not negated)");
        o.WriteLine($"root      precision {rootScore.RootPrecision:0.000} recall {rootScore.RootRecall:0.000}   (same sentence, same first two digits)");
        o.WriteLine($"code      precision {rootScore.Precision:0.000} recall {rootScore.Recall:0.000}   (same sentence, same code)");
        o.WriteLine($"dyad+root precision {dyadScore.RootPrecision:0.000} recall {dyadScore.RootRecall:0.000}   (also the same source and target countries)");
        o.WriteLine($"quiet     {quietRight}/{quiet} sentences without a gold event got none");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall root precision {rootScore.RootPrecision:0.000} root recall {rootScore.RootRecall:0.000}"));
        return 0;
    }

    /// <summary>What the entity layer said of the sentence's names, then the coder's own trace of it.</summary>
    private static void TraceSentence(Article article, Span sentence, List<string> traced, Terminal terminal)
    {
        foreach (var e in article.Entities.Where(e => sentence.Contains(e.Span)))
            terminal.Out.WriteLine($"  entity: {e.Type} '{article.Slice(e.Span)}' actor={e.Actor ?? "-"} country={e.Country ?? "-"} role={e.Role ?? "-"} canonical={e.Canonical ?? "-"}");
        var marker = $"  sentence: {sentence.Start}-";
        int at = traced.FindIndex(t => t.StartsWith(marker, StringComparison.Ordinal));
        if (at < 0) return;
        for (int k = at + 1; k < traced.Count && !traced[k].StartsWith("  sentence: ", StringComparison.Ordinal); k++) terminal.Out.WriteLine(traced[k]);
    }

    /// <summary>The country part of an actor code (GBRGOV is GBR); role-only codes (GOV) and none compare as themselves.</summary>
    private static string Country(string? code) => code is { Length: >= 3 } ? code[..3] : code ?? "---";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    private static List<GoldSentence> ReadGold(string path)
    {
        var result = new List<GoldSentence>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length < 6 || !int.TryParse(c[1], out int index) || !int.TryParse(c[2], out int start) || !int.TryParse(c[3], out int end))
                throw new CommandFailedException($"{path}:{number}: expected file, sentence, start, end, hash, events");
            var events = new List<Dyad>();
            if (c[5] != "none")
                foreach (var e in c[5].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    int gt = e.IndexOf('>'), colon = e.LastIndexOf(':');
                    if (gt < 0 || colon < gt) throw new CommandFailedException($"{path}:{number}: cannot read the event '{e}' (SOURCE>TARGET:CODE)");
                    events.Add(new Dyad(PetrarchRecords.Normal(e[..gt]), PetrarchRecords.Normal(e[(gt + 1)..colon]), e[(colon + 1)..]));
                }
            result.Add(new GoldSentence(c[0], index, start, end, c[4], events));
        }
        return result;
    }
}
