using Observability.Internal;

namespace Observability;

/// <summary>
/// The default <see cref="IDedupeStore"/>: reservations held in this process, timed by the
/// injected <see cref="TimeProvider"/>. Use a shared store to deduplicate across replicas. A decision is a hash
/// lookup. Expired reservations are swept out together, once the earliest has expired and at most once per eighth of the
/// shortest window seen (and per second): a reservation is kept at most that long past its window (and until the next call),
/// and a sweep's cost, spread over the calls that filled the tables, is O(1) a call. No queue of expiries is kept beside them.
/// Keys that are alert fingerprints (64 lower-case hex characters, optionally after <c>resolved:</c>) are held as their
/// 32 bytes folded into 16 (of a SHA-256: no chance collision, no forged one), not as strings, in an open-addressing
/// table of 24-byte slots in native memory: a storm of 40,000 reservations leaves the garbage collector no object per
/// reservation to trace or promote and no large array to grow, and a decision reads one slot. Other keys are held as
/// they are. Thread-safe.
/// </summary>
public sealed class InMemoryDedupeStore : IDedupeStore
{
    private const string ResolvedPrefix = "resolved:";

    private readonly Lock _gate = new();
    // Expiries as UTC ticks (8 bytes, not a DateTimeOffset's 16): the tables grow with a storm, so their entries stay small.
    private readonly OpenTable<Digest, long> _firing = new();
    private readonly OpenTable<Digest, long> _resolved = new();
    private readonly Dictionary<string, long> _others = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private long _earliest = long.MaxValue; // the earliest expiry held (UTC ticks), or later: nothing expires before it
    private long _sweptAt;
    private long _sweepSpacing = long.MaxValue; // an eighth of the shortest window seen, and at least a second

    /// <summary>Initializes a new instance of the <see cref="InMemoryDedupeStore"/> class.</summary>
    /// <param name="timeProvider">The clock.</param>
    public InMemoryDedupeStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Gets how many reservations are held, including expired ones not yet pruned.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _firing.Count + _resolved.Count + _others.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        var now = _timeProvider.GetUtcNow();
        var until = (window >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + window).UtcTicks;
        var stored = Key.Of(key);
        lock (_gate)
        {
            _sweepSpacing = Math.Min(_sweepSpacing, Math.Max(TimeSpan.TicksPerSecond, window.Ticks / 8));
            Prune(now.UtcTicks);
            if (TryGet(stored, out var expiry) && expiry > now.UtcTicks)
            {
                return ValueTask.FromResult(false);
            }

            Set(stored, until);
            _earliest = Math.Min(_earliest, until);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        var stored = Key.Of(key);
        lock (_gate)
        {
            Remove(stored);
        }

        return ValueTask.CompletedTask;
    }

    private OpenTable<Digest, long> Table(Key key) => key.Resolved ? _resolved : _firing;

    private bool TryGet(Key key, out long expiry)
        => key.Text is null ? Table(key).TryGetValue(key.Digest, out expiry) : _others.TryGetValue(key.Text, out expiry);

    private void Set(Key key, long until)
    {
        if (key.Text is null)
        {
            Table(key).Set(key.Digest, until);
        }
        else
        {
            _others[key.Text] = until;
        }
    }

    private void Remove(Key key) => _ = key.Text is null ? Table(key).Remove(key.Digest) : _others.Remove(key.Text);

    /// <summary>
    /// Removes the reservations expired by <paramref name="now"/> (UTC ticks) in one pass over the tables, when the earliest
    /// has expired and the last pass is an eighth of the shortest window old: O(n) at most once per such time, O(1) a call
    /// spread over the calls that filled the tables. The caller holds the lock.
    /// </summary>
    private void Prune(long now)
    {
        if (now < _earliest || (now >= _sweptAt && now - _sweptAt < _sweepSpacing))
        {
            return; // nothing expired yet, or swept lately (a clock set back does not hold sweeps off)
        }

        _sweptAt = now;
        _earliest = Math.Min(Sweep(_firing, now), Math.Min(Sweep(_resolved, now), Sweep(_others, now)));
    }

    // Removes the expired entries and returns the earliest expiry left.
    private static long Sweep(OpenTable<Digest, long> table, long now)
    {
        var earliest = long.MaxValue;
        table.RemoveWhere(now, (now, _, expiry) =>
        {
            if (expiry <= now)
            {
                return true;
            }

            earliest = Math.Min(earliest, expiry);
            return false;
        });
        return earliest;
    }

    // Removal while enumerating is allowed.
    private static long Sweep(Dictionary<string, long> table, long now)
    {
        var earliest = long.MaxValue;
        foreach (var (key, expiry) in table)
        {
            if (expiry <= now)
            {
                table.Remove(key);
            }
            else
            {
                earliest = Math.Min(earliest, expiry);
            }
        }

        return earliest;
    }

    /// <summary>A key as stored: a <see cref="Digest"/> (of a firing or a resolved key) when it is a fingerprint, otherwise the text.</summary>
    private readonly record struct Key(Digest Digest, bool Resolved, string? Text)
    {
        public static Key Of(string key)
        {
            var resolved = key.StartsWith(ResolvedPrefix, StringComparison.Ordinal);
            return Digest.TryParse(resolved ? key.AsSpan(ResolvedPrefix.Length) : key, out var digest) ? new Key(digest, resolved, null) : new Key(default, false, key);
        }
    }
}
