using System.Diagnostics;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Entities.Identity;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Knowledge;
using NewsGraph.Storage.Sqlite;

// Cost of the stages after the tagger (roles, coreference) and of storing entities with
// cross-article matching, on one thread. The mentions are placed by a crude stand-in for the
// tagger (runs of capitalised words, typed by the knowledge tables), so that this measures the
// entity stages alone whatever the tagger is; it tags more junk than a tagger would, which
// makes the figures pessimistic.
//
//   dotnet run -c Release --project bench/EntityBench [DIR] [--passes N]
//
// DIR defaults to ../shared/data/news-corpus/bbc (2,225 BBC articles).

var argv = args.ToList();
int passes = 5;
string? dir = null;
for (int i = 0; i < argv.Count; i++)
{
    if (argv[i] == "--passes") passes = int.Parse(argv[++i]);
    else dir = argv[i];
}
var repo = BenchMachine.FindRepoRoot();
dir = Path.GetFullPath(dir ?? Path.Combine(repo, "..", "shared", "data", "news-corpus", "bbc"));
if (!Directory.Exists(dir))
{
    Console.Error.WriteLine($"entity bench: no corpus at {dir}; pass a folder of text files");
    return 1;
}

var knowledge = WorldKnowledge.Shared;
var texts = Directory.EnumerateFiles(dir, "*.txt", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal)
    .Select(File.ReadAllText).ToList();
long chars = texts.Sum(t => (long)t.Length);
Console.Error.WriteLine($"entity bench: {texts.Count:N0} articles, {chars / 1e6:0.00} M chars from {dir}; {passes} passes after a warm-up");

List<Article> Tagged()
{
    var list = new List<Article>(texts.Count);
    foreach (var text in texts)
    {
        var a = new Article(text, text.Split('\n', 2)[0]);
        new SentenceStage().Run(a);
        new TokenStage().Run(a);
        PlaceMentions(a, knowledge);
        list.Add(a);
    }
    return list;
}

var roles = new RoleStage();
var coreference = new CoreferenceStage();
var warm = Tagged();
foreach (var a in warm) { roles.Run(a); coreference.Run(a); }
int mentions = warm.Sum(a => a.Entities.Count);

var roleCpu = new List<double>();
var corefCpu = new List<double>();
long allocated = 0;
for (int p = 0; p < passes; p++)
{
    var batch = Tagged();
    long before = GC.GetTotalAllocatedBytes(precise: true);
    var c0 = BenchMachine.ThreadCpuSeconds();
    foreach (var a in batch) roles.Run(a);
    var c1 = BenchMachine.ThreadCpuSeconds();
    foreach (var a in batch) coreference.Run(a);
    var c2 = BenchMachine.ThreadCpuSeconds();
    allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
    roleCpu.Add(c1 - c0);
    corefCpu.Add(c2 - c1);
}
double Median(List<double> xs) => xs.OrderBy(x => x).ElementAt(xs.Count / 2);
double roleS = Median(roleCpu), corefS = Median(corefCpu);
Console.WriteLine($"articles          {texts.Count:N0} ({mentions:N0} mentions placed, {mentions / (double)texts.Count:0.0} per article)");
Console.WriteLine($"roles             {roleS * 1e6 / texts.Count:0} µs/article, {roleS * 1e6 / mentions:0.0} µs/mention (thread CPU, median of {passes})");
Console.WriteLine($"coreference       {corefS * 1e6 / texts.Count:0} µs/article, {corefS * 1e6 / mentions:0.0} µs/mention");
Console.WriteLine($"both              {chars / 1e6 / (roleS + corefS):0.0} M chars of text per CPU-second");
Console.WriteLine($"allocated         {allocated / (double)passes / mentions:0} bytes per mention");

// Storing: the same articles with and without their entities, so the difference is the entity tables' cost.
double Store(bool withEntities)
{
    var path = Path.Combine(Path.GetTempPath(), $"entity-bench-{Guid.NewGuid():N}.db");
    try
    {
        var batch = Tagged();
        foreach (var a in batch)
        {
            if (withEntities) { roles.Run(a); coreference.Run(a); }
            else a.Entities.Clear();
        }
        var c0 = BenchMachine.ThreadCpuSeconds();
        using (var store = SqliteArticleStore.Open(path))
            foreach (var chunk in batch.Chunk(200)) store.Add(chunk);
        return BenchMachine.ThreadCpuSeconds() - c0;
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
    }
}
var plain = Store(false);
var full = Store(true);
Console.WriteLine($"store             {plain * 1e3 / texts.Count:0.00} ms/article without entities, {full * 1e3 / texts.Count:0.00} ms/article with (thread CPU; the rest is SQLite's own I/O)");
return 0;

// Runs of capitalised words (with "of", "for", "and", "the" inside them), typed by what the knowledge tables know.
static void PlaceMentions(Article a, WorldKnowledge k)
{
    var toks = a.Tokens;
    var text = a.Text;
    for (int i = 0; i < toks.Count; i++)
    {
        if (toks[i].Kind != TokenKind.Word || !char.IsUpper(text[toks[i].Start])) continue;
        int j = i;
        while (j + 1 < toks.Count && toks[j + 1].Start - toks[j].End <= 1 && char.IsUpper(text[toks[j + 1].Start])) j++;
        var key = NameKey.Of(text.AsSpan(toks[i].Start, toks[j].End - toks[i].Start));
        var type = k.CountryByName(key) is not null || k.Place(key) is not null ? "GPE"
            : k.CountryByDemonym(key) is not null ? "NORP"
            : k.Organisation(key) is not null || k.Institution(key) is not null ? "ORG" : "PERSON";
        a.Entities.Add(new EntityMention(new Span(toks[i].Start, toks[j].End), type));
        i = j;
    }
}
