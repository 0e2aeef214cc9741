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
/// </summary>
public sealed class BatchExtractor(ArticleReader reader, ArticlePipeline pipeline, Terminal terminal)
{
    public BatchSummary Run(IEnumerable<string> paths, Action<Article> onArticle, Func<string>? progressExtra = null)
    {
        var summary = new BatchSummary();
        var clock = Stopwatch.StartNew();
        var entries = InputEnumerator.Expand(paths).ToList();
        long totalBytes = entries.Sum(e => e.Source?.Length ?? 0);
        int done = 0;

        foreach (var entry in entries)
        {
            summary.Inputs++;
            if (entry.Problem is not null)
            {
                Report(summary, entry.Problem);
                done++;
                continue;
            }
            var source = entry.Source!;
            int before = summary.Articles;
            foreach (var result in reader.Read(source))
            {
                if (result.Problem is not null)
                {
                    Report(summary, result.Problem);
                    continue;
                }
                var article = result.Article!;
                pipeline.Run(article);
                onArticle(article);
                summary.Articles++;
                terminal.Progress(() => ProgressLine(summary, done, entries.Count, totalBytes, clock.Elapsed, progressExtra));
            }
            if (summary.Articles > before) summary.InputsWithArticles++;
            summary.Bytes += source.Length ?? 0;
            done++;
            terminal.Progress(() => ProgressLine(summary, done, entries.Count, totalBytes, clock.Elapsed, progressExtra));
        }
        terminal.ClearProgress();
        summary.Elapsed = clock.Elapsed;
        return summary;
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
