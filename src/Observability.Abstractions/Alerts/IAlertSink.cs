namespace Observability;

/// <summary>
/// Delivers alerts to a destination (chat, issue tracker, pager, log). Implementations never
/// throw for a delivery failure: they return a <see cref="DeliveryResult"/> that says what
/// failed. Only the caller's own cancellation surfaces as an <see cref="OperationCanceledException"/>.
/// </summary>
public interface IAlertSink
{
    /// <summary>Gets the sink's name, unique among the registered sinks.</summary>
    string Name { get; }

    /// <summary>Delivers a group of alerts, already redacted and deduplicated.</summary>
    /// <param name="alerts">The alerts; at least one.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>What happened.</returns>
    Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default);
}
