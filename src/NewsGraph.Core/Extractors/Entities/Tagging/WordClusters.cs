namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// Distributional word classes from unlabelled text by the exchange algorithm (Kneser and Ney
/// 1993; Martin, Liermann and Ney 1998): each word moves to the class that most raises the
/// likelihood of a class bigram model, pass after pass. Classes of classes give coarser
/// granularities, standing in for the prefixes of Brown cluster paths: a rare surname shares
/// a class with common ones, so the tagger generalises from the names it saw in training.
/// Deterministic: words are visited in order of frequency (ties by ordinal spelling).
/// </summary>
internal static class WordClusters
{
    /// <summary>Item-level bigram counts in compressed rows: for item w, its right and left neighbours with counts.</summary>
    internal sealed class Bigrams
    {
        public required int Items;
        public required long[] ItemCounts;
        public required int[] RightStart, RightItem, RightCount;
        public required int[] LeftStart, LeftItem, LeftCount;

        public static Bigrams From(int items, long[] itemCounts, Dictionary<long, int> pairs)
        {
            var keys = pairs.Keys.ToArray();
            Array.Sort(keys);
            var rightStart = new int[items + 1];
            var leftStart = new int[items + 1];
            foreach (var k in keys) { rightStart[(int)(k >> 32) + 1]++; leftStart[(int)(k & 0xFFFFFFFF) + 1]++; }
            for (int i = 0; i < items; i++) { rightStart[i + 1] += rightStart[i]; leftStart[i + 1] += leftStart[i]; }
            var rightItem = new int[keys.Length];
            var rightCount = new int[keys.Length];
            var leftItem = new int[keys.Length];
            var leftCount = new int[keys.Length];
            var rFill = (int[])rightStart.Clone();
            var lFill = (int[])leftStart.Clone();
            foreach (var k in keys)
            {
                int a = (int)(k >> 32), b = (int)(k & 0xFFFFFFFF), n = pairs[k];
                rightItem[rFill[a]] = b; rightCount[rFill[a]++] = n;
                leftItem[lFill[b]] = a; leftCount[lFill[b]++] = n;
            }
            return new Bigrams
            {
                Items = items, ItemCounts = itemCounts, RightStart = rightStart, RightItem = rightItem, RightCount = rightCount,
                LeftStart = leftStart, LeftItem = leftItem, LeftCount = leftCount,
            };
        }
    }

