using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Evaluation;
using NewsGraph.Core.Readers;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary>
/// <c>newsgraph eval content</c>: article-body extraction from HTML pages, scored with the
/// article-extraction benchmark's shingle metric, on the whole set and on two halves split by
/// id hash (so a rule that helps only the pages it was written for shows up as a gap).
/// </summary>
public sealed class ContentEvalCommand : ISubcommand
{
    public string Name => "content";
    public string Summary => "HTML main-content extraction against a benchmark's article bodies (shingle P/R/F1)";
    public string Help => """
        usage: newsgraph eval content --html-dir DIR --truth FILE [--out PRED.json] [--worst N] [--passes N]
               newsgraph eval content --truth FILE --score OUTPUT.json [--score ...]

        Extracts the article body from every DIR/ID.html(.gz) page and scores it against FILE
        (the benchmark's ground-truth.json: {"ID": {"articleBody": ..., "url": ...}}). Prints
        precision, recall and F1 (means over pages of 4-token shingle overlap), accuracy (pages
        extracted word for word) and pages/s on one thread, for the whole set and for the two
        halves A and B (split by a hash of the page id), beside the published figures of other
        extractors.

          --out FILE     write our predictions in the benchmark's shape ({"ID": {"articleBody": ...}})
          --score FILE   score an existing output file instead (checks the metric on published outputs)
          --worst N      list the N pages with the lowest F1, with their precision and recall
          --passes N     extract N times and report the best pages/s (default 3: the first pays for JIT)
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["html-dir", "truth", "out", "score", "worst", "passes"];
    public IReadOnlyCollection<string> Flags => [];

    /// <summary>Figures published by the benchmark's maintainers and system authors: (F1, precision, recall).</summary>
    private static readonly (string System, double F1, double P, double R)[] Published =
    [
        ("rs_trafilatura", 0.970, 0.951, 0.990),
        ("trafilatura 2.0.0", 0.958, 0.938, 0.978),
        ("newspaper4k", 0.949, 0.964, 0.934),
        ("Readability.js", 0.947, 0.914, 0.982),
    ];

    public int Run(Arguments args, Terminal terminal)
    {
        var truthPath = args.Option("truth") ?? throw new UsageException("--truth FILE is required (the benchmark's ground-truth.json)");
        var truth = LoadBodies(truthPath);
        var scoreFiles = args.Options("score");
        if (scoreFiles.Count > 0)
        {
            foreach (var file in scoreFiles)
            {
                var predicted = LoadBodies(file);
                var overlaps = Score(truth, predicted);
                terminal.Out.WriteLine($"{Path.GetFileName(file)}: {truth.Count} pages, {truth.Keys.Count(k => !predicted.ContainsKey(k))} missing");
                PrintTable(terminal, overlaps, truth.Keys.ToList(), null);
            }
            return 0;
        }

        var dir = args.Option("html-dir") ?? throw new UsageException("--html-dir DIR is required (the benchmark's html/ folder)");
        if (!Directory.Exists(dir)) throw new CommandFailedException($"{dir}: no such directory");
        int passes = args.Int("passes", 3, 1, 100);
        int worst = args.Int("worst", 0, 0, 10_000);

        // Pages are read into memory first so pages/s measures the extractor, not the disk.
        var pages = new List<(string Id, string Path, byte[] Bytes)>();
        foreach (var id in truth.Keys.Order(StringComparer.Ordinal))
        {
            var path = new[] { ".html.gz", ".html", ".htm" }.Select(ext => Path.Combine(dir, id + ext)).FirstOrDefault(File.Exists);
            if (path is null) { terminal.Message($"warning: {id}: no page in {dir}; scored as empty"); continue; }
            pages.Add((id, path, File.ReadAllBytes(path)));
        }

        var reader = ArticleReader.CreateDefault();
        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        double bestSeconds = double.MaxValue, bestCpu = double.MaxValue;
        int problems = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            int done = 0;
            foreach (var (id, path, bytes) in pages)
            {
                var source = new InputSource(path, () => new MemoryStream(bytes, writable: false), bytes.Length) { Url = truth[id].Url };
                string text = "";
                foreach (var result in reader.Read(source))
                {
                    if (result.Article is { } article) text = article.Text;
                    else if (pass == 0 && result.Problem is { IsFatal: true } problem) { problems++; terminal.Message(problem.ToString()); }
                }
                predictions[id] = text;
                done++;
                terminal.Progress(() => $"{Terminal.Bar(done / (double)pages.Count)} {done}/{pages.Count} pages");
            }
            terminal.ClearProgress();
            bestSeconds = Math.Min(bestSeconds, clock.Elapsed.TotalSeconds);
            // CPU time too: on a shared machine the wall clock measures the neighbours as well.
            bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        }

        var scores = Score(truth, predictions);
        long bytesTotal = pages.Sum(p => (long)p.Bytes.Length);
        terminal.Out.WriteLine($"content extraction: {pages.Count} pages from {dir}; {problems} without article text");
        PrintTable(terminal, scores, truth.Keys.ToList(), (pages.Count / bestSeconds, bestSeconds, pages.Count / bestCpu, bytesTotal));
        // Other systems' outputs shipped with the benchmark, scored here per half as well.
        var published = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(truthPath))!, "published-outputs");
        if (Directory.Exists(published))
        {
            terminal.Out.WriteLine($"scored here from {published} (F1 all / half A / half B):");
            foreach (var file in Directory.GetFiles(published, "*.json").Order(StringComparer.Ordinal))
            {
                var theirs = Score(truth, LoadBodies(file));
                double Half(char h) => BodyScores.Of(theirs.Where(kv => HalfOf(kv.Key) == h).Select(kv => kv.Value).ToList()).F1;
                terminal.Out.WriteLine($"  {Path.GetFileNameWithoutExtension(file),-20} {BodyScores.Of(theirs.Values.ToList()).F1:0.000} / {Half('A'):0.000} / {Half('B'):0.000}");
            }
        }
        if (worst > 0)
        {
            terminal.Out.WriteLine();
            terminal.Out.WriteLine($"worst {worst} pages (F1, precision, recall, half, id, url):");
            foreach (var (id, o) in scores.OrderBy(kv => F1(kv.Value)).Take(worst))
                terminal.Out.WriteLine($"  {F1(o):0.000}  P {o.Precision:0.000}  R {o.Recall:0.000}  {HalfOf(id)}  {id[..Math.Min(12, id.Length)]}  {truth[id].Url}");
        }

        if (args.Option("out") is { } outPath)
        {
            using var stream = File.Create(outPath);
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            w.WriteStartObject();
            foreach (var (id, text) in predictions.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(id);
                w.WriteString("articleBody", text);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            terminal.Message($"wrote {predictions.Count} predictions to {outPath}");
        }
        return 0;
    }

    private static double F1(ShingleOverlap o) => o.Precision + o.Recall == 0 ? 0 : 2 * o.Precision * o.Recall / (o.Precision + o.Recall);

    private static Dictionary<string, ShingleOverlap> Score(Dictionary<string, (string Body, string? Url)> truth, IReadOnlyDictionary<string, string> predicted) =>
        truth.ToDictionary(kv => kv.Key, kv => ArticleBodyScore.Compare(kv.Value.Body, predicted.GetValueOrDefault(kv.Key, "")), StringComparer.Ordinal);

    private static Dictionary<string, ShingleOverlap> Score(Dictionary<string, (string Body, string? Url)> truth, Dictionary<string, (string Body, string? Url)> predicted) =>
        Score(truth, predicted.ToDictionary(kv => kv.Key, kv => kv.Value.Body, StringComparer.Ordinal));

    /// <summary>Which half a page is in, from a hash of its id: independent of the page's content and of file order.</summary>
    internal static char HalfOf(string id) => (SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] & 1) == 0 ? 'A' : 'B';

    private static void PrintTable(Terminal terminal, Dictionary<string, ShingleOverlap> scores, List<string> ids, (double PagesPerSecond, double Seconds, double PagesPerCpuSecond, long Bytes)? speed)
    {
        var all = BodyScores.Of(scores.Values.ToList());
        var a = BodyScores.Of(ids.Where(id => HalfOf(id) == 'A').Select(id => scores[id]).ToList());
        var b = BodyScores.Of(ids.Where(id => HalfOf(id) == 'B').Select(id => scores[id]).ToList());
        var o = terminal.Out;
        o.WriteLine($"{"",-22} {"pages",5} {"F1",6} {"prec.",6} {"recall",6} {"acc.",6}");
        o.WriteLine(Row(speed is null ? "scored" : "newsgraph (all)", all));
        o.WriteLine(Row("  half A", a));
        o.WriteLine(Row("  half B", b));
        if (speed is { } s)
            o.WriteLine($"speed: {s.PagesPerSecond:0.0} pages/s wall clock on one thread ({s.Seconds:0.00} s), {s.PagesPerCpuSecond:0.0} pages/s per CPU second; " +
                        "gunzip + decode + parse + extract");
        o.WriteLine("published (F1 / precision / recall, benchmark README):");
        foreach (var (system, f1, p, r) in Published) o.WriteLine($"  {system,-20} {"",5} {f1,6:0.000} {p,6:0.000} {r,6:0.000}");

        static string Row(string name, BodyScores s) => $"{name,-22} {s.Pages,5} {s.F1,6:0.000} {s.Precision,6:0.000} {s.Recall,6:0.000} {s.Accuracy,6:0.000}";
    }

    /// <summary>Reads {"ID": {"articleBody": ..., "url": ...}}, optionally wrapped as {"output": {...}}.</summary>
    private static Dictionary<string, (string Body, string? Url)> LoadBodies(string path)
    {
        if (!File.Exists(path)) throw new CommandFailedException($"{path}: no such file");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new CommandFailedException($"{path}: not JSON ({e.Message})"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Object) root = output;
            if (root.ValueKind != JsonValueKind.Object) throw new CommandFailedException($"{path}: expected an object of pages");
            var result = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
            foreach (var page in root.EnumerateObject())
            {
                if (page.Value.ValueKind != JsonValueKind.Object) continue;
                string body = page.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : "";
                string? url = page.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
                result[page.Name] = (body, url);
            }
            return result;
        }
    }
}
