namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// First-order Viterbi decoding over BILOU labels with the label grammar enforced (an I or
/// L only after a B or I of the same type, a sentence never ending inside a name), so every
/// output decodes to well-formed spans. Only allowed transitions are visited: 97 of the 289
/// label pairs for four types.
/// </summary>
internal static class Viterbi
{
    /// <summary>
    /// <paramref name="emissions"/>: n × labels scores; <paramref name="transitions"/>: (labels + 1) × labels,
    /// row <c>labels</c> being the sentence start; <paramref name="grammar"/> from <see cref="Grammar"/>.
    /// Writes the best labels into <paramref name="best"/>.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> emissions, int n, int labels, ReadOnlySpan<float> transitions, LabelGrammar grammar,
        Span<int> best, Span<float> score, Span<int> back)
    {
        if (n == 0) return;
        var prev = score[..labels];
        var next = score.Slice(labels, labels);
        for (int y = 0; y < labels; y++)
            prev[y] = grammar.CanStart[y] ? transitions[labels * labels + y] + emissions[y] : float.NegativeInfinity;
        for (int t = 1; t < n; t++)
        {
            var e = emissions.Slice(t * labels, labels);
            for (int y = 0; y < labels; y++)
            {
                float top = float.NegativeInfinity;
                int arg = 0;
                foreach (int p in grammar.Predecessors[y])
                {
                    float s = prev[p] + transitions[p * labels + y];
                    if (s > top) { top = s; arg = p; }
                }
                next[y] = top + e[y];
                back[t * labels + y] = arg;
            }
            var swap = prev; prev = next; next = swap;
        }
        float bestScore = float.NegativeInfinity;
        int label = 0;
        for (int y = 0; y < labels; y++)
            if (BilouLabels.CanEnd(y) && prev[y] > bestScore) { bestScore = prev[y]; label = y; }
        for (int t = n - 1; t >= 0; t--)
        {
            best[t] = label;
            if (t > 0) label = back[t * labels + label];
        }
    }

    public static LabelGrammar Grammar(int labels)
    {
        var predecessors = new int[labels][];
        var canStart = new bool[labels];
        for (int y = 0; y < labels; y++)
        {
            predecessors[y] = Enumerable.Range(0, labels).Where(p => BilouLabels.Allowed(p, y)).ToArray();
            canStart[y] = BilouLabels.Allowed(-1, y);
        }
        return new LabelGrammar(predecessors, canStart);
    }
}

/// <summary>Which labels may follow which (see <see cref="BilouLabels.Allowed"/>), as predecessor lists.</summary>
internal sealed record LabelGrammar(int[][] Predecessors, bool[] CanStart);
