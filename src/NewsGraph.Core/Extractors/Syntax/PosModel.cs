using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Text;

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

    // Feature hash to its weights, in one open-addressing table whose slots hold the hash beside
    // where its weights start and how many there are: every tagged word scores some twenty
    // features, and each costs one probe plus one run of (tag, weight) pairs, a cache miss or two
    // where a Dictionary and three parallel arrays cost five.
    private readonly FeatureSlot[] _slots;
    private readonly int _mask;
    private readonly TagWeight[] _weights;

    private readonly record struct FeatureSlot(ulong Hash, int First, int Count);
    private readonly record struct TagWeight(int Tag, float Weight);

    internal PosModel(string[] tagNames, Dictionary<string, byte> unambiguous, Dictionary<string, ulong> allowed, Dictionary<ulong, int> rows, int[] first, byte[] tags, float[] weights)
    {
        TagNames = tagNames;
        Unambiguous = unambiguous;
        Allowed = allowed;
        _known = new Dictionary<string, KnownWord>(unambiguous.Count + allowed.Count, StringComparer.Ordinal);
        foreach (var (word, mask) in allowed) _known[word] = new KnownWord(-1, mask);
        foreach (var (word, tag) in unambiguous) _known[word] = new KnownWord(tag, allowed.GetValueOrDefault(word, ulong.MaxValue));
        _weights = new TagWeight[tags.Length];
        for (int k = 0; k < tags.Length; k++) _weights[k] = new TagWeight(tags[k], weights[k]);
        int capacity = 16;
        while (capacity < rows.Count * 2) capacity <<= 1;
        _slots = new FeatureSlot[capacity];
        _mask = capacity - 1;
        foreach (var (hash, row) in rows)
        {
            // A feature without weights scores nothing: it is left out.
            if (first[row + 1] == first[row]) continue;
            FeatureCount++;
            int slot = SlotOf(hash);
            while (_slots[slot].Count != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new FeatureSlot(hash, first[row], first[row + 1] - first[row]);
        }
    }

    public IReadOnlyList<string> TagNames { get; }
    /// <summary>Frequent words seen (almost) only ever with one tag: tagged without scoring.</summary>
    internal IReadOnlyDictionary<string, byte> Unambiguous { get; }
    /// <summary>
    /// For words seen often enough in training, the tags they were seen with (a bit per tag): the
    /// tagger chooses among those only, so "agree" is never a noun however odd the sentence around it.
    /// </summary>
    internal IReadOnlyDictionary<string, ulong> Allowed { get; }
    public int FeatureCount { get; }

    /// <summary>What the model knows of a word before scoring it: its one tag (or -1), and the tags it may take.</summary>
    internal readonly record struct KnownWord(int Tag, ulong Allowed);
    private readonly Dictionary<string, KnownWord> _known;
    private static readonly KnownWord Unknown = new(-1, ulong.MaxValue);

    /// <summary>The word's entries in <see cref="Unambiguous"/> and <see cref="Allowed"/>, in one lookup.</summary>
    internal KnownWord Lookup(string word) => _known.TryGetValue(word, out var known) ? known : Unknown;

    private int SlotOf(ulong hash) => (int)(hash >> 20) & _mask;

    internal unsafe void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        var slots = _slots;
        // The features' slots and then their weights are all asked for before any is read, so the
        // cache misses of a word's twenty features overlap instead of queueing one after another.
        if (Sse.IsSupported)
            foreach (var f in features) Sse.Prefetch0(Unsafe.AsPointer(ref slots[SlotOf(f)]));
        Span<int> found = stackalloc int[features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            ulong f = features[i];
            // Rows are never empty (the constructor leaves them out), so a zero count marks a free slot.
            int slot = SlotOf(f);
            while (slots[slot].Count != 0 && slots[slot].Hash != f) slot = (slot + 1) & _mask;
            found[i] = slot;
            if (Sse.IsSupported && slots[slot].Count != 0) Sse.Prefetch0(Unsafe.AsPointer(ref _weights[slots[slot].First]));
        }
        // Summed in feature order, as ever: float sums depend on their order.
        foreach (int slot in found)
        {
            ref readonly var row = ref slots[slot];
            if (row.Count == 0) continue;
            foreach (var w in _weights.AsSpan(row.First, row.Count)) scores[w.Tag] += w.Weight;
        }
    }

    /// <summary>Every feature with its (tag, weight) pairs, in slot order.</summary>
    private IEnumerable<(ulong Hash, TagWeight[] Weights)> Features()
    {
        foreach (var slot in _slots)
            if (slot.Count != 0) yield return (slot.Hash, _weights.AsSpan(slot.First, slot.Count).ToArray());
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
        w.Write(FeatureCount);
        foreach (var (hash, row) in Features().OrderBy(p => p.Hash))
        {
            w.Write(hash);
            w.Write((byte)row.Length);
            foreach (var (tag, weight) in row)
            {
                w.Write((byte)tag);
                // Weights are kept to a thousandth: the tagger's decisions do not change and the model shrinks by half.
                w.Write((short)Math.Clamp(Math.Round(weight * 1000), short.MinValue, short.MaxValue));
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
