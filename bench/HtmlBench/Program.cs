using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using NewsGraph.Core.Evaluation;
using NewsGraph.Core.Readers;

// Throughput of the HTML reader (decode, parse, find the article, metadata) on one thread, and
// Readability.js (jsdom + @mozilla/readability, bench/ReadabilityJs) on the same pages in the
// same run, reported as a ratio: the machine is shared, so only a side-by-side figure means much.
//
//   dotnet run -c Release --project bench/HtmlBench [DIR] [--passes N] [--readability-passes N] [--no-readability]
//
// DIR defaults to ../shared/data/article-extraction/html (181 news pages). When ground-truth.json
// sits beside DIR, both extractors are also scored with the benchmark's shingle F1.
// Set up Readability.js once with: (cd bench/ReadabilityJs && npm install)

var argv = args.ToList();
int passes = 5, readabilityPasses = 1;
bool readability = true;
string? dir = null;
for (int i = 0; i < argv.Count; i++)
{
    if (argv[i] == "--passes") passes = int.Parse(argv[++i]);
    else if (argv[i] == "--readability-passes") readabilityPasses = int.Parse(argv[++i]);
    else if (argv[i] == "--no-readability") readability = false;
    else dir = argv[i];
}
var repo = BenchMachine.FindRepoRoot();
dir = Path.GetFullPath(dir ?? Path.Combine(repo, "..", "shared", "data", "article-extraction", "html"));
if (!Directory.Exists(dir)) { Console.Error.WriteLine($"html bench: {dir}: no such directory"); return 2; }

var pages = Directory.EnumerateFiles(dir)
    .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
    .Order(StringComparer.Ordinal)
    .Select(f => (Id: Path.GetFileName(f).Split('.')[0], Path: f, Bytes: File.ReadAllBytes(f)))
    .ToList();
long htmlBytes = pages.Sum(p => p.Path.EndsWith(".gz") ? Gunzipped(p.Bytes) : p.Bytes.Length);
var truthPath = Path.Combine(Path.GetDirectoryName(dir)!, "ground-truth.json");
var truth = File.Exists(truthPath) ? LoadBodies(truthPath) : null;
Console.Error.WriteLine($"html bench: {pages.Count} pages, {htmlBytes / 1e6:0.0} MB of HTML from {dir}; {passes} passes after a warm-up");

var reader = ArticleReader.CreateDefault();
var predictions = new Dictionary<string, string>();
Run(); // warm-up: JIT and tiering
var runs = Enumerable.Range(0, passes).Select(_ => Run()).ToList();
var median = runs.OrderBy(r => r.Wall).ElementAt(runs.Count / 2);
var best = runs.MinBy(r => r.Wall);
var bestCpu = runs.Min(r => r.Cpu);
var peak = Process.GetCurrentProcess().PeakWorkingSet64;

Console.WriteLine($"newsgraph html  pages/s {pages.Count / median.Wall,7:0.0} (median of {passes}; best {pages.Count / best.Wall:0.0})   " +
                  $"MB/s {htmlBytes / 1e6 / median.Wall,5:0.0}   pages per CPU second {pages.Count / bestCpu:0.0}");
Console.WriteLine($"peak memory     {peak / 1e6:0} MB (working set, includes the pages held in memory)");
double? oursF1 = truth is null ? null : F1(truth, predictions);
if (oursF1 is { } f) Console.WriteLine($"newsgraph F1    {f:0.000}");

if (!readability) return 0;
var script = Path.Combine(repo, "bench", "ReadabilityJs", "extract.mjs");
if (!Directory.Exists(Path.Combine(repo, "bench", "ReadabilityJs", "node_modules")))
{
    Console.WriteLine("readability.js  not installed: run (cd bench/ReadabilityJs && npm install) for the side-by-side figures");
    return 0;
}
var outFile = Path.Combine(Path.GetTempPath(), $"newsgraph-readability-{Environment.ProcessId}.json");
var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false };
foreach (var a in new[] { script, dir, "--passes", readabilityPasses.ToString(), "--out", outFile }) info.ArgumentList.Add(a);
Console.Error.WriteLine($"html bench: running Readability.js on the same pages ({readabilityPasses} pass(es); it takes a while)");
using var node = Process.Start(info)!;
var line = node.StandardOutput.ReadToEnd();
node.WaitForExit();
if (node.ExitCode != 0) { Console.WriteLine($"readability.js  failed (exit {node.ExitCode})"); return 1; }
using var stats = JsonDocument.Parse(line);
double jsWall = stats.RootElement.GetProperty("wallSeconds").GetDouble(), jsCpu = stats.RootElement.GetProperty("cpuSeconds").GetDouble();
Console.WriteLine($"readability.js  pages/s {pages.Count / jsWall,7:0.0} (best of {readabilityPasses})            " +
                  $"MB/s {htmlBytes / 1e6 / jsWall,5:0.0}   pages per CPU second {pages.Count / jsCpu:0.0}");
if (truth is not null)
{
    var js = LoadBodies(outFile);
    Console.WriteLine($"readability.js  F1 {F1(truth, js):0.000}");
}
File.Delete(outFile);
// CPU time is the figure to quote: on a shared machine the wall clock also measures the neighbours.
Console.WriteLine($"ratio           newsgraph is {jsCpu / bestCpu:0.0}x Readability.js by CPU time, {jsWall / median.Wall:0.0}x by wall clock (our median pass, its best)");
return 0;

(double Wall, double Cpu) Run()
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    foreach (var (id, path, bytes) in pages)
    {
        var source = new InputSource(path, () => new MemoryStream(bytes, writable: false), bytes.Length);
        string text = "";
        foreach (var result in reader.Read(source))
            if (result.Article is { } article) text = article.Text;
        predictions[id] = text;
    }
    return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

static long Gunzipped(byte[] bytes)
{
    using var z = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
    long n = 0;
    var buffer = new byte[1 << 16];
    int r;
    while ((r = z.Read(buffer)) > 0) n += r;
    return n;
}

static double F1(Dictionary<string, string> truth, Dictionary<string, string> predicted) =>
    BodyScores.Of(truth.Select(kv => ArticleBodyScore.Compare(kv.Value, predicted.GetValueOrDefault(kv.Key, ""))).ToList()).F1;

static Dictionary<string, string> LoadBodies(string path)
{
    using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
    var root = doc.RootElement.TryGetProperty("output", out var o) ? o : doc.RootElement;
    return root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "");
}
