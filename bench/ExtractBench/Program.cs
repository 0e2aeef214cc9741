using System.Diagnostics;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Readers;

// Throughput of the extract path on one thread: reading and segmenting page dumps, splitting
// sentences and tokenising. Prints articles/s, MB/s of text, and peak memory.
//
//   dotnet run -c Release --project bench/ExtractBench [DIR] [--passes N] [--stages read|segmentation|default] [--per-stage]
//
// --skip a,b removes the named stages from the chosen pipeline (to price a stage: run with and without it).
// --per-stage also prints each stage's share of the time spent in stages and its cost per article.
//
// DIR defaults to ../shared/data/news-corpus/bbc (2,225 BBC articles) when present, else samples/.
// Files are read into memory first so the figure is the engine's, not the disk's.

var argv = args.ToList();
int passes = 5;
string stages = "segmentation";
string? dir = null;
bool perStage = false;
var skip = new List<string>();
for (int i = 0; i < argv.Count; i++)
{
    if (argv[i] == "--passes") passes = int.Parse(argv[++i]);
    else if (argv[i] == "--stages") stages = argv[++i];
    else if (argv[i] == "--per-stage") perStage = true;
    else if (argv[i] == "--skip") skip.AddRange(argv[++i].Split(',', StringSplitOptions.RemoveEmptyEntries));
    else dir = argv[i];
}
var repo = BenchMachine.FindRepoRoot();
dir ??= Directory.Exists(Path.Combine(repo, "..", "shared", "data", "news-corpus", "bbc"))
    ? Path.Combine(repo, "..", "shared", "data", "news-corpus", "bbc")
    : Path.Combine(repo, "samples");
dir = Path.GetFullPath(dir);

var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
    .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).Equals("README.TXT", StringComparison.OrdinalIgnoreCase))
    .OrderBy(f => f, StringComparer.Ordinal)
    .Select(f => (Name: f, Bytes: File.ReadAllBytes(f)))
    .ToList();
long inputBytes = files.Sum(f => (long)f.Bytes.Length);

var builder = stages switch
{
    "read" => new PipelineBuilder(),
    "segmentation" => new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()),
    _ => DefaultPipeline.CreateBuilder(),
};
foreach (var name in skip) builder.Remove(name);
var pipeline = builder.Build();
var reader = ArticleReader.CreateDefault();

Console.Error.WriteLine($"extract bench: {files.Count:N0} files, {inputBytes / 1e6:0.00} MB from {dir}; stages: {string.Join(", ", pipeline.Stages.Select(s => s.Name).DefaultIfEmpty("read only"))}; {passes} passes after a warm-up");

var stageTicks = new long[pipeline.Stages.Count];
var stageBytes = new long[pipeline.Stages.Count]; // allocated by each stage, over every pass like stageTicks
long sentences = 0, events = 0; // over every pass, warm-up included, like stageTicks
Run(1); // warm-up: JIT and tiering
long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
int gen0Before = GC.CollectionCount(0), gen2Before = GC.CollectionCount(2);
var results = new List<(double Seconds, double CpuSeconds, int Articles, long TextChars, long Tokens)>();
for (int p = 0; p < passes; p++) results.Add(Run(p + 2));

long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
var best = results.MinBy(r => r.Seconds);
var median = results.OrderBy(r => r.Seconds).ElementAt(results.Count / 2);
var peak = Process.GetCurrentProcess().PeakWorkingSet64;
Console.WriteLine($"articles        {best.Articles:N0}");
Console.WriteLine($"tokens          {best.Tokens:N0}");
Console.WriteLine($"articles/s      {best.Articles / median.Seconds:N0} (median of {passes}; best {best.Articles / best.Seconds:N0})");
Console.WriteLine($"input MB/s      {inputBytes / 1e6 / median.Seconds:0.0} (best {inputBytes / 1e6 / best.Seconds:0.0})");
// CPU time drifts far less than wall time when other jobs share the cores.
var medianCpu = results.OrderBy(r => r.CpuSeconds).ElementAt(results.Count / 2).CpuSeconds;
Console.WriteLine($"input MB/CPU-s  {inputBytes / 1e6 / medianCpu:0.0} (per second of this thread's own CPU time, median: steadier than wall time on a shared machine)");
Console.WriteLine($"articles/CPU-s  {best.Articles / medianCpu:N0} (input MB/CPU-s to three places: {inputBytes / 1e6 / medianCpu:0.000})");
Console.WriteLine($"text MB/s       {best.TextChars / 1e6 / median.Seconds:0.0} (UTF-16 chars of article text)");
Console.WriteLine($"tokens/s        {best.Tokens / median.Seconds:N0}");
Console.WriteLine($"allocated       {allocated / (double)passes / inputBytes:0.0} bytes per input byte; {GC.CollectionCount(0) - gen0Before} gen0 / {GC.CollectionCount(2) - gen2Before} gen2 collections in {passes} passes");
Console.WriteLine($"peak memory     {peak / 1e6:0} MB (working set, includes the {inputBytes / 1e6:0.0} MB of input held in memory)");
if (perStage)
{
    long total = stageTicks.Sum();
    for (int k = 0; k < pipeline.Stages.Count; k++)
        Console.WriteLine($"stage {pipeline.Stages[k].Name,-12} {100.0 * stageTicks[k] / Math.Max(1, total),5:0.0}% of stage time, {stageTicks[k] / (double)Stopwatch.Frequency / (passes + 1) * 1e6 / Math.Max(1, best.Articles):0.0} µs/article, {sentences / Math.Max(1e-9, stageTicks[k] / (double)Stopwatch.Frequency):N0} sentences/s (wall), {stageBytes[k] / (double)(passes + 1) / Math.Max(1, best.Articles) / 1024:0.0} KB allocated/article");
    if (events > 0) Console.WriteLine($"events          {events / (passes + 1):N0} a pass ({(double)events / Math.Max(1, sentences):0.000} a sentence)");
}

(double, double, int, long, long) Run(int pass)
{
    var cpuBefore = BenchMachine.ThreadCpuSeconds();
    var clock = Stopwatch.StartNew();
    int articles = 0;
    long chars = 0, tokens = 0;
    foreach (var (name, bytes) in files)
    {
        foreach (var result in reader.Read(InputSource.FromBytes(name, bytes)))
        {
            if (result.Article is not { } article) continue;
            if (perStage)
            {
                for (int k = 0; k < pipeline.Stages.Count; k++)
                {
                    long t0 = Stopwatch.GetTimestamp(), b0 = GC.GetAllocatedBytesForCurrentThread();
                    pipeline.Stages[k].Run(article);
                    stageTicks[k] += Stopwatch.GetTimestamp() - t0;
                    stageBytes[k] += GC.GetAllocatedBytesForCurrentThread() - b0;
                }
            }
            else pipeline.Run(article);
            sentences += article.Sentences.Count;
            events += article.Events.Count;
            articles++;
            chars += article.Text.Length;
            tokens += article.Tokens.Count;
        }
    }
    var seconds = clock.Elapsed.TotalSeconds;
    return (seconds, BenchMachine.ThreadCpuSeconds() - cpuBefore, articles, chars, tokens);
}
