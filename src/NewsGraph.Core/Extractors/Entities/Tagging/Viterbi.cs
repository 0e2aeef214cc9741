namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// First-order Viterbi decoding over BILOU labels with the label grammar enforced (an I or
/// L only after a B or I of the same type, a sentence never ending inside a name), so every
/// output decodes to well-formed spans.
/// </summary>
internal static class Viterbi
{
    /// <summary>
    /// <paramref name="emissions"/>: n × labels scores; <paramref name="transitions"/>: (labels + 1) × labels,
    /// row <c>labels</c> being the sentence start. Writes the best labels into <paramref name="best"/>.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> emissions, int n, int labels, ReadOnlySpan<float> transitions, ReadOnlySpan<bool> allowed,
        Span<int> best, Span<float> score, Span<int> back)
    {
        if (n == 0) return;
        var prev = score[..labels];
        var next = score.Slice(labels, labels);
        for (int y = 0; y < labels; y++)
            prev[y] = allowed[labels * labels + y] ? transitions[labels * labels + y] + emissions[y] : float.NegativeInfinity;
        for (int t = 1; t < n; t++)
        {
            var e = emissions.Slice(t * labels, labels);
            for (int y = 0; y < labels; y++)
            {
                float top = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < labels; p++)
                {
                    if (!allowed[p * labels + y]) continue;
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

    /// <summary>The label grammar as a (labels + 1) × labels table; row <c>labels</c> is the sentence start.</summary>
    public static bool[] Grammar(int labels)
    {
        var allowed = new bool[(labels + 1) * labels];
        for (int p = 0; p <= labels; p++)
            for (int y = 0; y < labels; y++)
                allowed[p * labels + y] = BilouLabels.Allowed(p == labels ? -1 : p, y);
        return allowed;
    }
}
