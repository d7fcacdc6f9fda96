using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>
/// The alerts this process saw firing (after silences and inhibition), by fingerprint: the sources
/// for inhibition, and what a monitoring pass resolves when a condition no longer shows. With a persisted alert
/// state (<see cref="AlertStateSync"/>) it also keeps the changes not yet written (<see cref="TakeChanges"/>) and is
/// refreshed from the store (<see cref="Restore"/>).
/// </summary>
internal sealed partial class AlertLedger(TimeSpan unscopedHorizon, TimeSpan scopedHorizon)
{
    private const int PruneThreshold = 1024;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byScope = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private InhibitionIndex? _index;
    private int _pruneAt = PruneThreshold;

    /// <summary>Gets how many alerts are remembered (with an entry, or as inhibition sources alone).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return Remembered;
            }
        }
    }

    private int Remembered => _entries.Count + (_index?.Alone ?? 0);

    /// <summary>
    /// Records a firing alert. One published by hand (no <paramref name="scope"/>) that mutes nothing under the rules
    /// (<paramref name="canInhibit"/> false) is not kept unless the ledger is persisted: nothing would ever read it (only a
    /// pass resolves, only a source inhibits), and a storm of warnings need not be remembered one by one. One published by
    /// hand that can mute others, when the ledger is not persisted, is kept by the inhibition index alone: its keys, its
    /// time and its fingerprint, not the alert (nothing resolves it, nothing writes it), so a storm of critical alerts leaves
    /// one object each for the garbage collector instead of the alert, its labels and an entry. Such sources are not carried
    /// over when the inhibition rules change (the index is rebuilt from the entries); they mute again when published again.
    /// </summary>
    public void Record(Alert alert, string? scope, DateTimeOffset now, bool canInhibit = true)
    {
        if (scope is null && !canInhibit && _dirty is null)
        {
            return;
        }

        lock (_gate)
        {
            var fingerprint = alert.Fingerprint!;
            if (scope is null && _dirty is null && _index is not null && !_entries.ContainsKey(fingerprint))
            {
                _index.Add(alert, now, alone: true);
                PruneIfDue(now);
                return;
            }

            var known = _entries.TryGetValue(fingerprint, out var previous);
            if (known && string.Equals(previous.Scope, scope, StringComparison.Ordinal))
            {
                // Seen again (every pass, every repeat): the same entry, newer. An alert that says the same as the one kept
                // leaves that one in place (and the index only refreshes its time), so a storm of repeats does not move
                // a new copy of each alert into the old generation of the heap.
                if (SaysTheSame(previous.Alert, alert))
                {
                    _entries[fingerprint] = previous with { LastSeen = now };
                    _index?.Touch(fingerprint, now);
                }
                else
                {
                    _entries[fingerprint] = new Entry(alert, scope, previous.FirstSeen, now, previous.LastNotified);
                    _index?.Add(alert, now);
                }

                Track(fingerprint);
            }
            else
            {
                RemoveEntry(fingerprint);
                AddEntry(known ? new Entry(alert, scope, previous.FirstSeen, now, previous.LastNotified) : new Entry(alert, scope, now, now, null));
            }

            PruneIfDue(now);
        }
    }

    // Amortised: pruning again only after what is remembered has doubled. The caller holds the lock.
    private void PruneIfDue(DateTimeOffset now)
    {
        if (Remembered >= _pruneAt)
        {
            Prune(now);
            _pruneAt = Math.Max(PruneThreshold, Remembered * 2);
        }
    }

    public void Forget(string fingerprint)
    {
        lock (_gate)
        {
            RemoveEntry(fingerprint);
        }
    }

    /// <summary>Notes that the firing alert <paramref name="fingerprint"/> was raised to the sinks at <paramref name="now"/>.</summary>
    public void Notified(string fingerprint, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(fingerprint, out var entry))
            {
                _entries[fingerprint] = entry with { LastNotified = now };
                Track(fingerprint);
            }
        }
    }

    /// <summary>
    /// Tells whether an alert seen firing since <paramref name="since"/> mutes <paramref name="alert"/> under
    /// <paramref name="rules"/>: hash lookups in an index kept as alerts are recorded (rebuilt once when the rules change).
    /// </summary>
    /// <param name="rules">The rules.</param>
    /// <param name="alert">The alert that may be muted.</param>
    /// <param name="since">How recent a source must be.</param>
    /// <param name="batch">The publish's own sources, checked too (with the same keys).</param>
    public bool IsInhibited(AlertRules rules, Alert alert, DateTimeOffset since, InhibitionIndex batch)
    {
        if (rules.InhibitionCount == 0)
        {
            return false;
        }

        lock (_gate)
        {
            if (_index is null || !ReferenceEquals(_index.Rules, rules))
            {
                _index = new InhibitionIndex(rules);
                foreach (var entry in _entries.Values)
                {
                    _index.Add(entry.Alert, entry.LastSeen);
                }
            }

            return rules.IsInhibited(alert, since, batch, _index);
        }
    }

    /// <summary>Removes and returns the alerts of <paramref name="scope"/> whose fingerprint is not in <paramref name="current"/>.</summary>
    public List<Alert> Cleared(string scope, IReadOnlySet<string> current)
    {
        lock (_gate)
        {
            if (!_byScope.TryGetValue(scope, out var fingerprints))
            {
                return [];
            }

            var cleared = fingerprints.Where(f => !current.Contains(f)).Select(f => _entries[f].Alert).ToList();
            foreach (var alert in cleared)
            {
                RemoveEntry(alert.Fingerprint!);
            }

            return cleared;
        }
    }

    private void AddEntry(Entry entry, bool track = true)
    {
        var fingerprint = entry.Alert.Fingerprint!;
        _entries[fingerprint] = entry;
        if (entry.Scope is not null)
        {
            if (!_byScope.TryGetValue(entry.Scope, out var fingerprints))
            {
                _byScope[entry.Scope] = fingerprints = new HashSet<string>(StringComparer.Ordinal);
            }

            fingerprints.Add(fingerprint);
        }

        _index?.Add(entry.Alert, entry.LastSeen);
        if (track)
        {
            Track(fingerprint);
        }
    }

    private void RemoveEntry(string fingerprint)
    {
        if (!_entries.Remove(fingerprint, out var entry))
        {
            return;
        }

        Track(fingerprint);

        if (entry.Scope is not null && _byScope.TryGetValue(entry.Scope, out var fingerprints) && fingerprints.Remove(fingerprint) && fingerprints.Count == 0)
        {
            _byScope.Remove(entry.Scope);
        }

        _index?.Remove(fingerprint);
    }

    // An alert published by hand is forgotten once it can no longer inhibit anything (the dedupe window); a pass's
    // alert once no pass has seen it for the repeat interval (a scope that stopped publishing resolves nothing more).
    private void Prune(DateTimeOffset now)
    {
        var stale = _entries.Where(e => e.Value.LastSeen < now - (e.Value.Scope is null ? unscopedHorizon : scopedHorizon)).Select(static e => e.Key).ToList();
        foreach (var fingerprint in stale)
        {
            RemoveEntry(fingerprint);
        }

        _index?.PruneAlone(now - unscopedHorizon);
    }

    /// <summary>Tells whether two alerts of one fingerprint say the same: everything a resolved notice or the state shows but the time.</summary>
    internal static bool SaysTheSame(Alert kept, Alert seen)
        => ReferenceEquals(kept, seen)
        || (kept.Severity == seen.Severity
            && kept.Status == seen.Status
            && kept.EndsAt == seen.EndsAt
            && string.Equals(kept.Rule, seen.Rule, StringComparison.Ordinal)
            && string.Equals(kept.Title, seen.Title, StringComparison.Ordinal)
            && string.Equals(kept.Message, seen.Message, StringComparison.Ordinal)
            && string.Equals(kept.RootCause, seen.RootCause, StringComparison.Ordinal)
            && string.Equals(kept.TraceId, seen.TraceId, StringComparison.Ordinal)
            && string.Equals(kept.Source, seen.Source, StringComparison.Ordinal)
            && SameLabels(kept.Labels, seen.Labels)
            && (ReferenceEquals(kept.Context, seen.Context) || (kept.Context.Count == 0 && seen.Context.Count == 0))
            && (ReferenceEquals(kept.Links, seen.Links) || (kept.Links.Count == 0 && seen.Links.Count == 0)));

    private static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A remembered firing alert.</summary>
    /// <remarks>
    /// A struct held in the ledger's own slots, its times as UTC ticks (40 bytes in all): every critical alert of a storm is
    /// remembered, and an object per entry would be one more for the garbage collector to trace, wider slots more bytes
    /// for the table to copy as it grows. Serialised (the persisted alert state) with its times as dates.
    /// </remarks>
    internal readonly record struct Entry
    {
        private const long Never = long.MinValue;
        private readonly long _firstSeen;
        private readonly long _lastSeen;
        private readonly long _lastNotified;

        /// <summary>Initializes a remembered alert.</summary>
        /// <param name="alert">The alert as published (redacted, fingerprinted).</param>
        /// <param name="scope">The pass scope that published it, or <see langword="null"/> when published by hand.</param>
        /// <param name="firstSeen">When it was first seen firing.</param>
        /// <param name="lastSeen">When it was last seen firing.</param>
        /// <param name="lastNotified">When it was last raised to the sinks, if ever.</param>
        [JsonConstructor]
        public Entry(Alert alert, string? scope, DateTimeOffset firstSeen, DateTimeOffset lastSeen, DateTimeOffset? lastNotified)
        {
            Alert = alert;
            Scope = scope;
            _firstSeen = firstSeen.UtcTicks;
            _lastSeen = lastSeen.UtcTicks;
            _lastNotified = lastNotified?.UtcTicks ?? Never;
        }

        public Alert Alert { get; init; }

        public string? Scope { get; init; }

        public DateTimeOffset FirstSeen
        {
            get => new(_firstSeen, TimeSpan.Zero);
            init => _firstSeen = value.UtcTicks;
        }

        public DateTimeOffset LastSeen
        {
            get => new(_lastSeen, TimeSpan.Zero);
            init => _lastSeen = value.UtcTicks;
        }

        public DateTimeOffset? LastNotified
        {
            get => _lastNotified == Never ? null : new DateTimeOffset(_lastNotified, TimeSpan.Zero);
            init => _lastNotified = value?.UtcTicks ?? Never;
        }
    }
}
