using System.Diagnostics;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Evaluation.Quotes;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary>
/// <c>newsgraph eval quotes</c>: quote detection and speaker attribution on the labelled set
/// (eval/quotes: dev, the half the rules were tuned on, and heldout, which they were not), or on
/// any file written in its format.
/// </summary>
public sealed class QuotesEvalCommand : ISubcommand
{
    public string Name => "quotes";
    public string Summary => "quote recall, precision and speaker accuracy on the labelled attribution set";
    public string Help => """
        usage: newsgraph eval quotes [--dir DIR] [--half dev|heldout] [--file FILE]... [--errors]

        Runs the default pipeline on labelled articles and prints, for each half of the set (dev, the
        half the rules were tuned on; heldout, which they were not) and overall: quote recall and
        precision (a found quote matches a gold one when their spans overlap, each at most once),
        speaker accuracy over the quotes found and end to end (gold quotes found with the right
        speaker), the share of quotes found with no speaker, and wrong speakers (a speaker given
        that is not the gold one). The set's format and guidelines are in eval/quotes/README.md.
        dev also scores the shared seed page when ../shared/seeds is there.

          --dir DIR      the set (default: eval/quotes in the repository)
          --half NAME    score only this half (tune on dev without reading heldout's figures)
          --file FILE    score these labelled files (or directories of them) instead of the set
          --errors       list each miss, extra quote and wrong speaker (read the dev half's only)
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["dir", "file", "half"];
    public IReadOnlyCollection<string> Flags => ["errors"];

    public int Run(Arguments args, Terminal terminal)
    {
        var pipeline = DefaultPipeline.Create();
        var halves = new List<(string Name, List<GoldArticle> Articles)>();
        var files = args.Options("file");
        try
        {
            if (files.Count > 0)
            {
                var articles = new List<GoldArticle>();
                foreach (var f in files)
                {
                    if (Directory.Exists(f)) articles.AddRange(ReadDirectory(f, terminal, null));
                    else if (File.Exists(f)) articles.Add(QuoteGold.ReadFile(f));
                    else throw new CommandFailedException($"no such file or directory: {f}");
                }
                halves.Add(("file", articles));
            }
            else
            {
                var dir = args.Option("dir") ?? FindSet() ?? throw new CommandFailedException("no eval/quotes set found here or above; pass --dir DIR");
                if (!Directory.Exists(dir)) throw new CommandFailedException($"no such directory: {dir}");
                var repoRoot = Path.GetFullPath(Path.Combine(dir, "..", ".."));
                var only = args.Option("half");
                if (only is not null && only is not ("dev" or "heldout")) throw new UsageException("--half is dev or heldout");
                foreach (var half in new[] { "dev", "heldout" })
                {
                    if (only is not null && half != only) continue;
                    var path = Path.Combine(dir, half);
                    if (Directory.Exists(path)) halves.Add((half, ReadDirectory(path, terminal, repoRoot)));
                }
                if (halves.Count == 0) throw new CommandFailedException($"{dir} has neither dev/ nor heldout/");
            }
        }
        catch (InvalidDataException e)
        {
            throw new CommandFailedException(e.Message);
        }

        var errors = args.Flag("errors") ? new List<string>() : null;
        var total = new QuoteScore();
        var rows = new List<(string, QuoteScore)>();
        var clock = Stopwatch.StartNew();
        long chars = 0;
        foreach (var (name, articles) in halves)
        {
            var score = new QuoteScore();
            foreach (var gold in articles)
            {
                pipeline.Run(gold.Article);
                chars += gold.Article.Text.Length;
                score.Add(QuoteScorer.Score(gold, gold.Article, errors));
            }
            rows.Add((name, score));
            total.Add(score);
        }
        if (rows.Count > 1) rows.Add(("all", total));

        var o = terminal.Out;
        o.WriteLine($"{"half",-8} {"articles",8} {"gold",5} {"found",5} {"recall",7} {"precis.",7} {"speaker",8} {"end2end",8} {"null",6} {"wrong",6} {"direct-R",8} {"type",6} {"overlap",7}");
        foreach (var (name, s) in rows)
            o.WriteLine($"{name,-8} {s.Articles,8} {s.Gold,5} {s.Found,5} {s.Recall,7:0.000} {s.Precision,7:0.000} {s.SpeakerAccuracy,8:0.000} {s.EndToEnd,8:0.000} {s.NullShare,6:0.000} {s.SpeakerWrong,6} {Ratio(s.MatchedDirect, s.GoldDirect),8:0.000} {Ratio(s.TypeRight, s.TypeCompared),6:0.000} {s.MeanOverlap,7:0.000}");
        o.WriteLine();
        o.WriteLine("recall, precision: quotes found by span overlap; speaker: right speaker among quotes found; end2end: gold quotes");
        o.WriteLine("found with the right speaker; null: share of quotes found with no speaker; wrong: quotes found with a");
        o.WriteLine("speaker that is not the gold one; direct-R: recall of direct quotes; type: speaker type right when the");
        o.WriteLine("speaker is; overlap: mean Jaccard overlap of matched spans.");
        if (errors is not null)
        {
            o.WriteLine();
            foreach (var e in errors) o.WriteLine(e);
        }
        terminal.Message($"{total.Articles} articles, {chars / 1000.0:0} k characters through the default pipeline in {clock.Elapsed.TotalSeconds:0.00}s");
        return 0;
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static List<GoldArticle> ReadDirectory(string dir, Terminal terminal, string? repoRoot)
    {
        var list = new List<GoldArticle>();
        foreach (var file in Directory.EnumerateFiles(dir).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (file.EndsWith(".txt", StringComparison.Ordinal)) list.Add(QuoteGold.ReadFile(file));
            else if (file.EndsWith(".gold.tsv", StringComparison.Ordinal) && repoRoot is not null)
            {
                var (articles, problem, unplaced) = QuoteGold.ReadOffsets(file, repoRoot);
                if (articles is null)
                {
                    terminal.Message($"eval quotes: {Path.GetFileName(file)} skipped: {problem}");
                    continue;
                }
                if (unplaced > 0) terminal.Message($"eval quotes: {Path.GetFileName(file)}: {unplaced} gold quotes could not be placed in the page's articles (counted as missed)");
                list.AddRange(articles);
                if (unplaced > 0) list.Add(new GoldArticle(Path.GetFileName(file) + "#unplaced", new Core.Documents.Article(""), Enumerable.Range(0, unplaced).Select(_ => new GoldQuote(default, true, [], null)).ToList()));
            }
        }
        return list;
    }

    /// <summary>eval/quotes in the current directory or above it, or above the program.</summary>
    private static string? FindSet()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var d = new DirectoryInfo(start);
            while (d is not null)
            {
                var candidate = Path.Combine(d.FullName, "eval", "quotes");
                if (Directory.Exists(candidate)) return candidate;
                d = d.Parent;
            }
        }
        return null;
    }
}
