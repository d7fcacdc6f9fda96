using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Observability.Internal;

/// <summary>
/// The alerts that can mute others, per inhibition rule, indexed by the values of the labels the rule's
/// <c>Equal</c> list names: testing an alert is one hash lookup per rule, never a comparison with every source.
/// The ledger's index keeps each alert's keys (<c>trackKeys</c>), so refreshing an alert that is already in (the same
/// alert seen again, every pass) is a lookup and a timestamp, and removing one never recomputes them; a batch's index
/// is only added to and read, and keeps none. Alerts are known here by their fingerprints' <see cref="Digest"/>s, held in
/// the tables' own slots (structs) with the sources' times: every critical alert of a storm is kept here, and a
/// fingerprint's string, an object per source, would be work for the garbage collector (traced from the tables, promoted,
/// copied). A source can be kept here alone (<c>alone</c>: the ledger keeps no entry for it, only its keys, its time and its
/// digest are remembered); those leave with <see cref="PruneAlone"/>.
/// </summary>
internal sealed class InhibitionIndex
{
    private const int ReusedCapacity = 4096;
    private readonly AlertRules _rules;
    private readonly Dictionary<EqualValues, Sources>[] _byRule;
    private readonly DigestTable<Tracked>? _tracked;
    private int _alone;

    public InhibitionIndex(AlertRules rules, bool trackKeys = true)
    {
        _rules = rules;
        _byRule = new Dictionary<EqualValues, Sources>[rules.InhibitionCount];
        for (var r = 0; r < _byRule.Length; r++)
        {
            _byRule[r] = [];
        }

        _tracked = trackKeys ? new DigestTable<Tracked>() : null;
    }

    public AlertRules Rules => _rules;

    /// <summary>Gets how many sources are kept here alone (no ledger entry behind them).</summary>
    public int Alone => _alone;

    /// <summary>
    /// Empties the index for reuse (a batch's index, one publish after another): its tables keep their room, so a storm's
    /// batches do not each grow new ones; a table grown past a few thousand sources is let go instead.
    /// </summary>
    public void Clear()
    {
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (_byRule[r].Count > ReusedCapacity)
            {
                _byRule[r] = [];
            }
            else
            {
                _byRule[r].Clear();
            }
        }

