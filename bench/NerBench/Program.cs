using System.Diagnostics;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Readers;

// Entity tagging speed on one thread: model load time and memory, then tokens/s of the
// entities stage alone over articles already split into sentences and tokens.
//
//   dotnet run -c Release --project bench/NerBench [DIR] [--passes N] [--model FILE]
//
// DIR defaults to ../shared/data/news-corpus/bbc (2,225 BBC articles) when present, else samples/.

var argv = args.ToList();
int passes = 5;
string? dir = null, modelPath = null;
for (int i = 0; i < argv.Count; i++)
{
    if (argv[i] == "--passes") passes = int.Parse(argv[++i]);
    else if (argv[i] == "--model") modelPath = argv[++i];
    else if (argv[i].StartsWith("--")) continue;
    else dir = argv[i];
}
var repo = BenchMachine.FindRepoRoot();
var bbc = Path.Combine(repo, "..", "shared", "data", "news-corpus", "bbc");
dir = Path.GetFullPath(dir ?? (Directory.Exists(bbc) ? bbc : Path.Combine(repo, "samples")));

// Articles, segmented up front: the figure is the tagger's alone.
var reader = ArticleReader.CreateDefault();
var sentences = new SentenceStage();
var tokens = new TokenStage();
var articles = new List<Article>();
foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    if (Path.GetFileName(file).StartsWith('.') || Path.GetFileName(file).Equals("README.TXT", StringComparison.OrdinalIgnoreCase)) continue;
    foreach (var result in reader.Read(InputSource.FromBytes(file, File.ReadAllBytes(file))))
    {
        if (result.Article is not { } article) continue;
        sentences.Run(article);
        tokens.Run(article);
        articles.Add(article);
    }
}
long tokenCount = articles.Sum(a => (long)a.Tokens.Count);
Console.Error.WriteLine($"ner bench: {articles.Count:N0} articles, {tokenCount:N0} tokens from {dir}; {passes} passes after a warm-up");

long before = GC.GetTotalMemory(true);
var loadClock = Stopwatch.StartNew();
var tagger = modelPath is null ? EntityTagger.Shipped : EntityTagger.Load(modelPath);
loadClock.Stop();
long after = GC.GetTotalMemory(true);

if (argv.Contains("--phases")) { Phases(); return; }
var stage = new EntityStage(tagger);
Run(); // warm-up: JIT and tiering
var times = new List<double>();
var cpuTimes = new List<double>();
long mentions = 0;
for (int p = 0; p < passes; p++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    times.Add(Run());
    cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}
times.Sort();
cpuTimes.Sort();
foreach (var a in articles) mentions += a.Entities.Count;

Console.WriteLine($"model load      {loadClock.Elapsed.TotalMilliseconds:N0} ms");
Console.WriteLine($"model memory    {(after - before) / 1e6:0.0} MB (managed heap growth on load)");
Console.WriteLine($"tokens          {tokenCount:N0}");
Console.WriteLine($"entities        {mentions:N0}");
Console.WriteLine($"tokens/s        {tokenCount / times[times.Count / 2]:N0} (median of {passes}; best {tokenCount / times[0]:N0})");
// On a shared machine wall time includes waiting for a core; CPU time is what the tagger itself used.
Console.WriteLine($"tokens/cpu-s    {tokenCount / cpuTimes[cpuTimes.Count / 2]:N0} (median of {passes}; load average {LoadAverage()})");
Console.WriteLine($"peak memory     {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB (working set)");

double Run()
{
    var clock = Stopwatch.StartNew();
    foreach (var a in articles) stage.Run(a);
    return clock.Elapsed.TotalSeconds;
}

// Where the time goes: document preparation, feature keys, weight lookups, decoding.
void Phases()
{
    var docs = articles.Select(EntityTagger.ToDocument).ToList();
    var model = tagger.Model;
    var fx = new NewsGraph.Core.Extractors.Entities.Tagging.FeatureExtractor(model.Lexicon);
    var keys = new ulong[200];
    for (int pass = 0; pass < 3; pass++)
    {
        var clock = Stopwatch.StartNew();
        foreach (var d in docs) fx.Load(d);
        double load = clock.Elapsed.TotalSeconds;
        clock.Restart();
        long count = 0;
        foreach (var d in docs)
        {
            fx.Load(d);
            for (int s = 0; s < d.Sentences.Length; s++)
                for (int t = d.Sentences[s].First; t < d.Sentences[s].End; t++) count += fx.Static(s, t, keys);
        }
        double keysTime = clock.Elapsed.TotalSeconds - load;
        clock.Restart();
        var work = new NewsGraph.Core.Extractors.Entities.Tagging.TaggerWorkspace();
        foreach (var d in docs) model.Tag(d, work);
        double all = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"load {tokenCount / load:N0} tok/s; keys {tokenCount / keysTime:N0} tok/s ({count / (double)tokenCount:0.0} keys/token); full tag {tokenCount / all:N0} tok/s");
    }
}

static string LoadAverage()
{
    try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
    catch (IOException) { return "n/a"; }
    catch (UnauthorizedAccessException) { return "n/a"; }
}
