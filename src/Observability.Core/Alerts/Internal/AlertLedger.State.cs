namespace Observability.Internal;

/// <content>The changes kept for a persisted alert state, and the refresh from it.</content>
internal sealed partial class AlertLedger
{
    private HashSet<string>? _dirty; // null: nothing persists the ledger, so nothing is tracked

    /// <summary>Starts keeping the fingerprints whose entry changed, for <see cref="TakeChanges"/>.</summary>
    public void TrackChanges()
    {
        lock (_gate)
        {
            _dirty ??= new HashSet<string>(StringComparer.Ordinal);
        }
    }

    /// <summary>Returns the entries changed since the last call (<see langword="null"/>: removed) and forgets them as changes.</summary>
    public List<(string Fingerprint, Entry? Entry)> TakeChanges()
    {
        lock (_gate)
        {
            if (_dirty is not { Count: > 0 })
            {
                return [];
            }

            var changes = _dirty.Select(f => (f, Find(f))).ToList();
            _dirty.Clear();
            return changes;
        }
    }

    /// <summary>Marks changes taken by <see cref="TakeChanges"/> that could not be written as changed again, so the next write carries them.</summary>
    public void Untake(IEnumerable<string> fingerprints)
    {
        lock (_gate)
        {
            _dirty?.UnionWith(fingerprints);
        }
    }

    /// <summary>
    /// Replaces the remembered alerts with <paramref name="stored"/> (what the store holds, written by this process and
    /// others), except the changes of this process not written yet, which are newer; then forgets what is past its horizon.
    /// </summary>
    public void Restore(IEnumerable<Entry> stored, DateTimeOffset now)
    {
        lock (_gate)
        {
            var pending = _dirty is null ? [] : _dirty.Select(f => (Fingerprint: f, Entry: Find(f))).ToList();
            _entries.Clear();
            _byScope.Clear();
            _index = null; // rebuilt on the next inhibition check
            foreach (var entry in stored)
            {
                AddEntry(entry, track: false);
            }

            foreach (var (fingerprint, entry) in pending)
            {
                RemoveEntry(fingerprint);
                if (entry is { } kept)
                {
                    AddEntry(kept);
                }
            }

            Prune(now);
        }
    }

    private void Track(string fingerprint) => _dirty?.Add(fingerprint);

    private Entry? Find(string fingerprint) => _entries.TryGetValue(fingerprint, out var entry) ? entry : null;
}
