using System.Buffers;
using System.Buffers.Binary;

namespace Observability;

/// <summary>
/// The default <see cref="IDedupeStore"/>: reservations held in this process, timed by the
/// injected <see cref="TimeProvider"/>. Use a shared store to deduplicate across replicas. A decision is a hash
/// lookup; expired reservations leave through a queue ordered by expiry, so no call scans the whole store.
/// Keys that are alert fingerprints (64 lower-case hex characters, optionally after <c>resolved:</c>) are held as their
/// 32 bytes, not as strings: a storm of 40,000 reservations keeps no object per reservation for the garbage collector
/// to trace or promote. Other keys are held as they are. Thread-safe.
/// </summary>
public sealed class InMemoryDedupeStore : IDedupeStore
{
    private const string ResolvedPrefix = "resolved:";
    private static readonly SearchValues<char> NotLowerHex = SearchValues.Create("0123456789abcdef");

    private readonly Lock _gate = new();
    // Expiries as UTC ticks (8 bytes, not a DateTimeOffset's 16): the tables grow with a storm, so their entries stay small.
    private readonly Dictionary<Digest, long> _firing = [];
    private readonly Dictionary<Digest, long> _resolved = [];
    private readonly Dictionary<string, long> _others = new(StringComparer.Ordinal);
    private readonly PriorityQueue<Key, long> _expiryQueue = new();
    private readonly TimeProvider _timeProvider;

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
            Prune(now.UtcTicks);
            if (TryGet(stored, out var expiry) && expiry > now.UtcTicks)
            {
                return ValueTask.FromResult(false);
            }

            Set(stored, until);
            _expiryQueue.Enqueue(stored, until);
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

    private Dictionary<Digest, long> Table(Key key) => key.Resolved ? _resolved : _firing;

    private bool TryGet(Key key, out long expiry)
        => key.Text is null ? Table(key).TryGetValue(key.Digest, out expiry) : _others.TryGetValue(key.Text, out expiry);

    private void Set(Key key, long until)
    {
        if (key.Text is null)
        {
            Table(key)[key.Digest] = until;
        }
        else
        {
            _others[key.Text] = until;
        }
    }

    private void Remove(Key key) => _ = key.Text is null ? Table(key).Remove(key.Digest) : _others.Remove(key.Text);

    /// <summary>Removes the reservations expired by <paramref name="now"/> (UTC ticks): amortised O(log n) per reservation, never a full scan. The caller holds the lock.</summary>
    private void Prune(long now)
    {
        while (_expiryQueue.TryPeek(out var key, out var expiry) && expiry <= now)
        {
            _expiryQueue.Dequeue();

            // Only if the reservation is still the one queued (not renewed or released since).
            if (TryGet(key, out var current) && current == expiry)
            {
                Remove(key);
            }
        }
    }

    /// <summary>A fingerprint's 32 bytes.</summary>
    private readonly record struct Digest(UInt128 High, UInt128 Low);

    /// <summary>A key as stored: a <see cref="Digest"/> (of a firing or a resolved key) when it is a fingerprint, otherwise the text.</summary>
    private readonly record struct Key(Digest Digest, bool Resolved, string? Text)
    {
        public static Key Of(string key)
        {
            var resolved = key.StartsWith(ResolvedPrefix, StringComparison.Ordinal);
            var hex = resolved ? key.AsSpan(ResolvedPrefix.Length) : key.AsSpan();
            Span<byte> bytes = stackalloc byte[32];
            if (hex.Length != 64 || hex.ContainsAnyExcept(NotLowerHex) || Convert.FromHexString(hex, bytes, out _, out var written) != OperationStatus.Done || written != 32)
            {
                return new Key(default, false, key);
            }

            return new Key(new Digest(BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt128BigEndian(bytes[16..])), resolved, null);
        }
    }
}
