using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// A trained entity tagger: averaged-perceptron weights per (feature, BILOU label), label
/// transition weights and the <see cref="Lexicon"/>. Immutable once loaded and safe to share
/// across threads; per-call state lives in a <see cref="TaggerWorkspace"/>.
///
/// File format (little-endian, deflate-compressed after the 8-byte header):
///   "NGNER" + version byte + 2 reserved bytes; then: metadata (UTF-8 JSON, length-prefixed),
///   entity type names, lexicon tables, transition weights (float), weight scale (float), and
///   per feature: key (uint64), number of labels with weight (byte), then (label byte, int16
///   weight) pairs. Weights are stored quantised to 16 bits (weight = q × scale).
/// </summary>
internal sealed class NerModel
{
    public const byte FormatVersion = 1;
    private static readonly byte[] Magic = "NGNER"u8.ToArray();

    private readonly HashIndex _rows;
    private readonly float[] _weights;       // rows × labels
    private readonly float[] _transitions;   // (labels + 1) × labels
    private readonly bool[] _allowed;

    public NerModel(string[] types, Lexicon lexicon, HashIndex rows, float[] weights, float[] transitions, string metadata)
    {
        Types = types;
        Labels = BilouLabels.Count(types.Length);
        Lexicon = lexicon;
        _rows = rows;
        _weights = weights;
        _transitions = transitions;
        _allowed = Viterbi.Grammar(Labels);
        Metadata = metadata;
    }

    /// <summary>The model's entity types, in label order (CoNLL's PER, ORG, LOC, MISC for the shipped model).</summary>
    public string[] Types { get; }
    public int Labels { get; }
    public Lexicon Lexicon { get; }
    public string Metadata { get; }
    public int FeatureCount => _rows.Count;
    internal HashIndex Rows => _rows;
    internal float[] Weights => _weights;
    internal float[] Transitions => _transitions;

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
        int L = Labels;
        Span<ulong> keys = stackalloc ulong[FeatureExtractor.MaxStaticPerToken + FeatureExtractor.MaxDynamicPerToken];
        for (int s = 0; s < document.Sentences.Length; s++)
        {
            var sentence = document.Sentences[s];
            int n = sentence.Count;
            if (n == 0) continue;
            work.Ensure(n, L);
            var emissions = work.Emissions.AsSpan(0, n * L);
            emissions.Clear();
            for (int i = 0; i < n; i++)
            {
                int t = sentence.First + i;
                int k = fx.Static(s, t, keys);
                k += fx.Dynamic(s, t, history, keys[k..]);
                AddWeights(keys[..k], emissions.Slice(i * L, L));
            }
            var labels = work.Labels.AsSpan(0, n);
            Viterbi.Decode(emissions, n, L, _transitions, _allowed, labels, work.Scores, work.Back);
            for (int i = 0; i < n; i++)
            {
                int t = sentence.First + i;
                history.Add(fx.LowerHash(t), labels[i]);
            }
            BilouLabels.Spans(labels, sentence.First, spans);
        }
    }

    private void AddWeights(ReadOnlySpan<ulong> keys, Span<float> scores)
    {
        int L = Labels;
        var weights = _weights;
        foreach (var key in keys)
        {
            if (!_rows.TryGet(key, out var row)) continue;
            var w = weights.AsSpan(row * L, L);
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                int width = Vector<float>.Count;
                for (; i + width <= L; i += width)
                {
                    var sum = new Vector<float>(scores.Slice(i, width)) + new Vector<float>(w.Slice(i, width));
                    sum.CopyTo(scores.Slice(i, width));
                }
            }
            for (; i < L; i++) scores[i] += w[i];
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

        int L = Labels;
        float max = 0;
        foreach (var v in _weights) max = Math.Max(max, Math.Abs(v));
        float scale = max > 0 ? max / short.MaxValue : 1;
        w.Write(scale);
        // Features sorted by key: the same weights always give the same file.
        var rows = _rows.Entries().OrderBy(e => e.Key).ToArray();
        var kept = new List<(ulong Key, int Row)>();
        foreach (var (key, row) in rows)
        {
            bool any = false;
            for (int y = 0; y < L && !any; y++) any = (short)MathF.Round(_weights[row * L + y] / scale) != 0;
            if (any) kept.Add((key, row));
        }
        w.Write(kept.Count);
        foreach (var (key, row) in kept)
        {
            w.Write(key);
            int count = 0;
            for (int y = 0; y < L; y++) if ((short)MathF.Round(_weights[row * L + y] / scale) != 0) count++;
            w.Write((byte)count);
            for (int y = 0; y < L; y++)
            {
                var q = (short)MathF.Round(_weights[row * L + y] / scale);
                if (q == 0) continue;
                w.Write((byte)y);
                w.Write(q);
            }
        }
    }

    /// <summary>Reads a model; a damaged or foreign file is an <see cref="InvalidDataException"/> naming the problem.</summary>
    public static NerModel Load(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        stream.ReadExactly(header);
        if (!header[..5].SequenceEqual(Magic)) throw new InvalidDataException("not a NewsGraph entity model (bad magic bytes)");
        if (header[5] != FormatVersion) throw new InvalidDataException($"entity model format {header[5]} is not the supported {FormatVersion}");
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
            var rowIndex = new HashIndex(features);
            var weights = new float[(long)features * L];
            for (int f = 0; f < features; f++)
            {
                ulong key = r.ReadUInt64();
                int count = r.ReadByte();
                for (int k = 0; k < count; k++)
                {
                    int y = r.ReadByte();
                    short q = r.ReadInt16();
                    if (y >= L) throw new InvalidDataException("label index out of range");
                    weights[f * L + y] = q * scale;
                }
                rowIndex.Set(key, f);
            }
            return new NerModel(types, lexicon, rowIndex, weights, transitions, metadata);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("entity model file is truncated");
        }
    }
}

/// <summary>Per-thread scratch space for tagging: feature extractor, history and decoding buffers.</summary>
internal sealed class TaggerWorkspace
{
    private FeatureExtractor? _features;
    private Lexicon? _lexicon;
    private PredictionHistory? _history;
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

    public void Ensure(int n, int labels)
    {
        if (Emissions.Length < n * labels) { Emissions = new float[n * labels * 2]; Back = new int[n * labels * 2]; }
        if (Labels.Length < n) Labels = new int[n * 2];
        if (Scores.Length < 2 * labels) Scores = new float[2 * labels];
    }
}
