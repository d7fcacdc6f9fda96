namespace Observability;

/// <summary>
/// The recent <see cref="ExecutionTrace"/>s in ring buffers: at most <see cref="TraceOptions.PerUserCapacity"/> per user
/// (the service's own work counts as one user) and <see cref="TraceOptions.Capacity"/> in all, the oldest dropped
/// first. Thread-safe; memory stays bounded whatever the number of users (a user whose traces have all been dropped
/// is forgotten).
/// </summary>
public sealed class TraceStore
{
    private const string ServiceKey = "\0service";

    private readonly Lock _gate = new();
    private readonly Queue<ExecutionTrace> _all;
    private readonly Dictionary<string, Queue<ExecutionTrace>> _byUser = new(StringComparer.Ordinal);
    private readonly int _perUser;
    private readonly int _capacity;
    private ExecutionTrace? _newest;

    /// <summary>Initializes a new instance of the <see cref="TraceStore"/> class.</summary>
    /// <param name="options">The bounds; both must be at least 1. Default: 100 per user, 1,000 in all.</param>
    public TraceStore(TraceOptions? options = null)
    {
        options ??= new TraceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PerUserCapacity, 1, "options.PerUserCapacity");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1, "options.Capacity");
        _perUser = options.PerUserCapacity;
        _capacity = options.Capacity;
        _all = new Queue<ExecutionTrace>(Math.Min(_capacity, 1024));
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
                mine = new Queue<ExecutionTrace>();
                _byUser.Add(key, mine);
            }

            mine.Enqueue(trace);
            if (mine.Count > _perUser)
            {
                // It stays in the global ring until it ages out there; a user's view reads only the user's ring.
                mine.Dequeue();
            }

            _all.Enqueue(trace);
            _newest = trace;
            if (_all.Count > _capacity)
            {
                var oldest = _all.Dequeue();
                var owner = oldest.UserId ?? ServiceKey;
                if (_byUser.TryGetValue(owner, out var theirs))
                {
                    // Insertion order is the same in both rings, so the user's oldest is this one unless already dropped.
                    if (theirs.Count > 0 && ReferenceEquals(theirs.Peek(), oldest))
                    {
                        theirs.Dequeue();
                    }

                    if (theirs.Count == 0)
                    {
                        _byUser.Remove(owner);
                    }
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
                return _newest;
            }

            return _byUser.TryGetValue(userId ?? ServiceKey, out var mine) && mine.Count > 0 ? mine.Last() : null;
        }
    }

    /// <summary>The traces kept for a user (or for everyone), newest first.</summary>
    /// <param name="userId">The user; <see langword="null"/> for all traces.</param>
    /// <returns>A copy; later additions do not change it.</returns>
    public IReadOnlyList<ExecutionTrace> GetRecent(string? userId = null)
    {
        lock (_gate)
        {
            IEnumerable<ExecutionTrace> source = userId is null ? _all : _byUser.TryGetValue(userId, out var mine) ? mine : [];
            var copy = source.ToArray();
            Array.Reverse(copy);
            return copy;
        }
    }
}
