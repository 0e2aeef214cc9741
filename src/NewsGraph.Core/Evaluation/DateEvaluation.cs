using System.Text.Json;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Dates;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Evaluation;

public sealed record DateGoldTimex(string Text, string Value);

/// <summary>One passage of a temporal-expression gold set (eval/dates/*.jsonl): its anchor date (null when the article has none) and expressions.</summary>
public sealed record DateGoldPassage(string Id, string? Anchor, string Text, IReadOnlyList<DateGoldTimex> Timexes);

/// <summary>TempEval-3 style figures: extent P/R/F1 strict and relaxed, and value F1 and accuracy over relaxed matches.</summary>
public sealed record DateEvaluationReport(int Passages, PrecisionRecall Strict, PrecisionRecall Relaxed, int ValueCorrect)
{
    /// <summary>Value F1 as TempEval-3 scores attributes: a relaxed match with the right value counts, over system and gold totals.</summary>
    public PrecisionRecall Value => new(Relaxed.System, Relaxed.Gold, ValueCorrect);
    /// <summary>Share of the relaxed matches whose value is right.</summary>
    public double ValueAccuracy => Relaxed.Correct == 0 ? 0 : (double)ValueCorrect / Relaxed.Correct;
}

public static class DateEvaluation
{
    public static IReadOnlyList<DateGoldPassage> Load(string path) => GoldPassages.Load(path, static (r, fallbackId) =>
    {
        var timexes = new List<DateGoldTimex>();
        foreach (var x in r.GetProperty("timexes").EnumerateArray())
            timexes.Add(new DateGoldTimex(x.GetProperty("text").GetString()!, x.GetProperty("value").GetString()!));
        return new DateGoldPassage(r.GetProperty("id").GetString() ?? fallbackId, GoldPassages.String(r, "anchor"), r.GetProperty("text").GetString()!, timexes);
    });

    /// <summary>The stages the date extractor needs and nothing more, so the figures are its own.</summary>
    public static ArticlePipeline Pipeline() => new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Add(new DateStage()).Build();

    /// <param name="errors">Where to list each miss, spurious expression and wrong value (for tuning on the dev half only).</param>
    public static DateEvaluationReport Evaluate(IReadOnlyList<DateGoldPassage> passages, TextWriter? errors = null)
    {
        var pipeline = Pipeline();
        PrecisionRecall strict = default, relaxed = default;
        int valueCorrect = 0;
        foreach (var p in passages)
        {
            var article = pipeline.Run(new Article(p.Text) { Date = p.Anchor });
            var gold = SpanMatcher.Locate(p.Text, p.Timexes.Select(x => x.Text), p.Id);
            var system = article.Dates.Select(d => d.Span).ToList();
            var extents = SpanMatcher.Match(gold, system);
            strict += extents.StrictCounts;
            relaxed += extents.RelaxedCounts;
            var (strictPairs, relaxedPairs, matched) = (extents.Strict, extents.Relaxed, extents.Matched);
            for (int g = 0; g < gold.Count; g++)
            {
                int s = relaxedPairs[g];
                if (s < 0) { errors?.WriteLine($"{p.Id}\tmissed\t{p.Timexes[g].Text}\t{p.Timexes[g].Value}"); continue; }
                var found = article.Dates[s];
                if (found.Value == p.Timexes[g].Value) valueCorrect++;
                else errors?.WriteLine($"{p.Id}\tvalue\t{p.Timexes[g].Text}\tgold {p.Timexes[g].Value}\tgot {found.Value} ({article.Slice(found.Span)})");
                if (strictPairs[g] < 0) errors?.WriteLine($"{p.Id}\textent\t{p.Timexes[g].Text}\tgot \"{article.Slice(found.Span)}\"");
            }
            for (int s = 0; s < system.Count; s++)
                if (!matched.Contains(s)) errors?.WriteLine($"{p.Id}\tspurious\t{article.Slice(system[s])}\t{article.Dates[s].Value}");
        }
        return new DateEvaluationReport(passages.Count, strict, relaxed, valueCorrect);
    }
}
