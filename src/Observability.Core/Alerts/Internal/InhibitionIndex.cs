using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Observability.Internal;

/// <summary>
/// The alerts that can mute others, per inhibition rule, indexed by the values of the labels the rule's
/// <c>Equal</c> list names: testing an alert is one hash lookup per rule, never a comparison with every source.
/// The ledger's index keeps each alert's keys (<c>trackKeys</c>), so refreshing an alert that is already in (the same
/// alert seen again, every pass) is a lookup and a timestamp, and removing one never recomputes them; a batch's index
/// is only added to and read, and keeps none. Sources and keys are held in the dictionaries' own slots (structs), not
/// in objects of their own: every critical alert of a storm is kept here, and each object it leaves is work for the
/// garbage collector. A source can be kept here alone (<c>alone</c>: the ledger keeps no entry for it, only its keys, its
/// time and its fingerprint are remembered); those leave with <see cref="PruneAlone"/>.
/// </summary>
internal sealed class InhibitionIndex
{
    private const int ReusedCapacity = 4096;
    private readonly AlertRules _rules;
    private readonly Dictionary<EqualValues, Sources>[] _byRule;
    private readonly Dictionary<string, Tracked>? _keysOf;
    private int _alone;

    public InhibitionIndex(AlertRules rules, bool trackKeys = true)
    {
        _rules = rules;
        _byRule = new Dictionary<EqualValues, Sources>[rules.InhibitionCount];
        for (var r = 0; r < _byRule.Length; r++)
        {
            _byRule[r] = [];
        }

        _keysOf = trackKeys ? new Dictionary<string, Tracked>(StringComparer.Ordinal) : null;
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

        _keysOf?.Clear();
        _alone = 0;
    }

