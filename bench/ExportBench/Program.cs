using System.Diagnostics;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Extractors.Themes;
using NewsGraph.Core.Extractors.Tone;
using NewsGraph.Core.Pipeline;
using NewsGraph.Storage.Export;
using NewsGraph.Storage.Sqlite;

// Export speed and memory: builds a store of synthetic articles with coded events (N articles,
// 4 events each, 5 actors per article from a pool of 200 codes), then runs every export format to
// a null sink and prints rows/s and the largest managed-heap growth seen during the export. The
// heap growth should not grow with N: the exports stream.
//
//   dotnet run -c Release --project bench/ExportBench [--articles N] [--db FILE]
//
// Run it with two sizes (e.g. 5000 and 20000) and compare the heap column.

int articles = 10_000;
string? dbPath = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--articles") articles = int.Parse(args[++i]);
    else if (args[i] == "--db") dbPath = args[++i];
}
dbPath ??= Path.Combine(Path.GetTempPath(), $"newsgraph-exportbench-{articles}.db");
if (!File.Exists(dbPath)) Build(dbPath, articles);

using var store = SqliteArticleStore.Open(dbPath, readOnly: true);
Console.WriteLine($"store: {store.Count():N0} articles, {new FileInfo(dbPath).Length / 1024.0 / 1024.0:0.0} MB ({dbPath})");
Console.WriteLine($"{"format",-14} {"rows",9} {"seconds",8} {"rows/s",10} {"heap growth MB",15}");
Measure("gdelt-events", () => new GdeltEventExport().Write(store.Connection, DateWindow.All, TextWriter.Null));
Measure("gdelt-gkg", () => new GkgExport().Write(store.Connection, DateWindow.All, TextWriter.Null));
Measure("jsonl", () => JsonLinesExport.Write(store.Connection, DateWindow.All, TextWriter.Null));
Measure("csv", () => CsvEventExport.Write(store.Connection, DateWindow.All, TextWriter.Null));
Measure("graphml", () => new GraphMlExport().Write(store.Connection, DateWindow.All, TextWriter.Null).Edges);
var parquet = Path.GetTempFileName();
Measure("parquet", () =>
{
    using var file = File.Create(parquet);
    return ParquetEventExport.WriteAsync(store.Connection, DateWindow.All, file).GetAwaiter().GetResult();
});
File.Delete(parquet);

static void Measure(string name, Func<long> export)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    long baseline = GC.GetTotalMemory(true);
    long peak = baseline;
    using var done = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!done.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(false));
            await Task.Delay(5);
        }
    });
    var clock = Stopwatch.StartNew();
    long rows = export();
    clock.Stop();
    done.Cancel();
    sampler.Wait();
    peak = Math.Max(peak, GC.GetTotalMemory(false));
    Console.WriteLine($"{name,-14} {rows,9:N0} {clock.Elapsed.TotalSeconds,8:0.00} {rows / clock.Elapsed.TotalSeconds,10:N0} {(peak - baseline) / 1024.0 / 1024.0,15:0.0}");
}

static void Build(string path, int count)
{
    var pipeline = new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Add(new ToneStage()).Add(new ThemeStage()).Build();
    var countries = new[] { ("USA", "United States"), ("IRN", "Iran"), ("RUS", "Russia"), ("CHN", "China"), ("FRA", "France"), ("DEU", "Germany"), ("GBR", "United Kingdom"), ("ISR", "Israel") };
    var roles = new[] { "", "GOV", "MIL", "OPP", "COP", "BUS", "MED", "REB" };
    var verbs = new[] { ("accused", "112", 3, -2.0), ("met", "040", 1, 1.0), ("attacked", "190", 4, -10.0), ("praised", "051", 1, 3.4), ("threatened", "130", 3, -4.4), ("sanctioned", "163", 4, -8.0) };
    var random = new Random(7);
    var clock = Stopwatch.StartNew();
    using var store = SqliteArticleStore.Open(path);
    var batch = new List<Article>(500);
    for (int n = 0; n < count; n++)
    {
        var parts = new List<(string Sentence, string Source, string Target, (string Verb, string Code, int Quad, double Goldstein) Verb, string SourceName, string TargetName)>();
        for (int k = 0; k < 4; k++)
        {
            var (sc, sn) = countries[random.Next(countries.Length)];
            var (tc, tn) = countries[random.Next(countries.Length)];
            var verb = verbs[random.Next(verbs.Length)];
            var source = sc + roles[random.Next(roles.Length)];
            var target = tc + roles[random.Next(roles.Length)];
            parts.Add(($"{sn} {verb.Item1} {tn} on day {n}, officials in the capital said, adding that talks on sanctions, trade and security would go on.", source, target, verb, sn, tn));
        }
        var text = string.Join("\n\n", parts.Select(p => p.Sentence));
        var a = new Article(text, $"Report {n}: {parts[0].SourceName} and {parts[0].TargetName}")
        {
            Date = new DateOnly(2024, 1, 1).AddDays(n % 365).ToString("yyyy-MM-dd"),
            Url = $"https://site{n % 50}.example.com/news/{n}",
            Source = $"bench/{n}.txt",
        };
        int at = 0;
        foreach (var p in parts)
        {
            a.Paragraphs.Add(new Span(at, at + p.Sentence.Length));
            at += p.Sentence.Length + 2;
        }
        pipeline.Run(a);
        at = 0;
        foreach (var p in parts)
        {
            var sourceSpan = new Span(at, at + p.SourceName.Length);
            int t = text.IndexOf(p.TargetName, at + p.SourceName.Length + 1, StringComparison.Ordinal);
            var targetSpan = new Span(t, t + p.TargetName.Length);
            a.Entities.Add(new EntityMention(sourceSpan, "GPE") { Canonical = p.SourceName, Country = p.Source[..3], Actor = p.Source });
            a.Entities.Add(new EntityMention(targetSpan, "GPE") { Canonical = p.TargetName, Country = p.Target[..3], Actor = p.Target });
            a.Events.Add(new Event(new Span(at, targetSpan.End), p.Verb.Code)
            {
                Source = p.Source, Target = p.Target, SourceSpan = sourceSpan, TargetSpan = targetSpan,
                Root = p.Verb.Code[..2], QuadClass = p.Verb.Quad, Goldstein = p.Verb.Goldstein,
            });
            at += p.Sentence.Length + 2;
        }
        batch.Add(a);
        if (batch.Count == 500) { store.Add(batch); batch.Clear(); }
    }
    store.Add(batch);
    Console.WriteLine($"built {count:N0} synthetic articles in {clock.Elapsed.TotalSeconds:0.0} s");
}
