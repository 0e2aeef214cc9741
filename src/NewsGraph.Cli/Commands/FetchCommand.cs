using System.Diagnostics;
using NewsGraph.Cli.Infrastructure;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Readers;
using NewsGraph.Fetching;
using NewsGraph.Storage.Sqlite;

namespace NewsGraph.Cli.Commands;

public sealed class FetchCommand : ICommand
{
    public string Name => "fetch";
    public string Summary => "fetch feeds (and the pages they link) over HTTP and store their articles";
    public string Help => $"""
        usage: newsgraph fetch URL... [--db FILE] [--every 15m] [--delay 2s] [--timeout 20s]
                                      [--max-bytes 10MB] [--retries 2] [--pages | --no-pages]

        Fetches each URL over HTTP(S) — an RSS, RDF or Atom feed, or a page — and stores its articles
        as 'ingest' does: each once, however often it is fetched. For a feed item without its full
        text, the page it links is fetched once and read as HTML. Requests are conditional: the
        ETag and Last-Modified of each URL are kept in the database, and a feed that has not changed
        costs one 304. One request at a time per host, with --delay between them; server errors and
        timeouts are retried with doubling waits, other 4xx are not. A URL that fails is named on
        stderr and the run goes on.

        {StoreOptions.HelpLine}
          --every D      poll again every D (15m, 1h, 90s) until Ctrl-C, with a summary per round
          --delay D      the least time between two requests to one host (default 2s)
          --timeout D    the longest one request may take, body included (default 20s)
          --max-bytes N  refuse a response larger than N, after decompression (default 10MB)
          --retries N    further attempts after a 5xx, a 429 or a timeout (default 2)
          --pages        fetch the pages of items that have no full text in the feed (default)
          --no-pages     store only what the feeds themselves hold
        """;
    public IReadOnlyCollection<string> ValuedOptions => ["db", "every", "delay", "timeout", "max-bytes", "retries"];
    public IReadOnlyCollection<string> Flags => ["pages", "no-pages"];

    public int Run(Arguments args, Terminal terminal)
    {
        if (args.Positionals.Count == 0) throw new UsageException("fetch needs at least one URL of a feed or a page");
        foreach (var url in args.Positionals)
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new UsageException($"'{url}' is not an http(s) address");
        if (args.Flag("pages") && args.Flag("no-pages")) throw new UsageException("--pages and --no-pages contradict each other");
        var every = Quantities.Duration(args, "every", null, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        var options = new FetchOptions
        {
            Delay = Quantities.Duration(args, "delay", TimeSpan.FromSeconds(2), TimeSpan.Zero, TimeSpan.FromHours(1))!.Value,
            Timeout = Quantities.Duration(args, "timeout", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1))!.Value,
            MaxBytes = Quantities.Size(args, "max-bytes", 10L << 20, 1024, 1L << 30),
            Retries = args.Int("retries", 2, 0, 10),
        };
        var urls = args.Positionals.Distinct(StringComparer.Ordinal).ToList();

        using var store = StoreOptions.Open(args, readOnly: false);
        var fetchState = new StoredFetchState(new FetchStateStore(store.Connection));
        using var fetcher = new PoliteFetcher(options);
        var poller = new FeedPoller(fetcher, ArticleReader.CreateDefault(), fetchState, fetchPages: !args.Flag("no-pages"));
        var pipeline = DefaultPipeline.Create();

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Finish what is in hand and store it, instead of dying mid-transaction.
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        int totalNew = 0;
        var pending = new List<Article>();
        try
        {
            for (int number = 1; ; number++)
            {
                var round = new PollRound { Number = number };
                var clock = Stopwatch.StartNew();
                int added = 0;
                poller.Progress = line => terminal.Progress(() => $"{line} — {round.Articles:N0} articles");
                try
                {
                    foreach (var result in poller.Poll(urls, round, stop.Token))
                    {
                        if (result.Problem is { } problem)
                        {
                            terminal.Message((problem.IsFatal ? "" : "warning: ") + problem);
                            continue;
                        }
                        var article = result.Article!;
                        pipeline.Run(article);
                        pending.Add(article);
                        if (pending.Count >= 50) added += Commit(store, pending);
                    }
                    added += Commit(store, pending);
                }
                catch (OperationCanceledException)
                {
                    added += Commit(store, pending);
                    terminal.ClearProgress();
                    terminal.Message(Describe(round, added, clock.Elapsed, store.Count(), StoreOptions.Path(args)) + " (interrupted)");
                    return 130;
                }
                totalNew += added;
                terminal.ClearProgress();
                terminal.Message(Describe(round, added, clock.Elapsed, store.Count(), StoreOptions.Path(args)));
                if (every is null)
                    return round.Read == 0 && round.NotModified == 0 ? 1 : 0;

                var next = DateTime.Now + every.Value;
                terminal.Message($"next round at {next:HH:mm:ss} (every {Quantities.Describe(every.Value)}; Ctrl-C to stop)");
                if (stop.Token.WaitHandle.WaitOne(every.Value))
                {
                    terminal.Message($"stopped after {number} round{(number == 1 ? "" : "s")}; {totalNew:N0} new articles stored");
                    return 0;
                }
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int Commit(SqliteArticleStore store, List<Article> pending)
    {
        int added = store.Add(pending);
        pending.Clear();
        return added;
    }

    private static string Describe(PollRound r, int added, TimeSpan elapsed, long total, string db)
    {
        var parts = new List<string>
        {
            $"round {r.Number}: {r.Urls} URL{(r.Urls == 1 ? "" : "s")}: {r.Read} read, {r.NotModified} not modified, {r.Failed} failed",
        };
        if (r.PagesFetched + r.PagesFailed + r.PagesKnown > 0)
            parts.Add($"pages: {r.PagesFetched} read, {r.PagesFailed} failed, {r.PagesKnown} fetched before");
        parts.Add($"{r.Articles:N0} article{(r.Articles == 1 ? "" : "s")}, {added:N0} new stored; {total:N0} articles in {db} ({elapsed.TotalSeconds:0.0} s)");
        return string.Join("; ", parts);
    }
}
