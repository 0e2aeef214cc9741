using System.Runtime.CompilerServices;

namespace NewsGraph.Core.Extractors.Entities.Tagging;

/// <summary>
/// A read-mostly open-addressing map from 64-bit hashes to ints: the tagger's feature,
/// cluster and gazetteer tables. Two flat arrays, no per-entry objects, so a model of a
/// million features loads in one pass and lookups touch at most a couple of cache lines.
/// Build it on one thread, then share it read-only.
/// </summary>
internal sealed class HashIndex
{
    private ulong[] _keys;
    private int[] _values;
    private int _mask;

    public HashIndex(int expected = 16)
    {
        int capacity = 16;
        while (capacity < expected * 2) capacity <<= 1;
        _keys = new ulong[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
    }

    public int Count { get; private set; }

    // Zero marks an empty slot; a real hash of zero is nudged (one key in 2^64).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Nonzero(ulong key) => key == 0 ? 1 : key;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ulong key, out int value)
    {
        key = Nonzero(key);
        int slot = (int)(key >> 20) & _mask;
        var keys = _keys;
        while (true)
        {
            ulong k = keys[slot];
            if (k == key) { value = _values[slot]; return true; }
            if (k == 0) { value = 0; return false; }
            slot = (slot + 1) & _mask;
        }
    }

    public int GetOrDefault(ulong key, int fallback) => TryGet(key, out var v) ? v : fallback;

    /// <summary>Sets the value for a key (adding it when absent).</summary>
    public void Set(ulong key, int value)
    {
        if ((Count + 1) * 2 > _keys.Length) Grow();
        key = Nonzero(key);
        int slot = (int)(key >> 20) & _mask;
        while (true)
        {
            ulong k = _keys[slot];
            if (k == key) { _values[slot] = value; return; }
            if (k == 0) { _keys[slot] = key; _values[slot] = value; Count++; return; }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Returns the value for a key, adding it with <paramref name="value"/> when absent.</summary>
    public int GetOrAdd(ulong key, int value)
    {
        if (TryGet(key, out var existing)) return existing;
        Set(key, value);
        return value;
    }

    /// <summary>Empties the map, keeping its capacity (per-document tables are reused).</summary>
    public void Clear()
    {
        if (Count == 0) return;
        Array.Clear(_keys);
        Count = 0;
    }

    /// <summary>Every (key, value) pair, in slot order.</summary>
    public IEnumerable<(ulong Key, int Value)> Entries()
    {
        for (int i = 0; i < _keys.Length; i++)
            if (_keys[i] != 0) yield return (_keys[i], _values[i]);
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldValues = _values;
        _keys = new ulong[oldKeys.Length * 2];
        _values = new int[oldKeys.Length * 2];
        _mask = _keys.Length - 1;
        Count = 0;
        for (int i = 0; i < oldKeys.Length; i++)
            if (oldKeys[i] != 0) Set(oldKeys[i], oldValues[i]);
    }
}
