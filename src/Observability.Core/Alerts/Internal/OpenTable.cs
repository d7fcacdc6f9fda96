using System.Numerics;
using System.Runtime.CompilerServices;

namespace Observability.Internal;

/// <summary>
/// A hash table of value-type keys and values side by side in slots (a fingerprint's <see cref="Digest"/> and an 8-byte
/// value: 24 bytes), open addressing with linear probing, filled to three quarters. A lookup reads one slot or a few
/// neighbours, usually one cache line, where a dictionary reads a bucket, then an entry elsewhere, then the key's string
/// (and sizes its entries for twice what they hold after each growth); growing copies the slots in order, with no chains
/// to rebuild. Removal shifts the following slots back, so no tombstones pile up. The empty key (the default,
/// <see cref="ITableKey{TKey}.IsEmpty"/>, which no real key is) marks a free slot.
/// <para>
/// Slots without references (the dedupe store's expiries, the inhibition index's tracked sources) live in native memory (<see cref="NativeBuffer"/>), freed as
/// soon as a growth has copied them, and when the table is collected: grown in the garbage-collected heap, the arrays of a
/// storm's tables go to the large object heap, whose budget, once spent, starts a full background collection in the middle
/// of the storm (a 40,000 storm's tables grew about 12 MB of large arrays, the budget after a full collection is about 5 MB
/// when little else is large). Slots that hold references stay in a managed array.
/// </para>
/// Not thread-safe: its owner calls it under a lock.
/// </summary>
/// <typeparam name="TKey">The key: its hash and equality, and the empty value that marks a free slot.</typeparam>
/// <typeparam name="TValue">The value held per key.</typeparam>
internal sealed unsafe class OpenTable<TKey, TValue>
    where TKey : struct, ITableKey<TKey>
    where TValue : struct
{
    private const int MinimumLength = 16;
    private static readonly bool Native = !RuntimeHelpers.IsReferenceOrContainsReferences<Slot>();
    private Slot[] _slots = []; // managed storage
    private NativeBuffer? _buffer; // native storage
    private void* _base;
    private int _length; // a power of two, or 0
    private int _count;

    public int Count => _count;

    /// <summary>Gets how many slots the table has (a power of two, or zero).</summary>
    internal int Capacity => _length;

    /// <summary>Gets whether the slots live in native memory (they hold no references).</summary>
    internal static bool InNativeMemory => Native;

    /// <summary>Gets the value held for <paramref name="key"/>.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        var index = Find(key);
        value = index < 0 ? default : At(index).Value;
        return index >= 0;
    }

    /// <summary>Gets a reference to the value held for <paramref name="key"/>, or a null reference when it is not there; valid until the table changes.</summary>
    public ref TValue GetValueRefOrNullRef(TKey key)
    {
        var index = Find(key);
        return ref index < 0 ? ref Unsafe.NullRef<TValue>() : ref At(index).Value;
    }

    /// <summary>Gets a reference to the value held for <paramref name="key"/>, adding the key with a default value when it is not there; valid until the table changes.</summary>
    public ref TValue GetValueRefOrAddDefault(TKey key, out bool existed)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The empty key marks a free slot; it cannot be a key.", nameof(key));
        }

        if (_count + 1 > _length * 3 / 4)
        {
            Resize(Math.Max(MinimumLength, _length * 2));
        }

        var mask = _length - 1;
        for (var i = Home(key.Hash, mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref At(i);
            if (slot.Key.IsEmpty)
            {
                slot.Key = key;
                slot.Value = default;
                _count++;
                existed = false;
                return ref slot.Value;
            }

            if (slot.Key.Equals(key))
            {
                existed = true;
                return ref slot.Value;
            }
        }
    }

    /// <summary>Sets the value of <paramref name="key"/>, adding it when it is not there.</summary>
    public void Set(TKey key, TValue value) => GetValueRefOrAddDefault(key, out _) = value;

    /// <summary>Removes <paramref name="key"/>; <see langword="false"/> when it was not there.</summary>
    public bool Remove(TKey key)
    {
        var hole = Find(key);
        if (hole < 0)
        {
            return false;
        }

        // Backward shift: each following slot of the run that may live in the hole moves into it, until the run ends.
        var mask = _length - 1;
        for (var next = (hole + 1) & mask; !At(next).Key.IsEmpty; next = (next + 1) & mask)
        {
            var home = Home(At(next).Key.Hash, mask);
            var movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable)
            {
                At(hole) = At(next);
                hole = next;
            }
        }

        At(hole) = default;
        _count--;
        return true;
    }

    /// <summary>
    /// Removes every entry <paramref name="remove"/> picks, in one pass over the slots (each entry is shown once, removed or
    /// kept), and rebuilds the table with the ones kept, at twice their number: one pass, no shifting while walking.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public int RemoveWhere<TState>(TState state, Func<TState, TKey, TValue, bool> remove)
    {
        var kept = new ulong[(_length + 63) / 64]; // a bit per slot
        var live = 0;
        for (var i = 0; i < _length; i++)
        {
            ref readonly var slot = ref At(i);
            if (!slot.Key.IsEmpty && !remove(state, slot.Key, slot.Value))
            {
                kept[i >> 6] |= 1UL << (i & 63);
                live++;
            }
        }

        var removed = _count - live;
        if (removed > 0)
        {
            Rebuild(live == 0 ? 0 : Math.Max(MinimumLength, (int)BitOperations.RoundUpToPowerOf2((uint)(live * 2))), kept);
        }

        return removed;
    }

    /// <summary>Empties the table; it keeps its room when that is at most <paramref name="keepUpTo"/> slots.</summary>
    public void Clear(int keepUpTo)
    {
        if (_length > keepUpTo)
        {
            Allocate(0);
        }
        else if (Native)
        {
            new Span<byte>(_base, _length * Unsafe.SizeOf<Slot>()).Clear();
        }
        else
        {
            Array.Clear(_slots);
        }

        _count = 0;
    }

    /// <summary>
    /// Gets a reference to the value of the first key with hash <paramref name="hash"/> that <paramref name="match"/> accepts
    /// (with its value), and that key; a null reference when there is none. For a lookup by what a key stands for, or by
    /// what a value holds, when the key itself is not at hand: one probe run, as for any key with that hash.
    /// </summary>
    public ref TValue FindMatching<TState>(ulong hash, TState state, Func<TState, TKey, TValue, bool> match, out TKey key)
    {
        key = default;
        if (_count == 0)
        {
            return ref Unsafe.NullRef<TValue>();
        }

        var mask = _length - 1;
        for (var i = Home(hash, mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref At(i);
            if (slot.Key.IsEmpty)
            {
                return ref Unsafe.NullRef<TValue>();
            }

            if (slot.Key.Hash == hash && match(state, slot.Key, slot.Value))
            {
                key = slot.Key;
                return ref slot.Value;
            }
        }
    }

    /// <summary>Enumerates the entries, in no particular order; the table must not change meanwhile.</summary>
    public Enumerator GetEnumerator() => new(this);

    // Fibonacci hashing: the hash's bits spread over the slot number, whichever of them vary.
    private static int Home(ulong hash, int mask) => (int)((hash * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private ref Slot At(int index) => ref Native ? ref Unsafe.Add(ref Unsafe.AsRef<Slot>(_base), index) : ref _slots[index];

    private int Find(TKey key)
    {
        if (_count == 0 || key.IsEmpty)
        {
            return -1;
        }

        var mask = _length - 1;
        for (var i = Home(key.Hash, mask); ; i = (i + 1) & mask)
        {
            ref readonly var slot = ref At(i);
            if (slot.Key.IsEmpty)
            {
                return -1;
            }

            if (slot.Key.Equals(key))
            {
                return i;
            }
        }
    }

    // Fresh, empty room for `length` slots. The caller has kept or freed the old room.
    private void Allocate(int length)
    {
        if (Native)
        {
            _buffer?.Dispose();
            _buffer = length == 0 ? null : new NativeBuffer((nuint)length * (nuint)Unsafe.SizeOf<Slot>());
            _base = _buffer is null ? null : _buffer.Pointer;
        }
        else
        {
            _slots = length == 0 ? [] : new Slot[length];
        }

        _length = length;
        _count = 0;
    }

    private void Resize(int length) => Rebuild(length, kept: null);

    // Moves the slots (those marked in `kept`, when given) into fresh room of `length` slots; old native room is freed
    // only once they are copied.
    private void Rebuild(int length, ulong[]? kept)
    {
        var oldSlots = _slots;
        var oldBuffer = _buffer;
        var oldBase = _base;
        var oldLength = _length;
        _buffer = null; // freed below, after the copy
        Allocate(length);
        for (var i = 0; i < oldLength; i++)
        {
            ref readonly var slot = ref Native ? ref Unsafe.Add(ref Unsafe.AsRef<Slot>(oldBase), i) : ref oldSlots[i];
            if (!slot.Key.IsEmpty && (kept is null || (kept[i >> 6] & (1UL << (i & 63))) != 0))
            {
                Set(slot.Key, slot.Value);
            }
        }

        oldBuffer?.Dispose();
    }

    /// <summary>The entries' enumerator: a walk over the slots, skipping the free ones.</summary>
    public struct Enumerator(OpenTable<TKey, TValue> table)
    {
        private int _index = -1;

        public readonly (TKey Key, TValue Value) Current => (table.At(_index).Key, table.At(_index).Value);

        public bool MoveNext()
        {
            while (++_index < table._length)
            {
                if (!table.At(_index).Key.IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private struct Slot
    {
        public TKey Key;
        public TValue Value;
    }
}

/// <summary>A key of an <see cref="OpenTable{TKey, TValue}"/>.</summary>
/// <typeparam name="TKey">The key type itself.</typeparam>
internal interface ITableKey<TKey> : IEquatable<TKey>
    where TKey : struct, ITableKey<TKey>
{
    /// <summary>Gets a value indicating whether this is the empty key (the default), which marks a free slot and is never stored.</summary>
    bool IsEmpty { get; }

    /// <summary>Gets the key's hash; the table spreads its bits, so any well-distributed 32 or 64 bits will do.</summary>
    ulong Hash { get; }
}
