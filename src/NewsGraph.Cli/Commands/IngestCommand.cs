using System.Diagnostics;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Readers;

namespace NewsGraph.Cli.Commands;

public sealed class IngestCommand : ICommand
{
    public string Name => "ingest";
    public string Summary => "read news files and store their articles in the database";
    public string Help => $"""
        usage: newsgraph ingest PATH... | -  [--db FILE] [--batch N] [--dictionaries DIR] [--threads N]

        Reads like 'extract' and stores each article once: ingesting the same content again adds
        nothing. Articles are committed in batches; an interrupted run (Ctrl-C, a kill, a crash)
        keeps every committed batch, and the next run stores the rest without duplicates.

        {StoreOptions.HelpLine}
          --batch N      articles per transaction (default 200)
        {DictionaryOptions.HelpLine}
        {DictionaryOptions.ThreadsHelpLine}
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["db", "batch", "dictionaries", "threads"];
    public IReadOnlyCollection<string> Flags => [];

    public int Run(Arguments args, Terminal terminal)
    {
        if (args.Positionals.Count == 0) throw new UsageException("ingest needs at least one PATH, or - for standard input");
        int batchSize = args.Int("batch", 200, 1, 100_000);
        using var store = StoreOptions.Open(args, readOnly: false);
        long before = store.Count();

        var pending = new List<Article>(batchSize);
        var sinceCommit = Stopwatch.StartNew();
        int added = 0;
        bool cancelled = false;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Finish the batch in hand and stop, instead of dying mid-transaction.
            e.Cancel = true;
            cancelled = true;
        };
        Console.CancelKeyPress += onCancel;
        void Commit()
        {
            added += store.Add(pending);
            pending.Clear();
            sinceCommit.Restart();
        }

        BatchSummary summary;
        try
        {
            var batch = new BatchExtractor(ArticleReader.CreateDefault(), DictionaryOptions.Pipelines(args, terminal), terminal, DictionaryOptions.Threads(args));
            summary = batch.Run(args.Positionals, article =>
            {
                if (cancelled) throw new OperationCanceledException();
                pending.Add(article);
                if (pending.Count >= batchSize || sinceCommit.ElapsedMilliseconds > 2000) Commit();
            }, () => $"{added + pending.Count:N0} new");
            Commit();
        }
        catch (OperationCanceledException)
        {
            Commit();
            terminal.ClearProgress();
            terminal.Message($"interrupted: {added:N0} new articles stored; run the same command again to store the rest");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        terminal.Message(summary.Describe("read") + $"; stored {added:N0} new, {summary.Articles - added:N0} already stored; " +
                         $"{before + added:N0} articles in {StoreOptions.Path(args)}");
        return summary.ExitCode;
    }
}
