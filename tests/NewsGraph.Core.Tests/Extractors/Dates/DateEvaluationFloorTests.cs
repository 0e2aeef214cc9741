using NewsGraph.Core.Evaluation;

namespace NewsGraph.Core.Tests.Extractors.Dates;

/// <summary>
/// Floors well under the figures `newsgraph eval dates` prints (held-out: strict F1 about 0.98, value F1
/// about 0.92 when measured), so that a regression in the date extractor fails loudly.
/// </summary>
public class DateEvaluationFloorTests
{
    private static DateEvaluationReport Score(string half) =>
        DateEvaluation.Evaluate(DateEvaluation.Load(Path.Combine(TestPaths.RepoRoot, "eval", "dates", half + ".jsonl")));

    [Fact]
    public void Held_out_dates_stay_above_the_floor()
    {
        var r = Score("heldout");
        Assert.True(r.Relaxed.Gold > 150, "the held-out set should hold about 168 expressions");
        Assert.True(r.Strict.F1 > 0.85, $"strict F1 {r.Strict.F1:0.000}");
        Assert.True(r.Relaxed.F1 > 0.88, $"relaxed F1 {r.Relaxed.F1:0.000}");
        Assert.True(r.Value.F1 > 0.80, $"value F1 {r.Value.F1:0.000}");
    }

    [Fact]
    public void Dev_dates_stay_above_the_floor()
    {
        var r = Score("dev");
        Assert.True(r.Relaxed.Gold > 280);
        Assert.True(r.Strict.F1 > 0.90, $"strict F1 {r.Strict.F1:0.000}");
        Assert.True(r.Value.F1 > 0.88, $"value F1 {r.Value.F1:0.000}");
    }

    [Fact]
    public void A_gold_expression_missing_from_its_text_is_a_clear_error()
    {
        var bad = new DateGoldPassage("x1", "2023-03-08", "Talks began on Tuesday.", [new DateGoldTimex("Monday", "2023-03-06")]);
        var e = Assert.Throws<InvalidDataException>(() => DateEvaluation.Evaluate([bad]));
        Assert.Contains("x1", e.Message);
    }
}
