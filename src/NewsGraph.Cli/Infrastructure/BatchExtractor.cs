using System.Collections.Concurrent;
using System.Diagnostics;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Pipeline;
using NewsGraph.Core.Readers;

namespace NewsGraph.Cli.Infrastructure;

/// <summary>What a batch read: counted for the summary line and the exit code.</summary>
public sealed class BatchSummary
{
    public int Inputs;
    public int InputsWithArticles;
    public int Articles;
    public int FatalProblems;
    public int Warnings;
    public long Bytes;
    public TimeSpan Elapsed;

    /// <summary>Non-zero only when nothing at all could be read.</summary>
    public int ExitCode => Articles == 0 && (FatalProblems > 0 || Inputs == 0) ? 1 : 0;

    public string Describe(string verb) =>
        $"{verb} {Articles:N0} article{(Articles == 1 ? "" : "s")} from {InputsWithArticles:N0} of {Inputs:N0} input{(Inputs == 1 ? "" : "s")} " +
        $"({Terminal.Bytes(Bytes)}, {Elapsed.TotalSeconds:0.00} s" +
        (Elapsed.TotalSeconds > 0.05 ? $", {Articles / Elapsed.TotalSeconds:N0} articles/s" : "") +
        $"); {FatalProblems} input{(FatalProblems == 1 ? "" : "s")} skipped, {Warnings} warning{(Warnings == 1 ? "" : "s")}";
}

/// <summary>
/// Reads every input named on the command line, runs the pipeline on each article and hands
/// it on; reports each problem as one line and goes on with the rest of the batch.
/// With more than one thread, a reader thread reads the inputs in order and starts the
/// pipeline of each article on the thread pool (each pool thread with a pipeline of its own),
/// while the calling thread reports problems and hands articles on in the order they were
/// read: a store is written by one thread, the same input gives the same output, and an
/// article is handed on as soon as it and those before it are done, even while the reader
/// waits on a slow input. At most a few articles per thread are in flight.
/// </summary>
public sealed class BatchExtractor(ArticleReader reader, Func<ArticlePipeline> pipelines, Terminal terminal, int threads = 1)
{
    /// <summary>The threads to use when the user does not say: every core, up to eight.</summary>
    public static int DefaultThreads => Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>What the reader found, in input order: a problem, an article being processed, or the end of one input.</summary>
    private abstract record Found;
    private sealed record FoundProblem(ReadProblem Problem) : Found;
    private sealed record FoundArticle(Task<Article> Processing) : Found;
    private sealed record InputDone(long Bytes, bool AnyArticle) : Found;

    public BatchSummary Run(IEnumerable<string> paths, Action<Article> onArticle, Func<string>? progressExtra = null)
    {
        var summary = new BatchSummary();
        var clock = Stopwatch.StartNew();
        var entries = InputEnumerator.Expand(paths).ToList();
        long totalBytes = entries.Sum(e => e.Source?.Length ?? 0);
        int done = 0;
        void Progress() => terminal.Progress(() => ProgressLine(summary, done, entries.Count, totalBytes, clock.Elapsed, progressExtra));

        void Handle(Found found)
        {
            switch (found)
            {
                case FoundProblem p:
                    Report(summary, p.Problem);
                    break;
                case FoundArticle a:
                    // GetResult rethrows a stage's exception as itself, not wrapped in an AggregateException.
                    onArticle(a.Processing.GetAwaiter().GetResult());
                    summary.Articles++;
                    Progress();
                    break;
                case InputDone d:
                    summary.Inputs++;
                    if (d.AnyArticle) summary.InputsWithArticles++;
                    summary.Bytes += d.Bytes;
                    done++;
                    Progress();
                    break;
            }
        }

        if (threads <= 1)
        {
            var pipeline = pipelines();
            foreach (var found in ReadAll(entries, article =>
                     {
                         pipeline.Run(article);
                         return Task.FromResult(article);
                     }))
                Handle(found);
        }
        else RunInParallel(entries, Handle);

        terminal.ClearProgress();
        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    private void RunInParallel(List<InputEnumerator.Entry> entries, Action<Found> handle)
    {
        using var workspaces = new ThreadLocal<ArticlePipeline>(pipelines);
        using var queue = new BlockingCollection<Found>(boundedCapacity: threads * 4);
        using var stop = new CancellationTokenSource();
        Exception? readerFailure = null;
        var readerThread = new Thread(() =>
        {
            try
            {
                foreach (var found in ReadAll(entries, article => Task.Run(() =>
                         {
                             workspaces.Value!.Run(article);
                             return article;
                         })))
                    queue.Add(found, stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested) { } // the batch ended without us
            catch (Exception e) { readerFailure = e; }
            finally
            {
                if (!stop.IsCancellationRequested) queue.CompleteAdding();
            }
        }) { IsBackground = true, Name = "newsgraph reader" };
        readerThread.Start();
        try
        {
            foreach (var found in queue.GetConsumingEnumerable()) handle(found);
        }
        finally
        {
            // On the way out (a failure, an interrupted ingest) the reader stops at its next article; one
            // blocked on a slow input is a background thread and does not keep the process alive.
            // Articles still being processed finish on their own; none is handed on any more.
            stop.Cancel();
            readerThread.Join(TimeSpan.FromSeconds(5));
        }
        if (readerFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(readerFailure);
    }

    /// <summary>Reads the inputs in order, starting each article's processing as it is read.</summary>
    private IEnumerable<Found> ReadAll(List<InputEnumerator.Entry> entries, Func<Article, Task<Article>> process)
    {
        foreach (var entry in entries)
        {
            if (entry.Problem is not null)
            {
                yield return new FoundProblem(entry.Problem);
                yield return new InputDone(0, false);
                continue;
            }
            var source = entry.Source!;
            bool any = false;
            foreach (var result in reader.Read(source))
            {
                if (result.Problem is not null)
                {
                    yield return new FoundProblem(result.Problem);
                    continue;
                }
                any = true;
                yield return new FoundArticle(process(result.Article!));
            }
            yield return new InputDone(source.Length ?? 0, any);
        }
    }

    private void Report(BatchSummary summary, ReadProblem problem)
    {
        if (problem.IsFatal) summary.FatalProblems++;
        else summary.Warnings++;
        terminal.Message((problem.IsFatal ? "" : "warning: ") + problem);
    }

    private static string ProgressLine(BatchSummary s, int done, int total, long totalBytes, TimeSpan elapsed, Func<string>? extra)
    {
        double fraction = totalBytes > 0 ? (double)s.Bytes / totalBytes : total > 0 ? (double)done / total : 0;
        double rate = elapsed.TotalSeconds > 0 ? s.Bytes / elapsed.TotalSeconds : 0;
        return $"{Terminal.Bar(fraction)} {done:N0}/{total:N0} inputs, {s.Articles:N0} articles, {Terminal.Bytes(rate)}/s" +
               (extra is null ? "" : ", " + extra());
    }
}
