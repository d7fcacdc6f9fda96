namespace Observability;

/// <summary>
/// The recent <see cref="ExecutionTrace"/>s in ring buffers: at most <see cref="TraceOptions.PerUserCapacity"/> per user
/// (the service's own work counts as one user) and <see cref="TraceOptions.Capacity"/> in all, the oldest dropped
/// first. A trace dropped from its user's ring leaves the store at once (it no longer takes a place in the global
/// ring). Thread-safe; every operation but the copies is O(1), and memory stays bounded whatever the number of users
/// (a user whose traces have all been dropped is forgotten).
/// </summary>
public sealed class TraceStore
{
    private const string ServiceKey = "\0service";

    private readonly Lock _gate = new();

    // Oldest first. A user's ring holds that user's nodes of this list, in the same order, so the oldest of a user is
    // always the first of the user's ring, and a node dropped from either ring is unlinked from both in O(1).
    private readonly LinkedList<ExecutionTrace> _all = new();
    private readonly Dictionary<string, UserRing> _byUser = new(StringComparer.Ordinal);
    private readonly int _perUser;
    private readonly int _capacity;

    /// <summary>Initializes a new instance of the <see cref="TraceStore"/> class.</summary>
    /// <param name="options">The bounds; both must be at least 1. Default: 100 per user, 1,000 in all.</param>
    public TraceStore(TraceOptions? options = null)
    {
        options ??= new TraceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PerUserCapacity, 1, "options.PerUserCapacity");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1, "options.Capacity");
        _perUser = options.PerUserCapacity;
        _capacity = options.Capacity;
    }

    /// <summary>Gets how many traces are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Adds a trace, dropping the oldest of its user and the oldest of all when a buffer is full.</summary>
    /// <param name="trace">The trace.</param>
    public void Add(ExecutionTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var key = trace.UserId ?? ServiceKey;
        lock (_gate)
        {
            if (!_byUser.TryGetValue(key, out var mine))
            {
                mine = new UserRing();
                _byUser.Add(key, mine);
            }

            mine.Newest = _all.AddLast(trace);
            mine.Enqueue(mine.Newest);
            if (mine.Count > _perUser)
            {
                _all.Remove(mine.Dequeue());
            }

            if (_all.Count > _capacity)
            {
                var oldest = _all.First!;
                var owner = oldest.Value.UserId ?? ServiceKey;
                _all.Remove(oldest);
                var theirs = _byUser[owner];
                theirs.Dequeue();
                if (theirs.Count == 0)
                {
                    _byUser.Remove(owner);
                }
            }
        }
    }

    /// <summary>The newest trace of a user, of the service's own work, or of anyone.</summary>
    /// <param name="userId">The user; <see langword="null"/> for the newest trace of all.</param>
    /// <param name="serviceOnly">With <paramref name="userId"/> null, <see langword="true"/> to look only at the service's own work.</param>
    /// <returns>The trace, or <see langword="null"/> when none is kept.</returns>
    public ExecutionTrace? GetLast(string? userId = null, bool serviceOnly = false)
    {
        lock (_gate)
        {
            if (userId is null && !serviceOnly)
            {
                return _all.Last?.Value;
            }

            return _byUser.TryGetValue(userId ?? ServiceKey, out var mine) && mine.Newest is { } newest ? newest.Value : null;
        }
    }

    /// <summary>The traces kept for a user (or for everyone), newest first.</summary>
    /// <param name="userId">The user; <see langword="null"/> for all traces.</param>
    /// <returns>A copy; later additions do not change it.</returns>
    public IReadOnlyList<ExecutionTrace> GetRecent(string? userId = null)
    {
        lock (_gate)
        {
            ExecutionTrace[] copy = userId is null
                ? [.. _all]
                : _byUser.TryGetValue(userId, out var mine) ? [.. mine.Select(static node => node.Value)] : [];
            Array.Reverse(copy);
            return copy;
        }
    }

    private sealed class UserRing : Queue<LinkedListNode<ExecutionTrace>>
    {
        public LinkedListNode<ExecutionTrace>? Newest { get; set; }
    }
}
