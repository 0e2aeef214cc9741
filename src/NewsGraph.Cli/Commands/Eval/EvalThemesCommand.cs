using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Extractors.Themes;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Cli.Commands.Eval;

/// <summary><c>newsgraph eval themes --bbc DIR</c>: a sanity figure for the themes stage on the BBC topic labels.</summary>
public sealed class EvalThemesCommand : ISubcommand
{
    public string Name => "themes";
    public string Summary => "themes against the BBC News topic labels (a sanity check, not a tuned score)";
    public string Help => """
        usage: newsgraph eval themes --bbc DIR

        Runs the pipeline on every DIR/<label>/*.txt (the BBC News corpus: business, entertainment,
        politics, sport, tech), maps our themes to those labels (ECONOMY, BUSINESS, TRADE, ENERGY ->
        business; ENTERTAINMENT -> entertainment; GOVERNMENT, ELECTIONS, DIPLOMACY -> politics;
        SPORT -> sport; TECHNOLOGY, CYBER -> tech; others -> none) and prints how often the
        best-scoring mapped theme is the article's label, per label and overall.

          --bbc DIR      the corpus root (e.g. ../shared/data/news-corpus/bbc)
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["bbc"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments args, Terminal terminal)
    {
        var root = args.Option("bbc") ?? throw new UsageException("eval themes needs --bbc DIR");
        if (!Directory.Exists(root)) throw new CommandFailedException($"no corpus directory at {root}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tallies = TopicLabelEvaluation.Run(root, TopicLabelEvaluation.BbcLabels, DefaultPipeline.Create(),
            done => terminal.Progress(() => $"{done:N0} articles"));
        terminal.ClearProgress();
        if (tallies.Count == 0) throw new CommandFailedException($"no <label>/*.txt files under {root}");

        var o = terminal.Out;
        o.WriteLine($"{"label",-14} {"articles",8} {"matched",8} {"accuracy",9} {"no theme",9}  best mapped theme pointed instead to");
        foreach (var t in tallies)
        {
            var confusions = string.Join(", ", t.Confusions.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value}"));
            o.WriteLine($"{t.Label,-14} {t.Articles,8} {t.Matched,8} {t.Accuracy,9:P1} {t.NoMappedTheme,9}  {confusions}");
        }
        int articles = tallies.Sum(t => t.Articles), matched = tallies.Sum(t => t.Matched), none = tallies.Sum(t => t.NoMappedTheme);
        o.WriteLine($"{"overall",-14} {articles,8} {matched,8} {(articles == 0 ? 0 : (double)matched / articles),9:P1} {none,9}");
        terminal.Message($"themes eval: {articles:N0} articles in {clock.Elapsed.TotalSeconds:0.0} s; a sanity check, not a tuned score");
        return 0;
    }
}