        _tracked?.Clear(keepUpTo: 2 * ReusedCapacity);
        _alone = 0;
    }

    /// <summary>
    /// Adds (or refreshes) a firing alert under every rule whose source matchers it satisfies; <paramref name="alone"/>: the
    /// index is all that remembers it (it leaves with <see cref="PruneAlone"/>, or when the index is rebuilt).
    /// </summary>
    public void Add(Alert alert, DateTimeOffset seen, bool alone = false)
    {
        if (_tracked is null)
        {
            var digest = default(Digest);
            for (var r = 0; r < _byRule.Length; r++)
            {
                if (_rules.IsSource(r, alert))
                {
                    digest = digest == default ? Digest.Of(alert.Fingerprint!) : digest;
                    SourcesOf(r, _rules.EqualKey(r, alert)).Set(digest, seen.UtcTicks);
                }
            }

            return;
        }

        var keys = new Keys(_byRule.Length);
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (_rules.IsSource(r, alert))
            {
                keys = keys.With(r, _rules.EqualKey(r, alert));
            }
        }

        var fingerprint = Digest.Of(alert.Fingerprint!);
        if (keys.IsEmpty)
        {
            Remove(fingerprint); // mutes nothing (any more): nothing to keep for it
            return;
        }

        ref var kept = ref _tracked.GetValueRefOrAddDefault(fingerprint, out var existed);
        if (existed && !kept.Keys.Equals(keys))
        {
            Remove(fingerprint, kept.Keys);
        }

        _alone += (alone ? 1 : 0) - (existed && kept.Alone ? 1 : 0);
        kept = new Tracked(keys, seen.UtcTicks, alone);
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (keys[r] is { } key)
            {
                SourcesOf(r, key).Set(fingerprint, seen.UtcTicks);
            }
        }
    }

    /// <summary>Refreshes the time of an alert already in, without recomputing its keys.</summary>
    public void Touch(string fingerprint, DateTimeOffset seen)
    {
        if (_tracked is null)
        {
            return;
        }

        var digest = Digest.Of(fingerprint);
        ref var tracked = ref _tracked.GetValueRefOrNullRef(digest);
        if (Unsafe.IsNullRef(ref tracked))
        {
            return;
        }

        tracked = new Tracked(tracked.Keys, seen.UtcTicks, tracked.Alone);
        var keys = tracked.Keys;
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (keys[r] is { } key)
            {
                ref var sources = ref CollectionsMarshal.GetValueRefOrNullRef(_byRule[r], key);
                if (!Unsafe.IsNullRef(ref sources))
                {
                    sources.Set(digest, seen.UtcTicks);
                }
            }
        }
    }

    public void Remove(string fingerprint)
    {
        if (_tracked is not null)
        {
            Remove(Digest.Of(fingerprint));
        }
    }

    /// <summary>Forgets the sources kept alone that were last seen before <paramref name="before"/>: one pass over the index.</summary>
    public void PruneAlone(DateTimeOffset before)
    {
        if (_tracked is null || _alone == 0)
        {
            return;
        }

        _tracked.RemoveWhere((Index: this, Cutoff: before.UtcTicks), static (state, fingerprint, tracked) =>
        {
            if (!tracked.Alone || tracked.Seen >= state.Cutoff)
            {
                return false;
            }

            state.Index._alone--;
            state.Index.Remove(fingerprint, tracked.Keys);
            return true;
        });
    }

    /// <summary>Tells whether a source of rule <paramref name="rule"/> with the same <c>Equal</c> values, other than the alert itself and seen since <paramref name="since"/>, exists.</summary>
    public bool Mutes(int rule, EqualValues key, string fingerprint, DateTimeOffset since)
    {
        ref var sources = ref CollectionsMarshal.GetValueRefOrNullRef(_byRule[rule], key);
        return !Unsafe.IsNullRef(ref sources) && sources.AnyBut(Digest.Of(fingerprint), since.UtcTicks);
    }

    private ref Sources SourcesOf(int rule, EqualValues key) => ref CollectionsMarshal.GetValueRefOrAddDefault(_byRule[rule], key, out _);

    private void Remove(Digest fingerprint)
    {
        ref var tracked = ref _tracked!.GetValueRefOrNullRef(fingerprint);
        if (Unsafe.IsNullRef(ref tracked))
        {
            return;
        }

        var (keys, alone) = (tracked.Keys, tracked.Alone);
        _tracked.Remove(fingerprint);
        _alone -= alone ? 1 : 0;
        Remove(fingerprint, keys);
    }

    private void Remove(Digest fingerprint, Keys keys)
    {
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (keys[r] is { } key)
            {
                ref var sources = ref CollectionsMarshal.GetValueRefOrNullRef(_byRule[r], key);
                if (!Unsafe.IsNullRef(ref sources) && sources.Remove(fingerprint) && sources.IsEmpty)
                {
                    _byRule[r].Remove(key);
                }
            }
        }
    }

    /// <summary>A tracked source: its keys, when it was last seen (UTC ticks) and whether the index alone remembers it, in one word.</summary>
    private readonly struct Tracked(Keys keys, long seen, bool alone)
    {
        private readonly long _seen = alone ? ~seen : seen; // ticks are never negative: the sign says alone

        public Keys Keys { get; } = keys;

        public long Seen => _seen < 0 ? ~_seen : _seen;

        public bool Alone => _seen < 0;
    }

    /// <summary>
    /// The key of an alert under each rule it is a source of (none under the others): the first rule's inline, the others'
    /// in an array only when there are other rules (by default there is one).
    /// </summary>
    private readonly struct Keys : IEquatable<Keys>
    {
        private readonly EqualValues _first; // default: none
        private readonly EqualValues?[]? _others;

        public Keys(int rules) => _others = rules > 1 ? new EqualValues?[rules - 1] : null;

        private Keys(EqualValues first, EqualValues?[]? others) => (_first, _others) = (first, others);

        public bool IsEmpty => _first.IsNone && (_others is null || Array.TrueForAll(_others, static k => k is null));

        public EqualValues? this[int rule] => rule == 0 ? (_first.IsNone ? null : _first) : _others![rule - 1];

        /// <summary>Returns these keys with <paramref name="key"/> under <paramref name="rule"/> (the array, if any, is written in place).</summary>
        public Keys With(int rule, EqualValues key)
        {
            if (rule == 0)
            {
                return new Keys(key, _others);
            }

            _others![rule - 1] = key;
            return this;
        }

        public bool Equals(Keys other)
            => (_first.IsNone ? other._first.IsNone : !other._first.IsNone && _first.Equals(other._first))
            && (ReferenceEquals(_others, other._others) || (_others is not null && other._others is not null && _others.AsSpan().SequenceEqual(other._others)));

        public override bool Equals(object? obj) => obj is Keys other && Equals(other);

        public override int GetHashCode() => _first.IsNone ? 0 : _first.GetHashCode();
    }

    /// <summary>The sources under one key, held in the index's slot: most keys have one, inline; a table only for the others.</summary>
    private struct Sources
    {
        private Digest _first; // default: none
        private long _firstSeen; // UTC ticks: 8 bytes a slot, not a DateTimeOffset's 16
        private DigestTable<long>? _others;

        public readonly bool IsEmpty => _first == default;

        public void Set(Digest fingerprint, long seen)
        {
            if (_first == default || _first == fingerprint)
            {
                (_first, _firstSeen) = (fingerprint, seen);
                return;
            }

            (_others ??= new DigestTable<long>()).Set(fingerprint, seen);
        }

        public bool Remove(Digest fingerprint)
        {
            if (_first != fingerprint)
            {
                return _others is not null && _others.Remove(fingerprint);
            }

            _first = default;
            if (_others is { Count: > 0 })
            {
                foreach (var (next, seen) in _others)
                {
                    (_first, _firstSeen) = (next, seen);
                    break;
                }

                _others.Remove(_first);
            }

            return true;
        }

        // An alert never mutes itself, even when it satisfies both sides of a rule.
        public readonly bool AnyBut(Digest fingerprint, long since)
        {
            if (_first != default && _firstSeen >= since && _first != fingerprint)
            {
                return true;
            }

            if (_others is not null)
            {
                foreach (var (source, seen) in _others)
                {
                    if (seen >= since && source != fingerprint)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
