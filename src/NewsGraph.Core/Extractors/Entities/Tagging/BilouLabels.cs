namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// BILOU labels over the model's entity types: 0 is O (outside); type t has
/// B = 1 + 4t (begin), I = 2 + 4t (inside), L = 3 + 4t (last), U = 4 + 4t (a one-token entity).
/// BILOU rather than IOB because it tells the model where names end (Ratinov and Roth 2009
/// measured it better than BIO for the same features).
/// </summary>
internal static class BilouLabels
{
    public const int Outside = 0;

    public static int Count(int types) => 1 + 4 * types;
    public static int Begin(int type) => 1 + 4 * type;
    public static int Inside(int type) => 2 + 4 * type;
    public static int Last(int type) => 3 + 4 * type;
    public static int Unit(int type) => 4 + 4 * type;

    /// <summary>The entity type of a label, or -1 for O.</summary>
    public static int TypeOf(int label) => label == 0 ? -1 : (label - 1) / 4;
    /// <summary>0 B, 1 I, 2 L, 3 U; -1 for O.</summary>
    public static int PartOf(int label) => label == 0 ? -1 : (label - 1) % 4;

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start).</summary>
    public static bool Allowed(int previous, int next)
    {
        bool open = previous > 0 && PartOf(previous) is 0 or 1;   // after B or I a name is still open
        int part = PartOf(next);
        if (open) return part is 1 or 2 && TypeOf(next) == TypeOf(previous);
        return part is -1 or 0 or 3;
    }

    /// <summary>Whether a sentence may end after <paramref name="label"/>.</summary>
    public static bool CanEnd(int label) => PartOf(label) is -1 or 2 or 3;

    /// <summary>Entity spans (token ranges and types) from per-token labels.</summary>
    public static void Spans(ReadOnlySpan<int> labels, int offset, List<(int First, int End, int Type)> spans)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            int part = PartOf(labels[i]);
            if (part == 3) spans.Add((offset + i, offset + i + 1, TypeOf(labels[i])));
            else if (part == 0)
            {
                int type = TypeOf(labels[i]);
                int j = i + 1;
                while (j < labels.Length && PartOf(labels[j]) == 1 && TypeOf(labels[j]) == type) j++;
                if (j < labels.Length && PartOf(labels[j]) == 2 && TypeOf(labels[j]) == type)
                {
                    spans.Add((offset + i, offset + j + 1, type));
                    i = j;
                }
            }
        }
    }

    /// <summary>BILOU labels for a sentence from entity spans given as (first, end, type), token indices relative to the sentence.</summary>
    public static void FromSpans(IEnumerable<(int First, int End, int Type)> spans, Span<int> labels)
    {
        labels.Clear();
        foreach (var (first, end, type) in spans)
        {
            if (end - first == 1) { labels[first] = Unit(type); continue; }
            labels[first] = Begin(type);
            for (int k = first + 1; k < end - 1; k++) labels[k] = Inside(type);
            labels[end - 1] = Last(type);
        }
    }
}
