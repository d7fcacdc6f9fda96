namespace Observability.Benchmarks;

/// <summary>An alert sink that accepts every alert and does nothing, so a pass measures the library, not I/O.</summary>
internal sealed class NoOpAlertSink : IAlertSink
{
    /// <inheritdoc />
    public string Name => "noop";

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        => Task.FromResult(DeliveryResult.Delivered(Name, alerts.Count));
}
