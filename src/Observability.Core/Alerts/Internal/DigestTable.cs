using System.Numerics;

namespace Observability.Internal;

/// <summary>
/// Reservations keyed by a fingerprint's 32 bytes, each with its expiry (UTC ticks, never 0): one array of 40-byte
/// slots, open addressing with linear probing. A lookup reads one slot or a few neighbours, usually one cache line,
/// where a dictionary reads a bucket and then an entry elsewhere; growing copies the slots in order, with no chains
/// to rebuild. Removal shifts the following slots back, so no tombstones pile up. Not thread-safe: the store calls it
/// under its lock.
/// </summary>
internal sealed class DigestTable
{
    private const int MinimumLength = 16;
    private Slot[] _slots = [];
    private int _count;

    public int Count => _count;

    /// <summary>Gets the expiry held for <paramref name="key"/>.</summary>
    public bool TryGetValue(Digest key, out long expiry)
    {
        var index = Find(key);
        expiry = index < 0 ? 0 : _slots[index].Expiry;
        return index >= 0;
    }

    /// <summary>Sets the expiry of <paramref name="key"/> (greater than zero), adding it when it is not there.</summary>
    public void Set(Digest key, long expiry)
    {
        if (_count + 1 > _slots.Length * 3 / 4)
        {
            Resize(Math.Max(MinimumLength, _slots.Length * 2));
        }

        var mask = _slots.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Expiry == 0)
            {
                slot = new Slot(key, expiry);
                _count++;
                return;
            }

            if (slot.Key == key)
            {
                slot = new Slot(key, expiry);
                return;
            }
        }
    }

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
        for (var next = (hole + 1) & mask; _slots[next].Expiry != 0; next = (next + 1) & mask)
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

    /// <summary>Removes every reservation expired by <paramref name="now"/> and returns the earliest expiry left (<see cref="long.MaxValue"/> when none).</summary>
    public long RemoveExpired(long now)
    {
        var earliest = long.MaxValue;
        var live = 0;
        foreach (var slot in _slots)
        {
            if (slot.Expiry > now)
            {
                live++;
                earliest = Math.Min(earliest, slot.Expiry);
            }
        }

        if (live != _count)
        {
            // Rebuilt with the live ones: one pass, no shifting while walking the slots.
            var old = _slots;
            _slots = live == 0 ? [] : new Slot[Math.Max(MinimumLength, (int)BitOperations.RoundUpToPowerOf2((uint)(live * 2)))];
            _count = 0;
            foreach (var slot in old)
            {
                if (slot.Expiry > now)
                {
                    Set(slot.Key, slot.Expiry);
                }
            }
        }

        return earliest;
    }

    // Fibonacci hashing of the four words folded into one: a fingerprint's digest is uniform, and a key that differs from
    // another in any of its words lands elsewhere.
    private static int Home(Digest key, int mask)
    {
        var folded = (ulong)key.High ^ (ulong)(key.High >> 64) ^ (ulong)key.Low ^ (ulong)(key.Low >> 64);
        return (int)((folded * 0x9E3779B97F4A7C15UL) >> 32) & mask;
    }

    private int Find(Digest key)
    {
        if (_count == 0)
        {
            return -1;
        }

        var mask = _slots.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.Expiry == 0)
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
            if (slot.Expiry != 0)
            {
                Set(slot.Key, slot.Expiry);
            }
        }
    }

    private readonly record struct Slot(Digest Key, long Expiry);
}

/// <summary>A fingerprint's 32 bytes.</summary>
internal readonly record struct Digest(UInt128 High, UInt128 Low);
