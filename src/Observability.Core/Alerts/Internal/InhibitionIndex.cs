using System.Runtime.CompilerServices;

namespace Observability.Internal;

/// <summary>
/// The alerts that can mute others, per inhibition rule, indexed by the values of the labels the rule's
/// <c>Equal</c> list names: testing an alert is one hash lookup per rule, never a comparison with every source.
/// The ledger's index tracks each source (<c>trackKeys</c>), so refreshing an alert that is already in (the same alert
/// seen again, every pass) is a lookup and a timestamp, and removing one never recomputes its keys; a batch's index is
/// only added to and read, and keeps none. Alerts are known here by their fingerprints' <see cref="Digest"/>s, held in the
/// tables' own slots (structs) with the sources' times: every critical alert of a storm is kept here, and a fingerprint's
/// string, an object per source, would be work for the garbage collector.
/// <para>
/// A tracked source holds no reference: under the first rule, only its key's hash, by which (with its digest) the key's
/// entry is found again; so the tracked sources live in native memory (<see cref="OpenTable{TKey, TValue}"/>), as do each
/// rule's keys' slots (<see cref="InhibitionKeys"/>, which keeps the keys' strings in small chunks beside), and a storm
/// grows no large array on the collected heap. The keys under further rules (configurations with more than one rule) are kept beside,
/// in a dictionary. A source can be kept here alone (<c>alone</c>: the ledger keeps no entry for it, only its keys, its
/// time and its digest are remembered); those leave with <see cref="PruneAlone"/>.
/// </para>
/// </summary>
internal sealed class InhibitionIndex
{
    private const int ReusedCapacity = 4096;
    private readonly AlertRules _rules;
    private readonly InhibitionKeys[] _byRule;
    private readonly OpenTable<Digest, Tracked>? _tracked;
    private readonly Dictionary<Digest, EqualValues?[]>? _furtherKeys; // keys under rules 1.., when there are such rules
    private int _alone;

    public InhibitionIndex(AlertRules rules, bool trackKeys = true)
    {
        _rules = rules;
        _byRule = new InhibitionKeys[rules.InhibitionCount];
        for (var r = 0; r < _byRule.Length; r++)
        {
            _byRule[r] = new InhibitionKeys();
        }

        _tracked = trackKeys ? new OpenTable<Digest, Tracked>() : null;
        _furtherKeys = trackKeys && _byRule.Length > 1 ? [] : null;
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
        foreach (var table in _byRule)
        {
            table.Clear(keepUpTo: 2 * ReusedCapacity);
        }

        _tracked?.Clear(keepUpTo: 2 * ReusedCapacity);
        _furtherKeys?.Clear();
        _alone = 0;
    }

