namespace NewsGraph.Core.Extractors.Events.Evaluation;

/// <summary>A coded event reduced to what scoring compares: source, target and code.</summary>
public readonly record struct Dyad(string? Source, string? Target, string Code)
{
    public string Root => Code.Length >= 2 ? Code[..2] : Code;
    public override string ToString() => $"{Source ?? "---"}>{Target ?? "---"}:{Code}";
}

/// <summary>Counts for precision and recall, exact (whole code) and at the root (first two digits).</summary>
public sealed class DyadScore
{
    public int Expected, Produced, Exact, Root;

    public double Recall => Expected == 0 ? 0 : (double)Exact / Expected;
    public double RootRecall => Expected == 0 ? 0 : (double)Root / Expected;
    public double Precision => Produced == 0 ? 0 : (double)Exact / Produced;
    public double RootPrecision => Produced == 0 ? 0 : (double)Root / Produced;

    public void Add(DyadScore other)
    {
        Expected += other.Expected;
        Produced += other.Produced;
        Exact += other.Exact;
        Root += other.Root;
    }

    /// <summary>
    /// Scores one unit (a record, a sentence): each expected event is matched to at most one produced
    /// event, first on the exact code, then, for the root count, on the root alone.
    /// <paramref name="key"/> says what must agree besides the code (the dyad, or nothing).
    /// </summary>
    public static DyadScore Of(IReadOnlyList<Dyad> expected, IReadOnlyList<Dyad> produced, Func<Dyad, string> key)
    {
        var score = new DyadScore { Expected = expected.Count, Produced = produced.Count };
        score.Exact = Pairs(expected, produced, d => key(d) + "|" + d.Code);
        score.Root = Pairs(expected, produced, d => key(d) + "|" + d.Root);
        return score;
    }

    private static int Pairs(IReadOnlyList<Dyad> expected, IReadOnlyList<Dyad> produced, Func<Dyad, string> by)
    {
        var left = produced.GroupBy(by).ToDictionary(g => g.Key, g => g.Count());
        int pairs = 0;
        foreach (var e in expected)
        {
            var k = by(e);
            if (left.TryGetValue(k, out int n) && n > 0)
            {
                left[k] = n - 1;
                pairs++;
            }
        }
        return pairs;
    }
}
