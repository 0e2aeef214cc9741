namespace NewsGraph.Core.Extractors.Syntax;

/// <summary>One training sentence: words and their gold Penn Treebank tags.</summary>
public sealed record TaggedSentence(string[] Words, string[] Tags);

/// <summary>
/// Trains a <see cref="PosModel"/> with the averaged perceptron: tag left to right with the current
/// weights, and where a guess is wrong, move weight from the guess to the truth; the final weights are
/// the average over every step, which keeps the model from chasing the last sentences it saw.
/// Deterministic for a given seed, so <c>newsgraph train pos</c> reproduces the shipped model.
/// </summary>
public sealed class PosTrainer
{
    private readonly string[] _tagNames;
    private readonly Dictionary<string, byte> _tagIndex;
    private readonly Dictionary<ulong, Row> _rows = new();
    private int _step;

    private sealed class Row(int tags)
    {
        public readonly float[] Weights = new float[tags];
        public readonly double[] Totals = new double[tags];
        public readonly int[] Stamps = new int[tags];
    }

    public PosTrainer(IEnumerable<TaggedSentence> sentences)
    {
        _tagNames = sentences.SelectMany(s => s.Tags).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToArray();
        if (_tagNames.Length >= PosModel.Start) throw new ArgumentException("too many tags for the model format");
        _tagIndex = _tagNames.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => (byte)p.i, StringComparer.Ordinal);
    }

    /// <summary>Trains for <paramref name="iterations"/> passes; <paramref name="progress"/> hears each pass's training accuracy.</summary>
    public PosModel Train(IReadOnlyList<TaggedSentence> sentences, int iterations = 8, int seed = 2003, Action<int, double>? progress = null)
    {
        var unambiguous = UnambiguousWords(sentences);
        var allowed = AllowedTags(sentences);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(seed);
        Span<ulong> features = stackalloc ulong[PosFeatures.MaxFeatures];
        var scores = new float[_tagNames.Length];
        for (int pass = 1; pass <= iterations; pass++)
        {
            int right = 0, total = 0;
            foreach (var index in order)
            {
                var s = sentences[index];
                var words = s.Words.Select(w => PosFeatures.Form(w)).ToArray();
                int prev = PosModel.Start, prev2 = PosModel.Start;
                for (int i = 0; i < words.Length; i++)
                {
                    byte truth = _tagIndex[s.Tags[i]];
                    byte guess;
                    if (unambiguous.TryGetValue(words[i], out var known)) guess = known;
                    else
                    {
                        int n = PosFeatures.Extract(words, i, prev, prev2, features);
                        guess = Predict(features[..n], scores, allowed.TryGetValue(words[i], out var mask) ? mask : ulong.MaxValue);
                        _step++;
                        if (guess != truth) Update(features[..n], truth, guess);
                    }
                    if (guess == truth) right++;
                    total++;
                    prev2 = prev;
                    prev = guess;
                }
            }
            progress?.Invoke(pass, total == 0 ? 0 : (double)right / total);
            random.Shuffle(order);
        }
        return Average(unambiguous, allowed);
    }

    /// <summary>Share of the words of <paramref name="sentences"/> the model tags as the gold data does.</summary>
    public static double Accuracy(PosTagger tagger, IEnumerable<TaggedSentence> sentences)
    {
        int right = 0, total = 0;
        foreach (var s in sentences)
        {
            var words = s.Words.Select(w => PosFeatures.Form(w)).ToArray();
            var tags = new byte[words.Length];
            tagger.Tag(words, tags);
            for (int i = 0; i < words.Length; i++)
            {
                if (tagger.TagName(tags[i]) == s.Tags[i]) right++;
                total++;
            }
        }
        return total == 0 ? 0 : (double)right / total;
    }

    private byte Predict(ReadOnlySpan<ulong> features, float[] scores, ulong allowed)
    {
        Array.Clear(scores);
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row)) continue;
            for (int t = 0; t < scores.Length; t++) scores[t] += row.Weights[t];
        }
        return (byte)PosTagger.Best(scores, allowed);
    }

    private void Update(ReadOnlySpan<ulong> features, byte truth, byte guess)
    {
        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row)) _rows[f] = row = new Row(_tagNames.Length);
            Bump(row, truth, 1);
            Bump(row, guess, -1);
        }
    }

    private void Bump(Row row, int tag, float delta)
    {
        row.Totals[tag] += (_step - row.Stamps[tag]) * (double)row.Weights[tag];
        row.Stamps[tag] = _step;
        row.Weights[tag] += delta;
    }

    private PosModel Average(Dictionary<string, byte> unambiguous, Dictionary<string, ulong> allowed)
    {
        var index = new Dictionary<ulong, int>();
        var first = new List<int>();
        var tags = new List<byte>();
        var weights = new List<float>();
        foreach (var (hash, row) in _rows.OrderBy(p => p.Key))
        {
            int start = tags.Count;
            for (int t = 0; t < _tagNames.Length; t++)
            {
                double total = row.Totals[t] + (_step - row.Stamps[t]) * (double)row.Weights[t];
                float average = (float)(total / Math.Max(1, _step));
                // A weight that rounds to nothing at the stored precision only costs space.
                if (Math.Abs(average) < 0.0005f) continue;
                tags.Add((byte)t);
                weights.Add(average);
            }
            if (tags.Count == start) continue;
            index[hash] = first.Count;
            first.Add(start);
        }
        first.Add(tags.Count);
        return new PosModel(_tagNames, unambiguous, allowed, index, first.ToArray(), tags.ToArray(), weights.ToArray());
    }

    /// <summary>The tags of every word seen at least 5 times (rarer words may yet take tags training never showed them with).</summary>
    private Dictionary<string, ulong> AllowedTags(IEnumerable<TaggedSentence> sentences)
    {
        var counts = new Dictionary<string, (int Count, ulong Mask)>(StringComparer.Ordinal);
        foreach (var s in sentences)
            for (int i = 0; i < s.Words.Length; i++)
            {
                var word = PosFeatures.Form(s.Words[i]);
                var (count, mask) = counts.GetValueOrDefault(word);
                counts[word] = (count + 1, mask | 1UL << _tagIndex[s.Tags[i]]);
            }
        return counts.Where(p => p.Value.Count >= 5).ToDictionary(p => p.Key, p => p.Value.Mask, StringComparer.Ordinal);
    }

    /// <summary>Words seen at least 20 times with one tag at least 97% of the time.</summary>
    private Dictionary<string, byte> UnambiguousWords(IEnumerable<TaggedSentence> sentences)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
            for (int i = 0; i < s.Words.Length; i++)
            {
                var word = PosFeatures.Form(s.Words[i]);
                if (!counts.TryGetValue(word, out var byTag)) counts[word] = byTag = new Dictionary<string, int>(StringComparer.Ordinal);
                byTag[s.Tags[i]] = byTag.GetValueOrDefault(s.Tags[i]) + 1;
            }
        var result = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (word, byTag) in counts)
        {
            int total = byTag.Values.Sum();
            var (tag, count) = byTag.MaxBy(p => p.Value);
            if (total >= 20 && count >= 0.97 * total) result[word] = _tagIndex[tag];
        }
        return result;
    }

    /// <summary>Reads CoNLL columns (word first, the tag in column <paramref name="tagColumn"/>); a blank line ends a sentence.</summary>
    public static List<TaggedSentence> ReadConll(string path, int tagColumn = 1)
    {
        var result = new List<TaggedSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (words.Count > 0) result.Add(new TaggedSentence(words.ToArray(), tags.ToArray()));
                words.Clear();
                tags.Clear();
                continue;
            }
            var columns = line.Split(' ');
            if (columns.Length <= tagColumn) throw new InvalidDataException($"{path}: a line with fewer than {tagColumn + 1} columns: '{line}'");
            words.Add(columns[0]);
            tags.Add(columns[tagColumn]);
        }
        if (words.Count > 0) result.Add(new TaggedSentence(words.ToArray(), tags.ToArray()));
        return result;
    }
}
