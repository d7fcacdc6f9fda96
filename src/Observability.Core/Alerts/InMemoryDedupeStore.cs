using System.Collections.Concurrent;

namespace Observability;

/// <summary>
/// The default <see cref="IDedupeStore"/>: reservations held in this process, timed by the
/// injected <see cref="TimeProvider"/>. Use a shared store to deduplicate across replicas. A decision is a hash
/// lookup; expired reservations leave through a queue ordered by expiry, so no call scans the whole store.
/// </summary>
public sealed class InMemoryDedupeStore : IDedupeStore
{
    private readonly PriorityQueue<string, DateTimeOffset> _expiryQueue = new();
    private readonly Lock _queueGate = new();
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
        Prune(now);

        while (true)
        {
            if (!_expiries.TryGetValue(key, out var expiry))
            {
                if (_expiries.TryAdd(key, until))
                {
                    Enqueue(key, until);
                    return ValueTask.FromResult(true);
                }
            }
            else if (expiry > now)
            {
                return ValueTask.FromResult(false);
            }
            else if (_expiries.TryUpdate(key, until, expiry))
            {
                Enqueue(key, until);
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

    private void Enqueue(string key, DateTimeOffset until)
    {
        lock (_queueGate)
        {
            _expiryQueue.Enqueue(key, until);
        }
    }

    /// <summary>Removes the reservations expired by <paramref name="now"/>: amortised O(log n) per reservation, never a full scan.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (!_queueGate.TryEnter())
        {
            return; // another caller is pruning
        }

        try
        {
            while (_expiryQueue.TryPeek(out var key, out var expiry) && expiry <= now)
            {
                _expiryQueue.Dequeue();

                // Only if the reservation is still the one queued (not renewed or released since).
                _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiry));
            }
        }
        finally
        {
            _queueGate.Exit();
        }
    }
}