    /// <summary>
    /// Adds (or refreshes) a firing alert under every rule whose source matchers it satisfies; <paramref name="alone"/>: the
    /// index is all that remembers it (it leaves with <see cref="PruneAlone"/>, or when the index is rebuilt).
    /// </summary>
    public void Add(Alert alert, DateTimeOffset seen, bool alone = false)
    {
        var fingerprint = alert.Fingerprint!;
        if (_keysOf is null)
        {
            for (var r = 0; r < _byRule.Length; r++)
            {
                if (_rules.IsSource(r, alert))
                {
                    SourcesOf(r, _rules.EqualKey(r, alert)).Set(fingerprint, seen);
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

        if (keys.IsEmpty)
        {
            Remove(fingerprint); // mutes nothing (any more): nothing to keep for it
            return;
        }

        ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(_keysOf, fingerprint, out var existed);
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
                SourcesOf(r, key).Set(fingerprint, seen);
            }
        }
    }

    /// <summary>Refreshes the time of an alert already in, without recomputing its keys.</summary>
    public void Touch(string fingerprint, DateTimeOffset seen)
    {
        if (_keysOf is null)
        {
            return;
        }

        ref var tracked = ref CollectionsMarshal.GetValueRefOrNullRef(_keysOf, fingerprint);
        if (Unsafe.IsNullRef(ref tracked))
        {
            return;
        }

        tracked = tracked with { Seen = seen.UtcTicks };
        var keys = tracked.Keys;

        for (var r = 0; r < _byRule.Length; r++)
        {
            if (keys[r] is { } key)
            {
                ref var sources = ref CollectionsMarshal.GetValueRefOrNullRef(_byRule[r], key);
                if (!Unsafe.IsNullRef(ref sources))
                {
                    sources.Set(fingerprint, seen);
                }
            }
        }
    }

    public void Remove(string fingerprint)
    {
        if (_keysOf is not null && _keysOf.Remove(fingerprint, out var tracked))
        {
            _alone -= tracked.Alone ? 1 : 0;
            Remove(fingerprint, tracked.Keys);
        }
    }

    /// <summary>Forgets the sources kept alone that were last seen before <paramref name="before"/>: one pass over the index.</summary>
    public void PruneAlone(DateTimeOffset before)
    {
        if (_keysOf is null || _alone == 0)
        {
            return;
        }

        var cutoff = before.UtcTicks;
        foreach (var (fingerprint, tracked) in _keysOf)
        {
            if (tracked.Alone && tracked.Seen < cutoff)
            {
                Remove(fingerprint); // removing while enumerating is allowed
            }
        }
    }

    /// <summary>Tells whether a source of rule <paramref name="rule"/> with the same <c>Equal</c> values, other than the alert itself and seen since <paramref name="since"/>, exists.</summary>
    public bool Mutes(int rule, EqualValues key, string fingerprint, DateTimeOffset since)
    {
        ref var sources = ref CollectionsMarshal.GetValueRefOrNullRef(_byRule[rule], key);
        return !Unsafe.IsNullRef(ref sources) && sources.AnyBut(fingerprint, since);
    }

    private ref Sources SourcesOf(int rule, EqualValues key) => ref CollectionsMarshal.GetValueRefOrAddDefault(_byRule[rule], key, out _);

    private void Remove(string fingerprint, Keys keys)
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

    /// <summary>A tracked source: its keys, when it was last seen (UTC ticks), and whether the index alone remembers it.</summary>
    private readonly record struct Tracked(Keys Keys, long Seen, bool Alone);

    /// <summary>
    /// The key of an alert under each rule it is a source of (<see langword="null"/> under the others): the first rule's
    /// inline, the others' in an array only when there are other rules (by default there is one).
    /// </summary>
    private readonly struct Keys : IEquatable<Keys>
    {
        private readonly EqualValues? _first;
        private readonly EqualValues?[]? _others;

        public Keys(int rules) => _others = rules > 1 ? new EqualValues?[rules - 1] : null;

        private Keys(EqualValues? first, EqualValues?[]? others) => (_first, _others) = (first, others);

        public bool IsEmpty => _first is null && (_others is null || Array.TrueForAll(_others, static k => k is null));

        public EqualValues? this[int rule] => rule == 0 ? _first : _others![rule - 1];

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
            => Nullable.Equals(_first, other._first)
            && (ReferenceEquals(_others, other._others) || (_others is not null && other._others is not null && _others.AsSpan().SequenceEqual(other._others)));

        public override bool Equals(object? obj) => obj is Keys other && Equals(other);

        public override int GetHashCode() => _first.GetHashCode();
    }

    /// <summary>The sources under one key, held in the index's slot: most keys have one, inline; a dictionary only for the others.</summary>
    private struct Sources
    {
        private string? _first;
        private long _firstSeen; // UTC ticks: 8 bytes a slot, not a DateTimeOffset's 16
        private Dictionary<string, long>? _others;

        public bool IsEmpty => _first is null;

        public void Set(string fingerprint, DateTimeOffset seen)
        {
            if (_first is null || string.Equals(_first, fingerprint, StringComparison.Ordinal))
            {
                (_first, _firstSeen) = (fingerprint, seen.UtcTicks);
                return;
            }

            (_others ??= new Dictionary<string, long>(StringComparer.Ordinal))[fingerprint] = seen.UtcTicks;
        }

        public bool Remove(string fingerprint)
        {
            if (!string.Equals(_first, fingerprint, StringComparison.Ordinal))
            {
                return _others is not null && _others.Remove(fingerprint);
            }

            _first = null;
            if (_others is { Count: > 0 })
            {
                var (next, seen) = _others.First();
                _others.Remove(next);
                (_first, _firstSeen) = (next, seen);
            }

            return true;
        }

        // An alert never mutes itself, even when it satisfies both sides of a rule.
        public bool AnyBut(string fingerprint, DateTimeOffset since)
        {
            var after = since.UtcTicks;
            if (_first is not null && _firstSeen >= after && !string.Equals(_first, fingerprint, StringComparison.Ordinal))
            {
                return true;
            }

            if (_others is not null)
            {
                foreach (var (source, seen) in _others)
                {
                    if (seen >= after && !string.Equals(source, fingerprint, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
