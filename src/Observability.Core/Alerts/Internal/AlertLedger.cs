namespace Observability.Internal;

/// <summary>
/// The alerts this process saw firing (after silences and inhibition), by fingerprint: the sources
/// for inhibition, and what a monitoring pass resolves when a condition no longer shows.
/// </summary>
internal sealed class AlertLedger
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Record(Alert alert, string? scope, DateTimeOffset now)
    {
        lock (_gate)
        {
            _entries[alert.Fingerprint!] = new Entry(alert, scope, now);
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

    private sealed record Entry(Alert Alert, string? Scope, DateTimeOffset LastSeen);
}
