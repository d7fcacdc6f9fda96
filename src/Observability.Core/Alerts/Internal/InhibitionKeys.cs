using System.Runtime.CompilerServices;

namespace Observability.Internal;

/// <summary>
/// One inhibition rule's sources by key (the values its <c>Equal</c> list names), with no reference in the table's slots
/// so that they live in native memory: a slot holds the key's hash and an id, and the source's digest and time; the
/// keys themselves (their strings) are in a managed store of small chunks, by id, and compared only when the hashes are
/// equal. A storm of critical alerts thus grows no large array on the collected heap for its keys (about 4 MB of them at
/// 40,000 alerts, which, against the large object heap's budget after a full collection, started a background gen2
/// collection in the middle of the storm). Most keys have one source, inline; the others of a key are kept beside.
/// Not thread-safe: the index's owner calls it under its lock.
/// </summary>
internal sealed class InhibitionKeys
{
    private const int ChunkLength = 1024; // 32-byte keys: 32 KB a chunk, off the large object heap
    private static readonly Func<(InhibitionKeys Table, EqualValues Key), KeyId, Entry, bool> SameKey = static (s, id, _) => s.Table.KeyOf(id).Equals(s.Key);
    private static readonly Func<(InhibitionKeys Table, Digest Source), KeyId, Entry, bool> HoldsSource = static (s, id, entry) => entry.First == s.Source || s.Table.OthersHold(id, s.Source);
    private readonly OpenTable<KeyId, Entry> _entries = new();
    private readonly List<EqualValues[]> _keys = [];
    private readonly Stack<int> _freeIds = new();
    private Dictionary<int, OpenTable<Digest, long>>? _others; // by key id: the sources of a key beyond its first
    private int _nextId = 1; // 0 is the empty key

    /// <summary>Gets how many keys have sources.</summary>
    public int Count => _entries.Count;

    /// <summary>Sets the time of <paramref name="source"/> under <paramref name="key"/>, adding either when it is not there.</summary>
    public void Set(EqualValues key, Digest source, long seen)
    {
        ref var entry = ref _entries.FindMatching(key.Hash, (this, key), SameKey, out var id);
        if (Unsafe.IsNullRef(ref entry))
        {
            id = new KeyId((uint)key.Hash, Store(key));
            _entries.GetValueRefOrAddDefault(id, out _) = new Entry(source, seen);
            return;
        }

        if (entry.First == source)
        {
            entry = new Entry(source, seen);
            return;
        }

        _others ??= [];
        if (!_others.TryGetValue(id.Value, out var others))
        {
            _others[id.Value] = others = new OpenTable<Digest, long>();
        }

        others.Set(source, seen);
    }

    /// <summary>Refreshes the time of <paramref name="source"/> under the key whose hash is <paramref name="hash"/>, if it is there.</summary>
    public void Touch(ulong hash, Digest source, long seen)
    {
        ref var entry = ref _entries.FindMatching(hash, (this, source), HoldsSource, out var id);
        if (Unsafe.IsNullRef(ref entry))
        {
            return;
        }

        if (entry.First == source)
        {
            entry = new Entry(source, seen);
        }
        else
        {
            _others![id.Value].Set(source, seen);
        }
    }

    /// <summary>
    /// Takes <paramref name="source"/> out from under the key whose hash is <paramref name="hash"/>, unless that key is
    /// <paramref name="unlessUnder"/> (the key it has now: nothing to move); a key left without sources goes.
    /// </summary>
    public void Remove(ulong hash, Digest source, EqualValues? unlessUnder = null)
    {
        ref var entry = ref _entries.FindMatching(hash, (this, source), HoldsSource, out var id);
        if (Unsafe.IsNullRef(ref entry) || (unlessUnder is { } current && KeyOf(id).Equals(current)))
        {
            return;
        }

        var others = _others is not null && _others.TryGetValue(id.Value, out var more) ? more : null;
        if (entry.First != source)
        {
            others!.Remove(source);
        }
        else if (others is { Count: > 0 })
        {
            foreach (var (next, seen) in others)
            {
                entry = new Entry(next, seen); // the first one met becomes the inline one
                break;
            }

            others.Remove(entry.First);
        }
        else
        {
            _entries.Remove(id);
            Release(id.Value);
        }

        if (others is { Count: 0 })
        {
            _others!.Remove(id.Value);
        }
    }

    /// <summary>Tells whether a source under <paramref name="key"/>, other than <paramref name="self"/>, was seen at or after <paramref name="since"/>.</summary>
    public bool AnyBut(EqualValues key, string self, long since)
    {
        ref var entry = ref _entries.FindMatching(key.Hash, (this, key), SameKey, out var id);
        if (Unsafe.IsNullRef(ref entry))
        {
            return false;
        }

        var fingerprint = Digest.Of(self); // an alert never mutes itself, even when it satisfies both sides of a rule
        if (entry.Seen >= since && entry.First != fingerprint)
        {
            return true;
        }

        if (_others is not null && _others.TryGetValue(id.Value, out var others))
        {
            foreach (var (source, seen) in others)
            {
                if (seen >= since && source != fingerprint)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Empties the table; it keeps its room when that is at most <paramref name="keepUpTo"/> keys.</summary>
    public void Clear(int keepUpTo)
    {
        _entries.Clear(keepUpTo);
        if (_keys.Count * ChunkLength > keepUpTo)
        {
            _keys.Clear();
        }
        else
        {
            _keys.ForEach(static chunk => Array.Clear(chunk));
        }

        _freeIds.Clear();
        _others = null;
        _nextId = 1;
    }

    private bool OthersHold(KeyId id, Digest source) => _others is not null && _others.TryGetValue(id.Value, out var others) && others.TryGetValue(source, out _);

    private EqualValues KeyOf(KeyId id) => _keys[id.Value / ChunkLength][id.Value % ChunkLength];

    private int Store(EqualValues key)
    {
        var id = _freeIds.Count > 0 ? _freeIds.Pop() : _nextId++;
        if (id / ChunkLength >= _keys.Count)
        {
            _keys.Add(new EqualValues[ChunkLength]);
        }

        _keys[id / ChunkLength][id % ChunkLength] = key;
        return id;
    }

    private void Release(int id)
    {
        _keys[id / ChunkLength][id % ChunkLength] = default; // the strings are let go
        _freeIds.Push(id);
    }

    /// <summary>A key as the table holds it: its hash and its id in the key store (0: no key).</summary>
    private readonly record struct KeyId(uint KeyHash, int Value) : ITableKey<KeyId>
    {
        public bool IsEmpty => Value == 0;

        public ulong Hash => KeyHash;

        public bool Equals(KeyId other) => Value == other.Value;

        public override int GetHashCode() => Value;
    }

    /// <summary>A key's first source and when it was last seen (UTC ticks).</summary>
    private readonly record struct Entry(Digest First, long Seen);
}
