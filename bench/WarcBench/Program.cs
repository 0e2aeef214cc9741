using System.Diagnostics;
using NewsGraph.Core.Readers;
using NewsGraph.Core.Readers.Warc;
using NewsGraph.Testing;

// Record-reading throughput on gzip WARC (Common Crawl's layout: one gzip member per record),
// on one thread: decompression, header parsing and reading each response block into memory,
// which is all the WARC reader does before handing a page to the HTML reader. Prints MB/s of
// compressed input, records/s and peak memory.
//
//   dotnet run -c Release --project bench/WarcBench [FILE.warc.gz] [--pages N] [--passes N] [--wet] [--articles]
//
// Without FILE, writes a synthetic crawl of --pages pages (default 6000, about 70 MB gzip) to
// the temp directory once and reuses it. --wet reads a WET file instead. --articles also runs
// the whole reader (WarcReader through ArticleReader, default readers) and counts articles.

var argv = args.ToList();
int pages = 6000, passes = 3;
bool wet = false, articles = false;
string? file = null;
bool generated = false;
for (int i = 0; i < argv.Count; i++)
{
    switch (argv[i])
    {
        case "--pages": pages = int.Parse(argv[++i]); break;
        case "--passes": passes = int.Parse(argv[++i]); break;
        case "--wet": wet = true; break;
        case "--articles": articles = true; break;
        default: file = argv[i]; break;
    }
}
if (file is null)
{
    file = Path.Combine(Path.GetTempPath(), $"newsgraph-bench-{(wet ? "wet" : "warc")}-{pages}.warc.gz");
    if (!File.Exists(file))
    {
        var clock = Stopwatch.StartNew();
        Console.Error.WriteLine($"writing a synthetic crawl of {pages:N0} pages to {file} ...");
        var tmp = file + ".part";
        using (var output = new FileStream(tmp, FileMode.Create))
        {
            var crawl = new SyntheticCrawl(2024);
            if (wet) crawl.WriteWet(output, pages, gzip: true);
            else crawl.WriteWarc(output, pages, gzip: true);
        }
        File.Move(tmp, file, overwrite: true);
        generated = true;
        Console.Error.WriteLine($"  written in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
long compressed = new FileInfo(file).Length;
Console.Error.WriteLine($"warc bench: {file}, {compressed / 1e6:0.0} MB compressed; {passes} passes after a warm-up");

Read(); // warm-up: JIT and tiering, and the file into the page cache
Inflate();
var runs = new List<(double Seconds, double Cpu, long Records, long Uncompressed, long BlockBytes)>();
var inflateOnly = new List<(double Seconds, double Cpu)>();
for (int p = 0; p < passes; p++)
{
    // Alternate the two so that a noisy neighbour slows both alike.
    runs.Add(Read());
    inflateOnly.Add(Inflate());
}
var best = runs.MinBy(r => r.Seconds);
var median = runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
var medianCpu = runs.OrderBy(r => r.Cpu).ElementAt(runs.Count / 2).Cpu;
var inflateMedian = inflateOnly.OrderBy(r => r.Seconds).ElementAt(inflateOnly.Count / 2).Seconds;
Console.WriteLine($"records           {best.Records:N0}");
Console.WriteLine($"uncompressed      {best.Uncompressed / 1e6:0.0} MB ({(double)best.Uncompressed / compressed:0.0}x the compressed size)");
Console.WriteLine($"compressed MB/s   {compressed / 1e6 / median.Seconds:0.0} wall clock (median of {passes}; best {compressed / 1e6 / best.Seconds:0.0})");
Console.WriteLine($"compressed MB/s   {compressed / 1e6 / medianCpu:0.0} per CPU second (what one core does when the machine is shared)");
Console.WriteLine($"uncompressed MB/s {best.Uncompressed / 1e6 / median.Seconds:0.0}");
Console.WriteLine($"records/s         {best.Records / median.Seconds:N0}");
Console.WriteLine($"inflate alone     {compressed / 1e6 / inflateMedian:0.0} compressed MB/s (gzip decompression with no record parsing; reading records costs {median.Seconds / inflateMedian:0.00}x that)");

if (articles)
{
    var clock = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    int count = 0, problems = 0;
    foreach (var result in ArticleReader.CreateDefault().Read(InputSource.FromFile(file)))
        if (result.Article is not null) count++; else problems++;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine($"whole reader      {count:N0} articles, {problems:N0} problems: {compressed / 1e6 / clock.Elapsed.TotalSeconds:0.0} compressed MB/s wall, " +
                      $"{compressed / 1e6 / cpuSeconds:0.0} per CPU second, {count / cpuSeconds:N0} articles per CPU second (default readers of this build, HTML reader included)");
}
Console.WriteLine($"peak memory       {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB (working set{(generated ? ", including writing the file in this run: run again for reading alone" : "")})");

(double, double) Inflate()
{
    var clock = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    using var input = FormatDetector.Sniff(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
    var buffer = new byte[1 << 18];
    while (input.Stream.Read(buffer, 0, buffer.Length) > 0) { }
    return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

(double, double, long, long, long) Read()
{
    var clock = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    using var input = FormatDetector.Sniff(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
    using var reader = new WarcRecordReader(input.Stream);
    long records = 0, blockBytes = 0;
    while (reader.TryNext(out var header))
    {
        records++;
        // What WarcReader does: load the blocks that may hold articles, skip the rest.
        if (header.Type is "response" or "resource" or "conversion" && reader.ReadBlock(WarcReader.MaxRecordBytes, out var block) == WarcBlockStatus.Read)
            blockBytes += block.Length;
    }
    if (reader.Damage.Count > 0) throw new InvalidDataException(string.Join("; ", reader.Damage.Select(d => d.Reason)));
    return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, records, reader.Position, blockBytes);
}
