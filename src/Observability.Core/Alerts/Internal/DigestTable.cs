using System.Numerics;
using System.Runtime.CompilerServices;

namespace Observability.Internal;

/// <summary>
/// Values keyed by a fingerprint's <see cref="Digest"/>: one array of slots (the digest and the value side by side, 24 bytes
/// for an 8-byte value), open addressing with linear probing. A lookup reads one slot or a few neighbours, usually one
/// cache line, where a dictionary reads a bucket, then an entry elsewhere, then the key's string; growing copies the slots
/// in order, with no chains to rebuild; and a table of value-type values holds no reference for the garbage collector to
/// trace. Removal shifts the following slots back, so no tombstones pile up. The empty digest (all zeros, which
/// <see cref="Digest"/> never makes) marks a free slot. Not thread-safe: its owner calls it under a lock.
/// </summary>
/// <typeparam name="TValue">The value held per digest.</typeparam>
internal sealed class DigestTable<TValue>
    where TValue : struct
{
    private const int MinimumLength = 16;
    private Slot[] _slots = [];
    private int _count;

    public int Count => _count;

    /// <summary>Gets the value held for <paramref name="key"/>.</summary>
    public bool TryGetValue(Digest key, out TValue value)
    {
        var index = Find(key);
        value = index < 0 ? default : _slots[index].Value;
        return index >= 0;
    }

    /// <summary>Gets a reference to the value held for <paramref name="key"/>, or a null reference when it is not there; valid until the table changes.</summary>
    public ref TValue GetValueRefOrNullRef(Digest key)
    {
        var index = Find(key);
        return ref index < 0 ? ref Unsafe.NullRef<TValue>() : ref _slots[index].Value;
    }

    /// <summary>Gets a reference to the value held for <paramref name="key"/>, adding the key with a default value when it is not there; valid until the table changes.</summary>
    public ref TValue GetValueRefOrAddDefault(Digest key, out bool existed)
    {
        if (key == default)
        {
            throw new ArgumentException("The empty digest marks a free slot; it cannot be a key.", nameof(key));
        }

        if (_count + 1 > _slots.Length * 3 / 4)
        {
            Resize(Math.Max(MinimumLength, _slots.Length * 2));
        }

        var mask = _slots.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Key == default)
            {
                slot.Key = key;
                slot.Value = default;
                _count++;
                existed = false;
                return ref slot.Value;
            }

            if (slot.Key == key)
            {
                existed = true;
                return ref slot.Value;
            }
        }
    }

    /// <summary>Sets the value of <paramref name="key"/>, adding it when it is not there.</summary>
    public void Set(Digest key, TValue value) => GetValueRefOrAddDefault(key, out _) = value;

    /// <summary>Removes <paramref name="key"/>; <see langword="false"/> when it was not there.</summary>
    public bool Remove(Digest key)
    {
        var hole = Find(key);
        if (hole < 0)
        {
            return false;
        }

        // Backward shift: each following slot of the run that may live in the hole moves into it, until the run ends.
        var mask = _slots.Length - 1;
        for (var next = (hole + 1) & mask; _slots[next].Key != default; next = (next + 1) & mask)
        {
            var home = Home(_slots[next].Key, mask);
            var movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable)
            {
                _slots[hole] = _slots[next];
                hole = next;
            }
        }

        _slots[hole] = default;
        _count--;
        return true;
    }

    /// <summary>
    /// Removes every entry <paramref name="remove"/> picks, in one pass over the slots (each entry is shown once, removed or
    /// kept), and rebuilds the table with the ones kept, at twice their number: one pass, no shifting while walking.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public int RemoveWhere<TState>(TState state, Func<TState, Digest, TValue, bool> remove)
    {
        var old = _slots;
        var kept = new bool[old.Length];
        var live = 0;
        for (var i = 0; i < old.Length; i++)
        {
            if (old[i].Key != default && !remove(state, old[i].Key, old[i].Value))
            {
                kept[i] = true;
                live++;
            }
        }

        var removed = _count - live;
        if (removed > 0)
        {
            _slots = live == 0 ? [] : new Slot[Math.Max(MinimumLength, (int)BitOperations.RoundUpToPowerOf2((uint)(live * 2)))];
            _count = 0;
            for (var i = 0; i < old.Length; i++)
            {
                if (kept[i])
                {
                    Set(old[i].Key, old[i].Value);
                }
            }
        }

        return removed;
    }

    /// <summary>Empties the table; it keeps its room when that is at most <paramref name="keepUpTo"/> slots.</summary>
    public void Clear(int keepUpTo)
    {
        if (_slots.Length > keepUpTo)
        {
            _slots = [];
        }
        else
        {
            Array.Clear(_slots);
        }

        _count = 0;
    }

    /// <summary>Enumerates the entries, in no particular order; the table must not change meanwhile.</summary>
    public Enumerator GetEnumerator() => new(_slots);

    // Fibonacci hashing of the four words folded into one: a digest is uniform, and a key that differs from another in
    // any of its words lands elsewhere.
    private static int Home(Digest key, int mask) => (int)((key.Folded * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private int Find(Digest key)
    {
        if (_count == 0 || key == default)
        {
            return -1;
        }

        var mask = _slots.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.Key == default)
            {
                return -1;
            }

            if (slot.Key == key)
            {
                return i;
            }
        }
    }

    private void Resize(int length)
    {
        var old = _slots;
        _slots = new Slot[length];
        _count = 0;
        foreach (var slot in old)
        {
            if (slot.Key != default)
            {
                Set(slot.Key, slot.Value);
            }
        }
    }

    /// <summary>The entries' enumerator: a walk over the slots, skipping the free ones.</summary>
    public struct Enumerator(Slot[] slots)
    {
        private int _index = -1;

        public readonly (Digest Key, TValue Value) Current => (slots[_index].Key, slots[_index].Value);

        public bool MoveNext()
        {
            while (++_index < slots.Length)
            {
                if (slots[_index].Key != default)
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal struct Slot
    {
        public Digest Key;
        public TValue Value;
    }
}
