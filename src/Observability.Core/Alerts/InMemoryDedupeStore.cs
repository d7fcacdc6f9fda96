using System.Collections.Concurrent;

namespace Observability;

/// <summary>
/// The default <see cref="IDedupeStore"/>: reservations held in this process, timed by the
/// injected <see cref="TimeProvider"/>. Use a shared store to deduplicate across replicas.
/// </summary>
public sealed class InMemoryDedupeStore : IDedupeStore
{
    private const int PruneThreshold = 1024;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="InMemoryDedupeStore"/> class.</summary>
    /// <param name="timeProvider">The clock.</param>
    public InMemoryDedupeStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Gets how many reservations are held, including expired ones not yet pruned.</summary>
    public int Count => _expiries.Count;

    /// <inheritdoc />
    public ValueTask<bool> TryReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        var now = _timeProvider.GetUtcNow();
        var until = window >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + window;
        if (_expiries.Count >= PruneThreshold)
        {
            Prune(now);
        }

        while (true)
        {
            if (!_expiries.TryGetValue(key, out var expiry))
            {
                if (_expiries.TryAdd(key, until))
                {
                    return ValueTask.FromResult(true);
                }
            }
            else if (expiry > now)
            {
                return ValueTask.FromResult(false);
            }
            else if (_expiries.TryUpdate(key, until, expiry))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        _expiries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, expiry) in _expiries)
        {
            if (expiry <= now)
            {
                _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiry));
            }
        }
    }
}
