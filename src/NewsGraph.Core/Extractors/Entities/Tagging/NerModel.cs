using System.IO.Compression;
using System.Text;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// A trained entity tagger: averaged-perceptron weights per (feature, BILOU label), label
/// transition weights and the <see cref="Lexicon"/>. Immutable once built and safe to share
/// across threads; per-call state lives in a <see cref="TaggerWorkspace"/>.
///
/// File format (little-endian, deflate-compressed after the 8-byte header):
///   "NGNER" + version byte + 2 reserved bytes; then: metadata (UTF-8 JSON, length-prefixed),
///   entity type names, lexicon tables, transition weights (float), weight scale (float), and
///   per feature, in key order: key (uint64), number of labels with weight (byte), then
///   (label byte, int16 weight) pairs. Weights are quantised to 16 bits (weight = q × scale).
/// </summary>
internal sealed class NerModel
{
    public const byte FormatVersion = 2;
    private static readonly byte[] Magic = "NGNER"u8.ToArray();

    private readonly WeightTable _weights;
    private readonly float[] _transitions;   // (labels + 1) × labels
    private readonly LabelGrammar _grammar;

    public NerModel(string[] types, Lexicon lexicon, WeightTable weights, float[] transitions, string metadata)
    {
        Types = types;
        Labels = BilouLabels.Count(types.Length);
        Lexicon = lexicon;
        _weights = weights;
        _transitions = transitions;
        _grammar = Viterbi.Grammar(Labels);
        Metadata = metadata;
    }

    /// <summary>A model from trained float weights (rows × labels, rows named by <paramref name="rows"/>).</summary>
    public NerModel(string[] types, Lexicon lexicon, HashIndex rows, float[] weights, float[] transitions, string metadata)
        : this(types, lexicon, WeightTable.Quantise(rows, weights, BilouLabels.Count(types.Length)), transitions, metadata) { }

    /// <summary>The model's entity types, in label order (CoNLL's PER, ORG, LOC, MISC for the shipped model).</summary>
    public string[] Types { get; }
    public int Labels { get; }
    public Lexicon Lexicon { get; }
    public string Metadata { get; }
    public int FeatureCount => _weights.Count;

    /// <summary>The same weights with other metadata (the trainer records the scores it measured).</summary>
    public NerModel WithMetadata(string metadata) => new(Types, Lexicon, _weights, _transitions, metadata);

    /// <summary>Tags every sentence of a document; returns entity spans as (first token, end token, type index).</summary>
    public List<(int First, int End, int Type)> Tag(TaggingDocument document, TaggerWorkspace work)
    {
        var spans = new List<(int, int, int)>();
        Tag(document, work, spans);
        return spans;
    }

    public void Tag(TaggingDocument document, TaggerWorkspace work, List<(int First, int End, int Type)> spans)
    {
        var fx = work.Features(Lexicon);
        fx.Load(document);
        var history = work.History(Types.Length);
        history.Clear();
        var cache = work.WordScores(this);
        int L = Labels;
        float scale = _weights.Scale;
        Span<ulong> keys = stackalloc ulong[FeatureExtractor.MaxContextKeys + FeatureExtractor.MaxDynamicPerToken];
        Span<int> acc = stackalloc int[L];
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            int n = sentence.Count;
            if (n == 0) continue;
            work.Ensure(n, L);
            var emissions = work.Emissions.AsSpan(0, n * L);
            for (int i = 0; i < n; i++)
            {
                int t = sentence.First + i;
                acc.Clear();
                // The context keys first, so their weights are on the way while the cached word scores are summed.
                int k = fx.ContextKeys(s, t, keys);
                k += fx.Dynamic(s, t, history, keys[k..]);
                _weights.Prefetch(keys[..k]);
                // Features of each word in the window depend on that word alone: their summed weights are cached.
                for (int offset = -FeatureExtractor.Window; offset <= FeatureExtractor.Window; offset++)
                    WeightTable.AddInto(cache.Get(fx, s, t, offset, _weights), acc);
                foreach (var key in keys[..k]) _weights.AddTo(key, acc);
                var e = emissions.Slice(i * L, L);
                for (int y = 0; y < L; y++) e[y] = acc[y] * scale;
            }
            var labels = work.Labels.AsSpan(0, n);
            Viterbi.Decode(emissions, n, L, _transitions, _grammar, labels, work.Scores, work.Back);
            for (int i = 0; i < n; i++) history.Add(fx.LowerHash(sentence.First + i), labels[i]);
            BilouLabels.Spans(labels, sentence.First, spans);
        }
    }

    public void Save(Stream stream)
    {
        stream.Write(Magic);
        stream.WriteByte(FormatVersion);
        stream.WriteByte(0);
        stream.WriteByte(0);
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true);
        w.Write(Metadata);
        w.Write(Types.Length);
        foreach (var t in Types) w.Write(t);
        Lexicon.Write(w);
        foreach (var t in _transitions) w.Write(t);
        w.Write(_weights.Scale);
        // Features sorted by key: the same weights always give the same file.
        var entries = _weights.Entries().OrderBy(e => e.Key).ToList();
        w.Write(entries.Count);
        foreach (var (key, q) in entries)
        {
            w.Write(key);
            w.Write((byte)q.Count(v => v != 0));
            for (int y = 0; y < q.Length; y++)
            {
                if (q[y] == 0) continue;
                w.Write((byte)y);
                w.Write(q[y]);
            }
        }
    }

    /// <summary>Reads a model; a damaged or foreign file is an <see cref="InvalidDataException"/> naming the problem.</summary>
    public static NerModel Load(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        try
        {
            stream.ReadExactly(header);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("not a NewsGraph entity model (too short)");
        }
        if (!header[..5].SequenceEqual(Magic)) throw new InvalidDataException("not a NewsGraph entity model (bad magic bytes)");
        if (header[5] != FormatVersion) throw new InvalidDataException($"entity model format {header[5]} is not the supported {FormatVersion}; retrain it with 'newsgraph train ner'");
        using var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(deflate, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        try
        {
            var metadata = r.ReadString();
            int typeCount = r.ReadInt32();
            if (typeCount is < 1 or > 32) throw new InvalidDataException("entity type count out of range");
            var types = new string[typeCount];
            for (int i = 0; i < typeCount; i++) types[i] = r.ReadString();
            var lexicon = Lexicon.Read(r);
            int L = BilouLabels.Count(typeCount);
            var transitions = new float[(L + 1) * L];
            for (int i = 0; i < transitions.Length; i++) transitions[i] = r.ReadSingle();
            float scale = r.ReadSingle();
            int features = r.ReadInt32();
            if (features < 0 || features > 20_000_000) throw new InvalidDataException("feature count out of range");
            var table = new WeightTable(features, L, scale);
            var q = new short[L];
            for (int f = 0; f < features; f++)
            {
                ulong key = r.ReadUInt64();
                int count = r.ReadByte();
                Array.Clear(q);
                for (int k = 0; k < count; k++)
                {
                    int y = r.ReadByte();
                    if (y >= L) throw new InvalidDataException("label index out of range");
                    q[y] = r.ReadInt16();
                }
                table.Add(key, q);
            }
            return new NerModel(types, lexicon, table, transitions, metadata);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            // A cut file ends the deflate stream early (or leaves it invalid).
            throw new InvalidDataException("entity model file is truncated or damaged");
        }
    }
}

