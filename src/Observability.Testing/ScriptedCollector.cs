using System.Collections.Concurrent;

namespace Observability.Testing;

/// <summary>
/// A collector for tests. It serves the snapshots added to it that fall in the requested window,
/// unless an outcome was scripted with <see cref="EnqueueResult"/> or <see cref="EnqueueException"/>,
/// which are served first, in order. Every requested window is recorded.
/// </summary>
public sealed class ScriptedCollector : ICollector
{
    private readonly ConcurrentQueue<Func<CollectionWindow, CollectionResult>> _script = new();
    private readonly List<MetricSnapshot> _snapshots = [];
    private readonly ConcurrentQueue<CollectionWindow> _requests = new();
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="ScriptedCollector"/> class.</summary>
    /// <param name="name">The collector's name.</param>
    public ScriptedCollector(string name = "scripted")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the windows requested so far, in order.</summary>
    public IReadOnlyList<CollectionWindow> Requests => _requests.ToArray();

    /// <summary>Adds snapshots to the data this collector serves.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <returns>This collector.</returns>
    public ScriptedCollector Add(params IEnumerable<MetricSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        lock (_gate)
        {
            _snapshots.AddRange(snapshots);
        }

        return this;
    }

    /// <summary>Scripts the result of the next collection.</summary>
    /// <param name="result">The result to return.</param>
    /// <returns>This collector.</returns>
    public ScriptedCollector EnqueueResult(CollectionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _script.Enqueue(_ => result);
        return this;
    }

    /// <summary>Scripts an exception for the next collection (a collector that breaks its contract).</summary>
    /// <param name="exception">The exception to throw.</param>
    /// <returns>This collector.</returns>
    public ScriptedCollector EnqueueException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _script.Enqueue(_ => throw exception);
        return this;
    }

    /// <inheritdoc />
    public Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _requests.Enqueue(window);
        if (_script.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted(window));
        }

        MetricSnapshot[] inWindow;
        lock (_gate)
        {
            inWindow = _snapshots.Where(s => window.Contains(s.Timestamp)).ToArray();
        }

        return Task.FromResult(CollectionResult.Success(Name, inWindow));
    }
}
