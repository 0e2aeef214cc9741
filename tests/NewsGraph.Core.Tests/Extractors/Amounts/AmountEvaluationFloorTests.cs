using NewsGraph.Core.Evaluation;

namespace NewsGraph.Core.Tests.Extractors.Amounts;

/// <summary>
/// Floors well under the figures `newsgraph eval amounts` prints (held-out: relaxed F1 about 0.97, all
/// attributes right in about 0.93 of matches, counts F1 about 0.93 when measured).
/// </summary>
public class AmountEvaluationFloorTests
{
    private static AmountEvaluationReport Score(string half) =>
        AmountEvaluation.Evaluate(AmountEvaluation.Load(Path.Combine(TestPaths.RepoRoot, "eval", "amounts", half + ".jsonl")));

    [Fact]
    public void Held_out_amounts_stay_above_the_floor()
    {
        var r = Score("heldout");
        Assert.True(r.Relaxed.Gold > 90, "the held-out set should hold about 97 amounts");
        Assert.True(r.Relaxed.F1 > 0.85, $"relaxed F1 {r.Relaxed.F1:0.000}");
        Assert.True(r.Strict.F1 > 0.80, $"strict F1 {r.Strict.F1:0.000}");
        Assert.True(r.ValueAccuracy > 0.90, $"value accuracy {r.ValueAccuracy:0.000}");
        Assert.True(r.UnitAccuracy > 0.85, $"unit accuracy {r.UnitAccuracy:0.000}");
        Assert.True(r.Counts.F1 > 0.75, $"counts F1 {r.Counts.F1:0.000}");
    }

    [Fact]
    public void Dev_amounts_stay_above_the_floor()
    {
        var r = Score("dev");
        Assert.True(r.Relaxed.F1 > 0.90, $"relaxed F1 {r.Relaxed.F1:0.000}");
        Assert.True(r.AllAttributesAccuracy > 0.85, $"all attributes {r.AllAttributesAccuracy:0.000}");
        Assert.True(r.Counts.F1 > 0.85, $"counts F1 {r.Counts.F1:0.000}");
    }
}
