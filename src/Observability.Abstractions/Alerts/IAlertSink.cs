namespace Observability;

/// <summary>
/// Delivers alerts to a destination (chat, issue tracker, pager, log). Implementations never
/// throw for a delivery failure: they return a <see cref="DeliveryResult"/> that says what
/// failed. Only the caller's own cancellation surfaces as an <see cref="OperationCanceledException"/>.
/// A sink does not retry or queue: the pipeline's outbox does, from the result's status and
/// <see cref="DeliveryResult.RetryAfter"/>. When a group went out in several messages and a later one
/// failed, report as <see cref="DeliveryResult.AlertCount"/> only the alerts not delivered (the last
/// ones of the group, in order): the pipeline retries just those. A sink that sends a group in several messages should
/// also implement <see cref="SendAsync(IReadOnlyList{Alert}, IProgress{int}, CancellationToken)"/>, so that a process
/// killed in the middle of a group re-sends only the message in flight.
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

    /// <summary>
    /// Delivers a group of alerts and, after each message the destination accepted, reports how many alerts (the first
    /// ones of <paramref name="alerts"/>, in order) are delivered so far, before it sends the next message. The pipeline
    /// records that progress durably (in its outbox file, where one is configured) as it is reported. By default a sink
    /// reports nothing and the pipeline learns the outcome from the result alone.
    /// </summary>
    /// <param name="alerts">The alerts; at least one.</param>
    /// <param name="delivered">Receives the number of alerts delivered so far (cumulative, never decreasing).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>What happened.</returns>
    Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, IProgress<int> delivered, CancellationToken cancellationToken = default)
        => SendAsync(alerts, cancellationToken);
}