/// <summary>Per-thread scratch space for tagging: feature extractor, history, word score cache and decoding buffers.</summary>
internal sealed class TaggerWorkspace
{
    private FeatureExtractor? _features;
    private Lexicon? _lexicon;
    private PredictionHistory? _history;
    private WordScoreCache? _wordScores;
    public float[] Emissions = new float[64 * 17];
    public float[] Scores = new float[2 * 17];
    public int[] Back = new int[64 * 17];
    public int[] Labels = new int[64];

    public FeatureExtractor Features(Lexicon lexicon)
    {
        if (_features is null || !ReferenceEquals(_lexicon, lexicon)) { _features = new FeatureExtractor(lexicon); _lexicon = lexicon; }
        return _features;
    }

    public PredictionHistory History(int types) => _history ??= new PredictionHistory(types);

    public WordScoreCache WordScores(NerModel model)
    {
        if (_wordScores is null || !ReferenceEquals(_wordScores.Model, model)) _wordScores = new WordScoreCache(model);
        return _wordScores;
    }

    public void Ensure(int n, int labels)
    {
        if (Emissions.Length < n * labels) { Emissions = new float[n * labels * 2]; Back = new int[n * labels * 2]; }
        if (Labels.Length < n) Labels = new int[n * 2];
        if (Scores.Length < 2 * labels) Scores = new float[2 * labels];
    }
}

/// <summary>
/// Summed weights of the features that depend on one word at one window offset, per word: the
/// same words recur all through the news, so most tokens need five cache probes instead of
/// thirty feature lookups. Bounded; emptied when full.
/// </summary>
internal sealed class WordScoreCache(NerModel model)
{
    private const int Limit = 1 << 16;
    private readonly HashIndex _index = new(Limit);
    private readonly int _labels = model.Labels;
    private int[] _scores = new int[4096 * model.Labels];
    private readonly ulong[] _keys = new ulong[FeatureExtractor.MaxWordKeys];

    public NerModel Model { get; } = model;

    public ReadOnlySpan<int> Get(FeatureExtractor fx, int sentence, int t, int offset, WeightTable weights)
    {
        ulong id = FeatureHash.Key(200 + offset, fx.WordIdentity(sentence, t, offset));
        if (_index.TryGet(id, out var entry)) return _scores.AsSpan(entry * _labels, _labels);
        if (_index.Count >= Limit) _index.Clear();
        entry = _index.Count;
        if ((entry + 1) * _labels > _scores.Length) Array.Resize(ref _scores, Math.Min(Limit * _labels, _scores.Length * 2));
        var sums = _scores.AsSpan(entry * _labels, _labels);
        sums.Clear();
        int n = fx.WordKeys(sentence, t, offset, _keys);
        for (int k = 0; k < n; k++) weights.AddTo(_keys[k], sums);
        _index.Set(id, entry);
        return sums;
    }
}