    /// <summary>
    /// Adds (or refreshes) a firing alert under every rule whose source matchers it satisfies; <paramref name="alone"/>: the
    /// index is all that remembers it (it leaves with <see cref="PruneAlone"/>, or when the index is rebuilt).
    /// </summary>
    public void Add(Alert alert, DateTimeOffset seen, bool alone = false)
    {
        var fingerprint = default(Digest);
        var keys = _byRule.Length > 1 ? new EqualValues?[_byRule.Length] : null;
        EqualValues? first = null;
        for (var r = 0; r < _byRule.Length; r++)
        {
            if (_rules.IsSource(r, alert))
            {
                var key = _rules.EqualKey(r, alert);
                if (r == 0)
                {
                    first = key;
                }
                else
                {
                    keys![r] = key;
                }

                fingerprint = fingerprint.IsEmpty ? Digest.Of(alert.Fingerprint!) : fingerprint;
            }
        }

        if (_tracked is null)
        {
            for (var r = 0; r < _byRule.Length; r++)
            {
                if ((r == 0 ? first : keys![r]) is { } key)
                {
                    _byRule[r].Set(key, fingerprint, seen.UtcTicks);
                }
            }

            return;
        }

        if (fingerprint.IsEmpty)
        {
            Remove(Digest.Of(alert.Fingerprint!)); // mutes nothing (any more): nothing to keep for it
            return;
        }

        ref var kept = ref _tracked.GetValueRefOrAddDefault(fingerprint, out var existed);
        if (existed)
        {
            // Seen before: any key it no longer has lets it go.
            _alone -= kept.Alone ? 1 : 0;
            RemoveOutdated(fingerprint, kept, first, keys);
        }

        _alone += alone ? 1 : 0;
        kept = new Tracked(first?.Hash, seen.UtcTicks, alone);
        if (keys is not null)
        {
            _furtherKeys![fingerprint] = keys;
        }

        for (var r = 0; r < _byRule.Length; r++)
        {
            if ((r == 0 ? first : keys![r]) is { } key)
            {
                _byRule[r].Set(key, fingerprint, seen.UtcTicks);
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

        tracked = new Tracked(tracked.FirstKeyHash, seen.UtcTicks, tracked.Alone);
        if (tracked.FirstKeyHash is { } hash)
        {
            _byRule[0].Touch(hash, digest, seen.UtcTicks);
        }

        if (_furtherKeys is not null && _furtherKeys.TryGetValue(digest, out var keys))
        {
            for (var r = 1; r < keys.Length; r++)
            {
                if (keys[r] is { } key)
                {
                    _byRule[r].Touch(key.Hash, digest, seen.UtcTicks);
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
            state.Index.RemoveOutdated(fingerprint, tracked, first: null, further: null);
            return true;
        });
    }

    /// <summary>Tells whether a source of rule <paramref name="rule"/> with the same <c>Equal</c> values, other than the alert itself and seen since <paramref name="since"/>, exists.</summary>
    public bool Mutes(int rule, EqualValues key, string fingerprint, DateTimeOffset since)
    {
        return _byRule[rule].AnyBut(key, fingerprint, since.UtcTicks);
    }

    private void Remove(Digest fingerprint)
    {
        ref var tracked = ref _tracked!.GetValueRefOrNullRef(fingerprint);
        if (Unsafe.IsNullRef(ref tracked))
        {
            return;
        }

        var gone = tracked;
        _tracked.Remove(fingerprint);
        _alone -= gone.Alone ? 1 : 0;
        RemoveOutdated(fingerprint, gone, first: null, further: null);
    }

    // Takes the source out from under each key it had (as `tracked` and the further keys say) that is not the key it has
    // now (`first`, `further`; none when it is leaving).
    private void RemoveOutdated(Digest fingerprint, Tracked tracked, EqualValues? first, EqualValues?[]? further)
    {
        if (tracked.FirstKeyHash is { } hash)
        {
            _byRule[0].Remove(hash, fingerprint, unlessUnder: first);
        }

        if (_furtherKeys is not null && _furtherKeys.Remove(fingerprint, out var keys))
        {
            for (var r = 1; r < keys.Length; r++)
            {
                if (keys[r] is { } old)
                {
                    _byRule[r].Remove(old.Hash, fingerprint, unlessUnder: further?[r]);
                }
            }
        }
    }

    /// <summary>
    /// A tracked source, without references: the hash of its key under the first rule (none when it is no source of that
    /// rule), when it was last seen (UTC ticks) and whether the index alone remembers it (the sign of the time).
    /// </summary>
    private readonly struct Tracked(ulong? firstKeyHash, long seen, bool alone)
    {
        private readonly long _seen = alone ? ~seen : seen; // ticks are never negative: the sign says alone
        private readonly uint _firstKeyHash = (uint)(firstKeyHash ?? 0);
        private readonly bool _hasFirstKey = firstKeyHash.HasValue;

        public ulong? FirstKeyHash => _hasFirstKey ? _firstKeyHash : null;

        public long Seen => _seen < 0 ? ~_seen : _seen;

        public bool Alone => _seen < 0;
    }
}
