using System.IO.Compression;
using System.Text;
using NewsGraph.Core.Extractors.Entities.Tagging;

namespace NewsGraph.Core.Extractors.Syntax;

/// <summary>
/// A trained averaged-perceptron part-of-speech model: the Penn Treebank tags, a dictionary of
/// words that always take one tag, and sparse feature weights. Read-only once loaded, so one
/// instance serves every thread. Stored gzip-compressed (see <see cref="Save"/>).
/// </summary>
public sealed class PosModel
{
    private const int Magic = 0x4E475053; // "NGPS"
    private const int Version = 2;
    /// <summary>The tag index standing for "before the sentence".</summary>
    public const int Start = 255;

    // Feature hash to row: an open-addressing table, since every tagged word looks up some twenty
    // features and a Dictionary's lookups were most of the tagger's time.
    private readonly HashIndex _rows;
    // Feature row r has weights _tags[_first[r] .. _first[r + 1]) with values _weights[..].
    private readonly int[] _first;
    private readonly byte[] _tags;
    private readonly float[] _weights;

    internal PosModel(string[] tagNames, Dictionary<string, byte> unambiguous, Dictionary<string, ulong> allowed, Dictionary<ulong, int> rows, int[] first, byte[] tags, float[] weights)
    {
        TagNames = tagNames;
        Unambiguous = unambiguous;
        Allowed = allowed;
        _rows = new HashIndex(rows.Count);
        foreach (var (hash, row) in rows) _rows.Set(hash, row);
        _first = first;
        _tags = tags;
        _weights = weights;
    }

    public IReadOnlyList<string> TagNames { get; }
    /// <summary>Frequent words seen (almost) only ever with one tag: tagged without scoring.</summary>
    internal IReadOnlyDictionary<string, byte> Unambiguous { get; }
    /// <summary>
    /// For words seen often enough in training, the tags they were seen with (a bit per tag): the
    /// tagger chooses among those only, so "agree" is never a noun however odd the sentence around it.
    /// </summary>
    internal IReadOnlyDictionary<string, ulong> Allowed { get; }
    public int FeatureCount => _rows.Count;

    internal void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (!_rows.TryGet(f, out int row)) continue;
            for (int k = _first[row]; k < _first[row + 1]; k++) scores[_tags[k]] += _weights[k];
        }
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        w.Write(TagNames.Count);
        foreach (var t in TagNames) w.Write(t);
        w.Write(Unambiguous.Count);
        foreach (var (word, tag) in Unambiguous.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write(tag);
        }
        w.Write(Allowed.Count);
        foreach (var (word, mask) in Allowed.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write(mask);
        }
        w.Write(_rows.Count);
        foreach (var (hash, row) in _rows.Entries().OrderBy(p => p.Key))
        {
            w.Write(hash);
            int count = _first[row + 1] - _first[row];
            w.Write((byte)count);
            for (int k = _first[row]; k < _first[row + 1]; k++)
            {
                w.Write(_tags[k]);
                // Weights are kept to a thousandth: the tagger's decisions do not change and the model shrinks by half.
                w.Write((short)Math.Clamp(Math.Round(_weights[k] * 1000), short.MinValue, short.MaxValue));
            }
        }
    }

    public static PosModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(gzip, Encoding.UTF8);
        if (r.ReadInt32() != Magic) throw new InvalidDataException("not a NewsGraph part-of-speech model");
        if (r.ReadInt32() != Version) throw new InvalidDataException("unsupported part-of-speech model version");
        var tagNames = new string[r.ReadInt32()];
        for (int i = 0; i < tagNames.Length; i++) tagNames[i] = r.ReadString();
        int words = r.ReadInt32();
        var unambiguous = new Dictionary<string, byte>(words, StringComparer.Ordinal);
        for (int i = 0; i < words; i++) unambiguous[r.ReadString()] = r.ReadByte();
        int allowedCount = r.ReadInt32();
        var allowed = new Dictionary<string, ulong>(allowedCount, StringComparer.Ordinal);
        for (int i = 0; i < allowedCount; i++) allowed[r.ReadString()] = r.ReadUInt64();
        int rows = r.ReadInt32();
        var index = new Dictionary<ulong, int>(rows);
        var first = new int[rows + 1];
        var tags = new List<byte>(rows * 3);
        var weights = new List<float>(rows * 3);
        for (int row = 0; row < rows; row++)
        {
            index[r.ReadUInt64()] = row;
            first[row] = tags.Count;
            int count = r.ReadByte();
            for (int k = 0; k < count; k++)
            {
                tags.Add(r.ReadByte());
                weights.Add(r.ReadInt16() / 1000f);
            }
        }
        first[rows] = tags.Count;
        return new PosModel(tagNames, unambiguous, allowed, index, first, tags.ToArray(), weights.ToArray());
    }
}
