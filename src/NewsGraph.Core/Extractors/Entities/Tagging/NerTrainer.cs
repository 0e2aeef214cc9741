using System.Diagnostics;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

internal sealed record NerTrainingOptions
{
    /// <summary>Train exactly this many epochs; 0 keeps the epoch that scored best on dev, up to <see cref="MaxEpochs"/>.</summary>
    public int Epochs { get; init; }
    public int MaxEpochs { get; init; } = 25;
    /// <summary>Stop early once dev F1 has not improved for this many epochs (only when choosing epochs on dev).</summary>
    public int Patience { get; init; } = 5;
    /// <summary>Features seen fewer times in training are dropped.</summary>
    public int MinCount { get; init; } = 1;
    public ulong Seed { get; init; } = 20030531;
    /// <summary>Training runs with different story orders whose weights are averaged.</summary>
    public int Runs { get; init; } = 1;
    public Action<string>? Progress { get; init; }
}

internal sealed record NerEpoch(int Run, int Epoch, int SentenceErrors, double DevF1, double Seconds);

/// <summary>
/// Trains the tagger: a structured averaged perceptron (Collins 2002) with Viterbi decoding.
/// Stories are visited in a seeded random order, sentences in order within a story, so the
/// prediction-history features see what the model itself said earlier in the story, exactly
/// as at tagging time. Deterministic: the same data, lexicon and options give the same model.
/// </summary>
internal static class NerTrainer
{
    public static readonly string[] PreferredTypes = ["PER", "ORG", "LOC", "MISC"];

    public static (NerModel Model, List<NerEpoch> Epochs, List<int> BestEpochs) Train(IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument>? dev,
        Lexicon lexicon, NerTrainingOptions options, Func<int, string, string>? metadata = null)
    {
        var types = TypesOf(train);
        int L = BilouLabels.Count(types.Length);
        var typeIndex = types.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);

        // Documents, gold labels and the static feature rows of every token, computed once.
        var docs = new List<(TaggingDocument Doc, int[] Gold)>();
        foreach (var d in train)
        {
            var td = d.ToTaggingDocument();
            var gold = new int[td.Tokens.Length];
            for (int s = 0; s < d.Sentences.Count; s++)
            {
                var spans = ConllCorpus.Chunks(d.Sentences[s].Tags).Select(c => (c.First, c.End, typeIndex[c.Type]));
                BilouLabels.FromSpans(spans, gold.AsSpan(td.Sentences[s].First, td.Sentences[s].Count));
            }
            docs.Add((td, gold));
        }

        var fx = new FeatureExtractor(lexicon);
        Span<ulong> keys = stackalloc ulong[FeatureExtractor.MaxStaticPerToken + FeatureExtractor.MaxDynamicPerToken];
        // Tables sized by the data: a test's tiny model should not allocate what CoNLL needs.
        int tokenTotal = docs.Sum(d => d.Doc.Tokens.Length);
        int expectedKeys = (int)Math.Clamp(tokenTotal * 8L, 1024, 1 << 21);
        HashIndex? counts = null;
        if (options.MinCount > 1)
        {
            counts = new HashIndex(expectedKeys);
            foreach (var (doc, _) in docs)
            {
                fx.Load(doc);
                for (int s = 0; s < doc.Sentences.Length; s++)
                    for (int t = doc.Sentences[s].First; t < doc.Sentences[s].End; t++)
                    {
                        int k = fx.Static(s, t, keys);
                        foreach (var key in keys[..k]) counts.Set(key, counts.GetOrDefault(key, 0) + 1);
                    }
            }
        }
        var rows = new HashIndex(expectedKeys);
        var tokenRows = new List<int[]>();   // per document: flat rows
        var tokenStart = new List<int[]>();  // per document: start offset of each token's rows (+1 sentinel)
        foreach (var (doc, _) in docs)
        {
            fx.Load(doc);
            var flat = new List<int>(doc.Tokens.Length * 48);
            var start = new int[doc.Tokens.Length + 1];
            for (int s = 0; s < doc.Sentences.Length; s++)
                for (int t = doc.Sentences[s].First; t < doc.Sentences[s].End; t++)
                {
                    start[t] = flat.Count;
                    int k = fx.Static(s, t, keys);
                    for (int j = 0; j < k; j++)
                    {
                        if (counts is not null && counts.GetOrDefault(keys[j], 0) < options.MinCount) continue;
                        flat.Add(rows.GetOrAdd(keys[j], rows.Count));
                    }
                }
            start[doc.Tokens.Length] = flat.Count;
            tokenRows.Add(flat.ToArray());
            tokenStart.Add(start);
        }
        counts = null;
        options.Progress?.Invoke($"features: {rows.Count:N0} from {docs.Sum(d => d.Doc.Tokens.Length):N0} tokens in {docs.Count:N0} stories; {types.Length} types");

