namespace Observability.Eval.Storm;

/// <summary>An alert sink that accepts every alert and only counts them, so a storm measures the library, not I/O.</summary>
internal sealed class NoOpAlertSink : IAlertSink
{
    private long _delivered;

    /// <inheritdoc />
    public string Name => "noop";

    /// <summary>How many alerts were handed to the sink.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _delivered, alerts.Count);
        return Task.FromResult(DeliveryResult.Delivered(Name, alerts.Count));
    }
}
