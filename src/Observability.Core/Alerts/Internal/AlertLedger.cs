namespace Observability.Internal;

/// <summary>
/// The alerts this process saw firing (after silences and inhibition), by fingerprint: the sources
/// for inhibition, and what a monitoring pass resolves when a condition no longer shows.
/// </summary>
internal sealed class AlertLedger(TimeSpan unscopedHorizon, TimeSpan scopedHorizon)
{
    private const int PruneThreshold = 1024;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byScope = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private InhibitionIndex? _index;
    private int _pruneAt = PruneThreshold;

    /// <summary>Gets how many alerts are remembered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public void Record(Alert alert, string? scope, DateTimeOffset now)
    {
        lock (_gate)
        {
            RemoveEntry(alert.Fingerprint!);
            _entries[alert.Fingerprint!] = new Entry(alert, scope, now);
            if (scope is not null)
            {
                if (!_byScope.TryGetValue(scope, out var fingerprints))
                {
                    _byScope[scope] = fingerprints = new HashSet<string>(StringComparer.Ordinal);
                }

                fingerprints.Add(alert.Fingerprint!);
            }

            _index?.Add(alert, now);
            if (_entries.Count >= _pruneAt)
            {
                Prune(now);
                _pruneAt = Math.Max(PruneThreshold, _entries.Count * 2); // amortised: pruning again only after the ledger doubles
            }
        }
    }

    public void Forget(string fingerprint)
    {
        lock (_gate)
        {
            RemoveEntry(fingerprint);
        }
    }

    /// <summary>
    /// Tells whether an alert seen firing since <paramref name="since"/> mutes <paramref name="alert"/> under
    /// <paramref name="rules"/>: hash lookups in an index kept as alerts are recorded (rebuilt once when the rules change).
    /// </summary>
    public bool IsInhibited(AlertRules rules, Alert alert, DateTimeOffset since)
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

            return rules.IsInhibited(alert, _index, since);
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

    private void RemoveEntry(string fingerprint)
    {
        if (!_entries.Remove(fingerprint, out var entry))
        {
            return;
        }

        if (entry.Scope is not null && _byScope.TryGetValue(entry.Scope, out var fingerprints) && fingerprints.Remove(fingerprint) && fingerprints.Count == 0)
        {
            _byScope.Remove(entry.Scope);
        }

        _index?.Remove(entry.Alert);
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
    }

    private sealed record Entry(Alert Alert, string? Scope, DateTimeOffset LastSeen);
}
