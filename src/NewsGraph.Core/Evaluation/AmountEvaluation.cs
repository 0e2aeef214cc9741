using System.Text.Json;
using NewsGraph.Core.Documents;
using NewsGraph.Core.Extractors.Amounts;
using NewsGraph.Core.Extractors.Segmentation;
using NewsGraph.Core.Pipeline;

namespace NewsGraph.Core.Evaluation;

public sealed record AmountGold(string Text, double Value, string? Unit, string? Per, string? Object, string? Qualifier, double? High);

public sealed record CountGold(string Kind, long Number, string? Object);

/// <summary>One passage of the amounts gold set (eval/amounts/*.jsonl).</summary>
public sealed record AmountGoldPassage(string Id, string Text, IReadOnlyList<AmountGold> Amounts, IReadOnlyList<CountGold> Counts);

/// <summary>Extent P/R/F1 (strict and relaxed), attribute accuracy over relaxed matches, and count P/R/F1.</summary>
public sealed record AmountEvaluationReport(
    int Passages, PrecisionRecall Strict, PrecisionRecall Relaxed,
    int ValueCorrect, int UnitCorrect, int PerCorrect, int ObjectCorrect, int QualifierCorrect, int AllCorrect,
    PrecisionRecall Counts, int CountObjectCorrect)
{
    private double Share(int n) => Relaxed.Correct == 0 ? 0 : (double)n / Relaxed.Correct;
    public double ValueAccuracy => Share(ValueCorrect);
    public double UnitAccuracy => Share(UnitCorrect);
    public double PerAccuracy => Share(PerCorrect);
    public double ObjectAccuracy => Share(ObjectCorrect);
    public double QualifierAccuracy => Share(QualifierCorrect);
    public double AllAttributesAccuracy => Share(AllCorrect);
    public double CountObjectAccuracy => Counts.Correct == 0 ? 0 : (double)CountObjectCorrect / Counts.Correct;
}

public static class AmountEvaluation
{
    public static IReadOnlyList<AmountGoldPassage> Load(string path) => GoldPassages.Load(path, static (r, fallbackId) =>
    {
        var amounts = r.GetProperty("amounts").EnumerateArray().Select(a => new AmountGold(
            a.GetProperty("text").GetString()!, a.GetProperty("value").GetDouble(), Str(a, "unit"), Str(a, "per"), Str(a, "object"),
            Str(a, "qualifier"), a.TryGetProperty("high", out var h) && h.ValueKind == JsonValueKind.Number ? h.GetDouble() : null)).ToList();
        var counts = r.TryGetProperty("counts", out var cs)
            ? cs.EnumerateArray().Select(c => new CountGold(c.GetProperty("kind").GetString()!, c.GetProperty("number").GetInt64(), Str(c, "object"))).ToList()
            : [];
        return new AmountGoldPassage(r.GetProperty("id").GetString() ?? fallbackId, r.GetProperty("text").GetString()!, amounts, counts);

        static string? Str(JsonElement e, string name) => GoldPassages.String(e, name);
    });

    public static ArticlePipeline Pipeline() =>
        new PipelineBuilder().Add(new SentenceStage()).Add(new TokenStage()).Add(new AmountStage()).Add(new CountStage()).Build();

    public static AmountEvaluationReport Evaluate(IReadOnlyList<AmountGoldPassage> passages, TextWriter? errors = null)
    {
        var pipeline = Pipeline();
        PrecisionRecall strict = default, relaxed = default, counts = default;
        int value = 0, unit = 0, per = 0, obj = 0, qualifier = 0, all = 0, countObject = 0;
        foreach (var p in passages)
        {
            var article = pipeline.Run(new Article(p.Text));
            var gold = SpanMatcher.Locate(p.Text, p.Amounts.Select(a => a.Text), p.Id);
            var system = article.Amounts.Select(a => a.Span).ToList();
            var extents = SpanMatcher.Match(gold, system);
            strict += extents.StrictCounts;
            relaxed += extents.RelaxedCounts;
            var (strictPairs, relaxedPairs, matched) = (extents.Strict, extents.Relaxed, extents.Matched);
            for (int g = 0; g < gold.Count; g++)
            {
                var want = p.Amounts[g];
                int s = relaxedPairs[g];
                if (s < 0) { errors?.WriteLine($"{p.Id}\tmissed\t{want.Text}"); continue; }
                var got = article.Amounts[s];
                bool v = Close(got.Value, want.Value) && (want.High is { } hi ? got.High is { } gh && Close(gh, hi) : got.High is null);
                bool u = got.Unit == want.Unit, r = got.Per == want.Per, q = got.Qualifier == want.Qualifier;
                bool o = string.Equals(got.Object, want.Object, StringComparison.OrdinalIgnoreCase);
                value += v ? 1 : 0; unit += u ? 1 : 0; per += r ? 1 : 0; obj += o ? 1 : 0; qualifier += q ? 1 : 0;
                all += v && u && r && o && q ? 1 : 0;
                if (!(v && u && r && o && q))
                    errors?.WriteLine($"{p.Id}\tattributes\t{want.Text}\tgold {Describe(want.Value, want.High, want.Unit, want.Per, want.Object, want.Qualifier)}\tgot {Describe(got.Value, got.High, got.Unit, got.Per, got.Object, got.Qualifier)} ({article.Slice(got.Span)})");
                if (strictPairs[g] < 0) errors?.WriteLine($"{p.Id}\textent\t{want.Text}\tgot \"{article.Slice(got.Span)}\"");
            }
            for (int s = 0; s < system.Count; s++)
                if (!matched.Contains(s)) errors?.WriteLine($"{p.Id}\tspurious\t{article.Slice(system[s])}");

            // Counts: paired by kind and number within the passage.
            var open = article.Counts.ToList();
            int countCorrect = 0;
            foreach (var want in p.Counts)
            {
                int k = open.FindIndex(c => c.Kind == want.Kind && c.Number == want.Number);
                if (k < 0) { errors?.WriteLine($"{p.Id}\tcount missed\t{want.Kind} {want.Number} {want.Object}"); continue; }
                countCorrect++;
                if (string.Equals(open[k].Object, want.Object, StringComparison.OrdinalIgnoreCase)) countObject++;
                else errors?.WriteLine($"{p.Id}\tcount object\t{want.Kind} {want.Number}\tgold {want.Object}\tgot {open[k].Object}");
                open.RemoveAt(k);
            }
            foreach (var extra in open) errors?.WriteLine($"{p.Id}\tcount spurious\t{extra.Kind} {extra.Number} ({article.Slice(extra.Span)})");
            counts += new PrecisionRecall(article.Counts.Count, p.Counts.Count, countCorrect);
        }
        return new AmountEvaluationReport(passages.Count, strict, relaxed, value, unit, per, obj, qualifier, all, counts, countObject);
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(b));

    private static string Describe(double value, double? high, string? unit, string? per, string? obj, string? qualifier) =>
        $"{value}{(high is { } h ? "-" + h : "")} {unit ?? "-"}/{per ?? "-"} obj={obj ?? "-"} q={qualifier ?? "-"}";
}