    /// <summary>Assigns each item (sorted by descending frequency) one of <paramref name="classes"/> classes.</summary>
    public static int[] Exchange(Bigrams g, int classes, int passes, Action<string>? progress = null)
    {
        int V = g.Items, K = Math.Min(classes, V);
        var cls = new int[V];
        for (int w = 0; w < V; w++) cls[w] = w % K;
        long total = g.ItemCounts.Sum();
        var flog = new XLogX(total + 1);
        var N = new long[K];
        var M = new long[(long)K * K];
        for (int w = 0; w < V; w++)
        {
            N[cls[w]] += g.ItemCounts[w];
            for (int e = g.RightStart[w]; e < g.RightStart[w + 1]; e++) M[(long)cls[w] * K + cls[g.RightItem[e]]] += g.RightCount[e];
        }

        var rc = new long[K];
        var lc = new long[K];
        var rTouched = new List<int>();
        var lTouched = new List<int>();
        for (int pass = 1; pass <= passes; pass++)
        {
            int moved = 0;
            for (int w = 0; w < V; w++)
            {
                long self = 0;
                rTouched.Clear(); lTouched.Clear();
                for (int e = g.RightStart[w]; e < g.RightStart[w + 1]; e++)
                {
                    int v = g.RightItem[e];
                    if (v == w) { self += g.RightCount[e]; continue; }
                    int d = cls[v];
                    if (rc[d] == 0) rTouched.Add(d);
                    rc[d] += g.RightCount[e];
                }
                for (int e = g.LeftStart[w]; e < g.LeftStart[w + 1]; e++)
                {
                    int v = g.LeftItem[e];
                    if (v == w) continue;
                    int d = cls[v];
                    if (lc[d] == 0) lTouched.Add(d);
                    lc[d] += g.LeftCount[e];
                }
                long nw = g.ItemCounts[w];
                int a = cls[w];
                // Take w out of its class.
                foreach (var d in rTouched) M[(long)a * K + d] -= rc[d];
                foreach (var d in lTouched) M[(long)d * K + a] -= lc[d];
                M[(long)a * K + a] -= self;
                N[a] -= nw;

                int best = a;
                double bestGain = Gain(a);
                for (int b = 0; b < K; b++)
                {
                    if (b == a) continue;
                    double gain = Gain(b);
                    if (gain > bestGain + 1e-9) { bestGain = gain; best = b; }
                }
                if (best != a) moved++;
                foreach (var d in rTouched) M[(long)best * K + d] += rc[d];
                foreach (var d in lTouched) M[(long)d * K + best] += lc[d];
                M[(long)best * K + best] += self;
                N[best] += nw;
                cls[w] = best;
                foreach (var d in rTouched) rc[d] = 0;
                foreach (var d in lTouched) lc[d] = 0;

                double Gain(int b)
                {
                    double delta = 0;
                    long rowB = (long)b * K;
                    foreach (var d in rTouched)
                    {
                        if (d == b) continue;
                        long m = M[rowB + d];
                        delta += flog[m + rc[d]] - flog[m];
                    }
                    foreach (var d in lTouched)
                    {
                        if (d == b) continue;
                        long m = M[(long)d * K + b];
                        delta += flog[m + lc[d]] - flog[m];
                    }
                    long bb = M[rowB + b];
                    delta += flog[bb + rc[b] + lc[b] + self] - flog[bb];
                    delta -= 2 * (flog[N[b] + nw] - flog[N[b]]);
                    return delta;
                }
            }
            progress?.Invoke($"clusters {K}: pass {pass}, {moved:N0} of {V:N0} moved");
            if (moved == 0) break;
        }
        return cls;
    }

    /// <summary>Bigram counts between classes, for clustering the classes themselves.</summary>
    public static Bigrams OfClasses(Bigrams g, int[] cls, int classes)
    {
        var counts = new long[classes];
        var pairs = new Dictionary<long, int>();
        for (int w = 0; w < g.Items; w++)
        {
            counts[cls[w]] += g.ItemCounts[w];
            for (int e = g.RightStart[w]; e < g.RightStart[w + 1]; e++)
            {
                long key = ((long)cls[w] << 32) | (uint)cls[g.RightItem[e]];
                pairs[key] = pairs.GetValueOrDefault(key) + g.RightCount[e];
            }
        }
        // Classes are renumbered by frequency so that the next level visits them in a stable order.
        var order = Enumerable.Range(0, classes).OrderByDescending(c => counts[c]).ThenBy(c => c).ToArray();
        var rank = new int[classes];
        for (int i = 0; i < classes; i++) rank[order[i]] = i;
        var ranked = new Dictionary<long, int>();
        foreach (var (k, v) in pairs) ranked[((long)rank[(int)(k >> 32)] << 32) | (uint)rank[(int)(k & 0xFFFFFFFF)]] = v;
        for (int w = 0; w < cls.Length; w++) cls[w] = rank[cls[w]];
        return Bigrams.From(classes, order.Select(c => counts[c]).ToArray(), ranked);
    }

    /// <summary>x ln x, tabulated for the counts that occur (all at most the corpus size).</summary>
    private sealed class XLogX(long max)
    {
        private readonly double[] _table = Build(Math.Min(max, 1 << 24));

        private static double[] Build(long n)
        {
            var t = new double[n + 1];
            for (long x = 1; x <= n; x++) t[x] = x * Math.Log(x);
            return t;
        }

        public double this[long x] => x < _table.Length ? _table[x] : x * Math.Log(x);
    }
}
