namespace Observability.Internal;

/// <summary>
/// The alerts this process saw firing (after silences and inhibition), by fingerprint: the sources
/// for inhibition, and what a monitoring pass resolves when a condition no longer shows.
/// </summary>
internal sealed class AlertLedger(TimeSpan unscopedHorizon, TimeSpan scopedHorizon)
{
    private const int PruneThreshold = 1024;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
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
            _entries[alert.Fingerprint!] = new Entry(alert, scope, now);
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
            _entries.Remove(fingerprint);
        }
    }

    /// <summary>The alerts seen firing since <paramref name="since"/>.</summary>
    public List<Alert> FiringSince(DateTimeOffset since)
    {
        lock (_gate)
        {
            return _entries.Values.Where(e => e.LastSeen >= since).Select(static e => e.Alert).ToList();
        }
    }

    /// <summary>Removes and returns the alerts of <paramref name="scope"/> whose fingerprint is not in <paramref name="current"/>.</summary>
    public List<Alert> Cleared(string scope, IReadOnlySet<string> current)
    {
        lock (_gate)
        {
            var cleared = _entries.Values
                .Where(e => string.Equals(e.Scope, scope, StringComparison.Ordinal) && !current.Contains(e.Alert.Fingerprint!))
                .Select(static e => e.Alert)
                .ToList();
            foreach (var alert in cleared)
            {
                _entries.Remove(alert.Fingerprint!);
            }

            return cleared;
        }
    }

    // An alert published by hand is forgotten once it can no longer inhibit anything (the dedupe window); a pass's
    // alert once no pass has seen it for the repeat interval (a scope that stopped publishing resolves nothing more).
    private void Prune(DateTimeOffset now)
    {
        foreach (var (fingerprint, entry) in _entries)
        {
            if (entry.LastSeen < now - (entry.Scope is null ? unscopedHorizon : scopedHorizon))
            {
                _entries.Remove(fingerprint);
            }
        }
    }

    private sealed record Entry(Alert Alert, string? Scope, DateTimeOffset LastSeen);
}
