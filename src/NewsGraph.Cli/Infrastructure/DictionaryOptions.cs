using NewsGraph.Core.Extractors.Events;
using NewsGraph.Core.Extractors.Events.Coding;
using NewsGraph.Core.Extractors.Events.Dictionaries;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Cli.Infrastructure;

/// <summary>
/// <c>--dictionaries DIR</c> on extract and ingest: code events with the user's own CAMEO
/// dictionaries (PETRARCH/TABARI format) instead of the shipped ones.
/// </summary>
public static class DictionaryOptions
{
    public const string HelpLine = "  --dictionaries DIR  code events with these CAMEO dictionaries (PETRARCH format; repeatable)";
    public const string ThreadsHelpLine = "  --threads N    run the pipeline on N threads (default: one per core, up to 8); output keeps the input's order";

    /// <summary><c>--threads N</c>: how many threads run the pipeline.</summary>
    public static int Threads(Arguments args) => args.Int("threads", BatchExtractor.DefaultThreads, 1, 64);

    /// <summary>
    /// Makes default pipelines, their events stage coding with <c>--dictionaries</c> when given
    /// (loaded once, shared by every pipeline made).
    /// </summary>
    public static Func<ArticlePipeline> Pipelines(Arguments args, Terminal terminal)
    {
        var paths = args.Options("dictionaries");
        if (paths.Count == 0) return DefaultPipeline.Create;
        var dictionaries = CodingDictionaries.Load(paths);
        foreach (var p in dictionaries.Problems.Where(p => p.Line == 0)) terminal.Message(p.ToString());
        if (dictionaries.Verbs.FormCount == 0) throw new CommandFailedException("--dictionaries: no verb dictionary found (a file named *verbs* or CAMEO*)", 2);
        int lines = dictionaries.Problems.Count(p => p.Line > 0);
        if (lines > 0) terminal.Message($"dictionaries: {lines} line{(lines == 1 ? "" : "s")} skipped (first: {dictionaries.Problems.First(p => p.Line > 0)})");
        terminal.Message("dictionaries: " + dictionaries.Describe());
        return () => DefaultPipeline.CreateBuilder().Replace("events", new EventStage(new EventCoder(dictionaries, options: EventStage.NewsOptions))).Build();
    }

    /// <summary>One default pipeline, as <see cref="Pipelines"/> makes them.</summary>
    public static ArticlePipeline Pipeline(Arguments args, Terminal terminal) => Pipelines(args, terminal)();
}
