using System.Collections.Concurrent;

namespace Observability.Testing;

/// <summary>
/// An alert sink for tests: records every delivery, and can be told to fail, throttle or throw.
/// </summary>
public sealed class RecordingAlertSink : IAlertSink
{
    private readonly ConcurrentQueue<IReadOnlyList<Alert>> _deliveries = new();
    private readonly ConcurrentQueue<Func<IReadOnlyList<Alert>, DeliveryResult>> _script = new();
    private readonly ConcurrentQueue<DateTimeOffset> _attempts = new();
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="RecordingAlertSink"/> class.</summary>
    /// <param name="name">The sink's name.</param>
    public RecordingAlertSink(string name = "recording")
        : this(name, TimeProvider.System)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordingAlertSink"/> class that stamps each attempt with a clock.</summary>
    /// <param name="name">The sink's name.</param>
    /// <param name="timeProvider">The clock for <see cref="AttemptTimes"/> (for example a fake one).</param>
    public RecordingAlertSink(string name, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Name = name;
        _time = timeProvider;
    }

    /// <summary>Gets when each call to <see cref="SendAsync"/> happened, successful or not, in order.</summary>
    public IReadOnlyList<DateTimeOffset> AttemptTimes => _attempts.ToArray();

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

    /// <summary>Makes the next <paramref name="times"/> deliveries fail with the given error (nothing is recorded).</summary>
    /// <param name="times">How many deliveries fail.</param>
    /// <param name="error">The error.</param>
    /// <param name="statusCode">The status code to report.</param>
    /// <returns>This sink.</returns>
    public RecordingAlertSink FailNext(int times, string error, int? statusCode = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        for (var i = 0; i < times; i++)
        {
            FailNext(error, statusCode);
        }

        return this;
    }

    /// <summary>Makes the next delivery throttled, as an HTTP 429 with <c>Retry-After</c> would be.</summary>
    /// <param name="retryAfter">How long the destination asks to wait.</param>
    /// <param name="statusCode">The status code to report.</param>
    /// <returns>This sink.</returns>
    public RecordingAlertSink ThrottleNext(TimeSpan? retryAfter, int? statusCode = 429)
    {
        _script.Enqueue(alerts => DeliveryResult.Throttled(Name, alerts.Count, retryAfter, statusCode));
        return this;
    }

    /// <summary>Makes the next delivery refused for its content (not retried).</summary>
    /// <param name="error">The error.</param>
    /// <param name="statusCode">The status code to report.</param>
    /// <returns>This sink.</returns>
    public RecordingAlertSink RejectNext(string error, int? statusCode = 400)
    {
        _script.Enqueue(alerts => DeliveryResult.Rejected(Name, alerts.Count, error, statusCode));
        return this;
    }

    /// <summary>Makes the next delivery report the destination gone (the pipeline disables the sink).</summary>
    /// <param name="error">The error.</param>
    /// <param name="statusCode">The status code to report.</param>
    /// <returns>This sink.</returns>
    public RecordingAlertSink GoneNext(string error, int? statusCode = 404)
    {
        _script.Enqueue(alerts => DeliveryResult.Gone(Name, alerts.Count, error, statusCode));
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
        _attempts.Enqueue(_time.GetUtcNow());
        if (_script.TryDequeue(out var scripted))
        {
            return Task.FromResult(scripted(alerts));
        }

        _deliveries.Enqueue(alerts.ToArray());
        return Task.FromResult(DeliveryResult.Delivered(Name, alerts.Count));
    }
}
