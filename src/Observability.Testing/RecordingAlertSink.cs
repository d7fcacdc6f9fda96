using System.Collections.Concurrent;

namespace Observability.Testing;

/// <summary>
/// An alert sink for tests: records every delivery, and can be told to fail, throttle or throw.
/// </summary>
public sealed class RecordingAlertSink : IAlertSink
{
    private readonly ConcurrentQueue<IReadOnlyList<Alert>> _deliveries = new();
    private readonly ConcurrentQueue<Func<IReadOnlyList<Alert>, DeliveryResult>> _script = new();

    /// <summary>Initializes a new instance of the <see cref="RecordingAlertSink"/> class.</summary>
    /// <param name="name">The sink's name.</param>
    public RecordingAlertSink(string name = "recording")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets each accepted delivery (a group of alerts), in order.</summary>
    public IReadOnlyList<IReadOnlyList<Alert>> Deliveries => _deliveries.ToArray();

    /// <summary>Gets every accepted alert, in order.</summary>
    public IReadOnlyList<Alert> Alerts => _deliveries.SelectMany(static d => d).ToArray();

    /// <summary>Makes the next delivery fail with the given error (nothing is recorded).</summary>
    /// <param name="error">The error.</param>
    /// <param name="statusCode">The status code to report.</param>
    /// <returns>This sink.</returns>
    public RecordingAlertSink FailNext(string error, int? statusCode = null)
    {
        _script.Enqueue(alerts => DeliveryResult.Failed(Name, alerts.Count, error, statusCode));
        return this;
    }

    /// <summary>Makes the next delivery throw (a sink that breaks its contract).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>This sink.</returns>
    public RecordingAlertSink ThrowNext(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _script.Enqueue(_ => throw exception);
        return this;
    }

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        cancellationToken.ThrowIfCancellationRequested();
        if (_script.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted(alerts));
        }

        _deliveries.Enqueue(alerts.ToArray());
        return Task.FromResult(DeliveryResult.Delivered(Name, alerts.Count));
    }
}
