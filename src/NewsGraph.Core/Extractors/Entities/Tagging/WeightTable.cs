using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// The tagger's weights as the hot path wants them: one open-addressing table whose slots hold
/// the feature key and its per-label weights side by side (16-bit, weight = value × Scale), so a
/// feature costs one probe into one cache line or two, not a key lookup plus a row fetch.
/// </summary>
internal sealed class WeightTable
{
    private const int KeyShorts = 4;
    private readonly short[] _slots;
    private readonly int _mask;
    private readonly int _stride;

    public WeightTable(int features, int labels, float scale)
    {
        Labels = labels;
        Scale = scale;
        _stride = (KeyShorts + labels + 3) & ~3;
        int capacity = 16;
        while (capacity < features + features / 2 + 1) capacity <<= 1;
        _slots = new short[(long)capacity * _stride];
        _mask = capacity - 1;
    }

    public int Labels { get; }
    public float Scale { get; }
    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Nonzero(ulong key) => key == 0 ? 1 : key;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong KeyAt(int slot) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<short, byte>(ref _slots[slot * _stride]));

    public void Add(ulong key, ReadOnlySpan<short> weights)
    {
        key = Nonzero(key);
        int slot = (int)(key >> 20) & _mask;
        while (KeyAt(slot) != 0 && KeyAt(slot) != key) slot = (slot + 1) & _mask;
        if (KeyAt(slot) == 0) Count++;
        Unsafe.WriteUnaligned(ref Unsafe.As<short, byte>(ref _slots[slot * _stride]), key);
        weights.CopyTo(_slots.AsSpan(slot * _stride + KeyShorts, Labels));
    }

    /// <summary>Adds the feature's weights to <paramref name="scores"/>; false when the model does not know the feature.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool AddTo(ulong key, Span<int> scores)
    {
        key = Nonzero(key);
        int slot = (int)(key >> 20) & _mask;
        while (true)
        {
            ulong k = KeyAt(slot);
            if (k == key) break;
            if (k == 0) return false;
            slot = (slot + 1) & _mask;
        }
        var w = _slots.AsSpan(slot * _stride + KeyShorts, Labels);
        int y = 0;
        // Sixteen labels at a time, widened to ints: integer sums, so the same totals in any order.
        if (Vector256.IsHardwareAccelerated)
        {
            for (; y + Vector256<short>.Count <= w.Length; y += Vector256<short>.Count)
            {
                var (low, high) = Vector256.Widen(Vector256.Create<short>(w.Slice(y, Vector256<short>.Count)));
                var lowSums = scores.Slice(y, Vector256<int>.Count);
                var highSums = scores.Slice(y + Vector256<int>.Count, Vector256<int>.Count);
                (Vector256.Create<int>(lowSums) + low).CopyTo(lowSums);
                (Vector256.Create<int>(highSums) + high).CopyTo(highSums);
            }
        }
        for (; y < w.Length; y++) scores[y] += w[y];
        return true;
    }

    /// <summary>
    /// Asks the processor to start fetching the keys' slots: a token's context features land all over
    /// a table far bigger than the caches, and fetched together their misses overlap instead of queueing.
    /// </summary>
    public unsafe void Prefetch(ReadOnlySpan<ulong> keys)
    {
        if (!Sse.IsSupported) return;
        foreach (var key in keys)
        {
            int slot = (int)(Nonzero(key) >> 20) & _mask;
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[slot * _stride]));
        }
    }

    /// <summary>Adds <paramref name="values"/> into <paramref name="sums"/> label by label (a word's cached scores into a token's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInto(ReadOnlySpan<int> values, Span<int> sums)
    {
        int y = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; y + Vector256<int>.Count <= values.Length; y += Vector256<int>.Count)
            {
                var into = sums.Slice(y, Vector256<int>.Count);
                (Vector256.Create<int>(into) + Vector256.Create<int>(values.Slice(y, Vector256<int>.Count))).CopyTo(into);
            }
        for (; y < values.Length; y++) sums[y] += values[y];
    }

    public IEnumerable<(ulong Key, short[] Weights)> Entries()
    {
        for (int slot = 0; slot <= _mask; slot++)
        {
            ulong k = KeyAt(slot);
            if (k != 0) yield return (k, _slots.AsSpan(slot * _stride + KeyShorts, Labels).ToArray());
        }
    }

    /// <summary>Quantises trained float weights (rows × labels, rows named by <paramref name="rows"/>), dropping all-zero rows.</summary>
    public static WeightTable Quantise(HashIndex rows, float[] weights, int labels)
    {
        float max = 0;
        foreach (var v in weights) max = Math.Max(max, Math.Abs(v));
        float scale = max > 0 ? max / short.MaxValue : 1;
        var kept = new List<(ulong Key, short[] Q)>();
        foreach (var (key, row) in rows.Entries().OrderBy(e => e.Key))
        {
            if ((long)row * labels >= weights.Length) continue;
            var q = new short[labels];
            bool any = false;
            for (int y = 0; y < labels; y++)
            {
                q[y] = (short)MathF.Round(weights[row * labels + y] / scale);
                any |= q[y] != 0;
            }
            if (any) kept.Add((key, q));
        }
        var table = new WeightTable(kept.Count, labels, scale);
        foreach (var (key, q) in kept) table.Add(key, q);
        return table;
    }
}