        // Several runs over differently shuffled stories, their weights averaged (parameter mixing):
        // one run's weights depend on the order it saw the stories in; the mean depends less.
        var epochs = new List<NerEpoch>();
        var bestEpochs = new List<int>();
        float[]? mixWeights = null, mixTrans = null;
        int runs = Math.Max(1, options.Runs);
        for (int run = 0; run < runs; run++)
        {
            ulong seed = options.Seed + (ulong)run * 7919;
            int capacity = rows.Count + Math.Min(65_536, rows.Count + 1024);
            var w = new float[(long)capacity * L];
            var u = new double[(long)capacity * L];
            var trans = new float[(L + 1) * L];
            var transU = new double[(L + 1) * L];
            var allowed = Viterbi.Grammar(L);
            long c = 1;

            var history = new PredictionHistory(types.Length);
            var rng = new SplitMix(seed);
            var order = Enumerable.Range(0, docs.Count).ToArray();
            int target = options.Epochs > 0 ? options.Epochs : options.MaxEpochs;
            float[]? bestWeights = null, bestTrans = null;
            double bestF1 = -1;
            int bestEpoch = 0;
            var emissions = new float[256 * L];
            var back = new int[256 * L];
            var scores = new float[2 * L];
            var predicted = new int[256];
            var dynRows = new int[256 * FeatureExtractor.MaxDynamicPerToken];
            var dynCount = new int[256];

            for (int epoch = 1; epoch <= target; epoch++)
            {
                var clock = Stopwatch.StartNew();
                rng.Shuffle(order);
                int errors = 0;
                foreach (int di in order)
                {
                    var (doc, gold) = docs[di];
                    var flat = tokenRows[di];
                    var start = tokenStart[di];
                    fx.Load(doc);
                    history.Clear();
                    for (int s = 0; s < doc.Sentences.Length; s++)
                    {
                        var sentence = doc.Sentences[s];
                        int n = sentence.Count;
                        if (n == 0) continue;
                        if (emissions.Length < n * L) { emissions = new float[n * L * 2]; back = new int[n * L * 2]; predicted = new int[n * 2]; dynRows = new int[n * 2 * FeatureExtractor.MaxDynamicPerToken]; dynCount = new int[n * 2]; }
                        Array.Clear(emissions, 0, n * L);
                        for (int i = 0; i < n; i++)
                        {
                            int t = sentence.First + i;
                            var e = emissions.AsSpan(i * L, L);
                            for (int r = start[t]; r < start[t + 1]; r++) Add(w, flat[r], L, e);
                            int k = fx.Dynamic(s, t, history, keys);
                            dynCount[i] = 0;
                            for (int j = 0; j < k; j++)
                            {
                                if (!rows.TryGet(keys[j], out var row))
                                {
                                    row = rows.Count;
                                    rows.Set(keys[j], row);
                                    if (row >= capacity)
                                    {
                                        capacity += Math.Max(1024, capacity / 4);
                                        Array.Resize(ref w, capacity * L);
                                        Array.Resize(ref u, capacity * L);
                                    }
                                }
                                dynRows[i * FeatureExtractor.MaxDynamicPerToken + dynCount[i]++] = row;
                                Add(w, row, L, e);
                            }
                        }
                        Viterbi.Decode(emissions.AsSpan(0, n * L), n, L, trans, allowed, predicted, scores, back);

                        var g = gold.AsSpan(sentence.First, n);
                        bool wrong = false;
                        for (int i = 0; i < n; i++)
                        {
                            int t = sentence.First + i;
                            int prevG = i == 0 ? L : g[i - 1], prevP = i == 0 ? L : predicted[i - 1];
                            if (prevG != prevP || g[i] != predicted[i])
                            {
                                trans[prevG * L + g[i]] += 1; transU[prevG * L + g[i]] += c;
                                trans[prevP * L + predicted[i]] -= 1; transU[prevP * L + predicted[i]] -= c;
                            }
                            if (g[i] == predicted[i]) continue;
                            wrong = true;
                            for (int r = start[t]; r < start[t + 1]; r++) Update(w, u, flat[r], L, g[i], predicted[i], c);
                            for (int j = 0; j < dynCount[i]; j++) Update(w, u, dynRows[i * FeatureExtractor.MaxDynamicPerToken + j], L, g[i], predicted[i], c);
                        }
                        if (wrong) errors++;
                        c++;
                        for (int i = 0; i < n; i++)
                            history.Add(fx.LowerHash(sentence.First + i), predicted[i]);
                    }
                }

                var avg = Average(w, u, c, rows.Count * L);
                var avgTrans = Average(trans, transU, c, trans.Length);
                double f1 = double.NaN;
                if (dev is not null)
                {
                    var model = new NerModel(types, lexicon, rows, avg, avgTrans, "");
                    f1 = Evaluate(model, dev).Overall.F1;
                }
                epochs.Add(new NerEpoch(run + 1, epoch, errors, f1, clock.Elapsed.TotalSeconds));
                options.Progress?.Invoke($"run {run + 1}, epoch {epoch,2}: {errors:N0} sentences wrong, dev F1 {f1:0.0000}, {clock.Elapsed.TotalSeconds:0.0}s");
                bool keep = options.Epochs > 0 ? epoch == target : f1 > bestF1;
                if (keep)
                {
                    bestF1 = f1;
                    bestEpoch = epoch;
                    bestWeights = avg;
                    bestTrans = avgTrans;
                }
                if (options.Epochs == 0 && dev is not null && epoch - bestEpoch >= options.Patience) break;
            }

            // Features first seen after the best epoch (prediction-history keys) get zero weight.
            if (bestWeights!.Length < rows.Count * L) Array.Resize(ref bestWeights, rows.Count * L);
            bestEpochs.Add(bestEpoch);
            if (mixWeights is null) { mixWeights = bestWeights; mixTrans = bestTrans; }
            else
            {
                if (mixWeights.Length < bestWeights.Length) Array.Resize(ref mixWeights, bestWeights.Length);
                for (int i = 0; i < bestWeights.Length; i++) mixWeights[i] += bestWeights[i];
                for (int i = 0; i < bestTrans!.Length; i++) mixTrans![i] += bestTrans[i];
            }
        }
        if (mixWeights!.Length < rows.Count * L) Array.Resize(ref mixWeights, rows.Count * L);
        if (runs > 1)
        {
            for (int i = 0; i < mixWeights.Length; i++) mixWeights[i] /= runs;
            for (int i = 0; i < mixTrans!.Length; i++) mixTrans[i] /= runs;
        }
        var meta = metadata?.Invoke(bestEpochs[0], string.Join(",", types)) ?? "";
        return (new NerModel(types, lexicon, rows, mixWeights, mixTrans!, meta), epochs, bestEpochs);
    }

    /// <summary>Scores a model on CoNLL documents with conlleval's rules.</summary>
    public static ConllScorer Evaluate(NerModel model, IReadOnlyList<ConllDocument> documents, Func<string, string>? mapType = null)
    {
        var scorer = new ConllScorer();
        var work = new TaggerWorkspace();
        var spans = new List<(int First, int End, int Type)>();
        foreach (var d in documents)
        {
            var td = d.ToTaggingDocument();
            spans.Clear();
            model.Tag(td, work, spans);
            int si = 0;
            for (int s = 0; s < d.Sentences.Count; s++)
            {
                var range = td.Sentences[s];
                var gold = ConllCorpus.Chunks(d.Sentences[s].Tags);
                var predicted = new List<(int, int, string)>();
                while (si < spans.Count && spans[si].First < range.End)
                {
                    var (first, end, type) = spans[si++];
                    var name = model.Types[type];
                    predicted.Add((first - range.First, end - range.First, mapType?.Invoke(name) ?? name));
                }
                scorer.Add(gold, predicted);
            }
        }
        return scorer;
    }

    private static string[] TypesOf(IReadOnlyList<ConllDocument> train)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in train)
            foreach (var s in d.Sentences)
                foreach (var c in ConllCorpus.Chunks(s.Tags)) seen.Add(c.Type);
        return PreferredTypes.Where(seen.Contains).Concat(seen.Except(PreferredTypes).Order(StringComparer.Ordinal)).ToArray();
    }

    private static void Add(float[] w, int row, int L, Span<float> e)
    {
        var r = w.AsSpan(row * L, L);
        for (int y = 0; y < L; y++) e[y] += r[y];
    }

    private static void Update(float[] w, double[] u, int row, int L, int gold, int predicted, long c)
    {
        w[row * L + gold] += 1; u[row * L + gold] += c;
        w[row * L + predicted] -= 1; u[row * L + predicted] -= c;
    }

    // Daumé's trick: the average of all weight vectors seen is w − u / c.
    private static float[] Average(float[] w, double[] u, long c, int length)
    {
        var avg = new float[length];
        for (int i = 0; i < length; i++) avg[i] = (float)(w[i] - u[i] / c);
        return avg;
    }
}

/// <summary>A small seeded generator (SplitMix64): the same seed gives the same order on every machine and runtime.</summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void Shuffle(int[] items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)(Next() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
