using NewsGraph.Core.Documents;

namespace NewsGraph.Core.Evaluation;

/// <summary>Precision, recall and F1 from counts of system answers, gold answers and matches.</summary>
public readonly record struct PrecisionRecall(int System, int Gold, int Correct)
{
    public double Precision => System == 0 ? 0 : (double)Correct / System;
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PrecisionRecall operator +(PrecisionRecall a, PrecisionRecall b) => new(a.System + b.System, a.Gold + b.Gold, a.Correct + b.Correct);
}

/// <summary>
/// Pairs system spans with gold spans one to one, as TempEval-3 scores extents: strict when the
/// boundaries are identical, relaxed when the spans overlap (each gold span used at most once,
/// exact matches first, then the largest overlap).
/// </summary>
public static class SpanMatcher
{
    /// <summary>For each gold span, the index of the system span paired with it, or -1.</summary>
    public static int[] Pair(IReadOnlyList<Span> gold, IReadOnlyList<Span> system, bool strict)
    {
        var pairs = new int[gold.Count];
        Array.Fill(pairs, -1);
        var used = new bool[system.Count];
        for (int g = 0; g < gold.Count; g++)
            for (int s = 0; s < system.Count; s++)
                if (!used[s] && system[s] == gold[g]) { pairs[g] = s; used[s] = true; break; }
        if (strict) return pairs;
        for (int g = 0; g < gold.Count; g++)
        {
            if (pairs[g] >= 0) continue;
            int best = -1, bestOverlap = 0;
            for (int s = 0; s < system.Count; s++)
            {
                if (used[s] || !system[s].Overlaps(gold[g])) continue;
                int overlap = Math.Min(system[s].End, gold[g].End) - Math.Max(system[s].Start, gold[g].Start);
                if (overlap > bestOverlap) { best = s; bestOverlap = overlap; }
            }
            if (best >= 0) { pairs[g] = best; used[best] = true; }
        }
        return pairs;
    }

    /// <summary>Pairs gold and system extents both ways at once: what every extent-scoring evaluation starts from.</summary>
    public static ExtentMatch Match(IReadOnlyList<Span> gold, IReadOnlyList<Span> system)
    {
        var strictPairs = Pair(gold, system, strict: true);
        var relaxedPairs = Pair(gold, system, strict: false);
        return new ExtentMatch(strictPairs, relaxedPairs,
            new PrecisionRecall(system.Count, gold.Count, strictPairs.Count(x => x >= 0)),
            new PrecisionRecall(system.Count, gold.Count, relaxedPairs.Count(x => x >= 0)),
            new HashSet<int>(relaxedPairs.Where(x => x >= 0)));
    }

    /// <summary>Finds each expression's offsets in <paramref name="text"/>, in order, each search starting where the last match ended.</summary>
    public static List<Span> Locate(string text, IEnumerable<string> expressions, string where)
    {
        var spans = new List<Span>();
        int from = 0;
        foreach (var e in expressions)
        {
            int at = text.IndexOf(e, from, StringComparison.Ordinal);
            if (at < 0) throw new InvalidDataException($"{where}: \"{e}\" is not in the text (after offset {from})");
            spans.Add(new Span(at, at + e.Length));
            from = at + e.Length;
        }
        return spans;
    }
}

/// <summary>
/// One passage's extents paired: for each gold span its strict and relaxed partner (or -1), the
/// passage's strict and relaxed counts, and which system spans found a relaxed partner.
/// </summary>
public sealed record ExtentMatch(int[] Strict, int[] Relaxed, PrecisionRecall StrictCounts, PrecisionRecall RelaxedCounts, HashSet<int> Matched);
