namespace Observability;

/// <summary>
/// Delivers alerts to a destination (chat, issue tracker, pager, log). Implementations never
/// throw for a delivery failure: they return a <see cref="DeliveryResult"/> that says what
/// failed. Only the caller's own cancellation surfaces as an <see cref="OperationCanceledException"/>.
/// A sink does not retry or queue: the pipeline's outbox does, from the result's status and
/// <see cref="DeliveryResult.RetryAfter"/>. When a group went out in several messages and a later one
/// failed, report as <see cref="DeliveryResult.AlertCount"/> only the alerts not delivered (the last
/// ones of the group, in order): the pipeline retries just those.
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
