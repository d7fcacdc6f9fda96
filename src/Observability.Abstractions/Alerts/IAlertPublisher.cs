namespace Observability;

/// <summary>
/// The alert pipeline's entry point: redact, fingerprint, silence, inhibit, deduplicate, route by
/// severity and labels, group, and deliver through each sink's outbox with retries. The monitoring
/// pass publishes its findings here; applications may publish their own alerts too.
/// Publishing never throws for a delivery failure; only the caller's cancellation escapes.
/// </summary>
public interface IAlertPublisher
{
    /// <summary>
    /// Publishes alerts. Firing alerts notify once per fingerprint per window; an alert published
    /// with <see cref="AlertStatus.Resolved"/> sends the resolved notification for its fingerprint.
    /// Returns once the alerts are decided and queued for their sinks (and written to the outbox files, where
    /// configured); it never waits for a destination. Delivery goes on in the background: its outcome is in the log
    /// and the meter, and <see cref="FlushAsync"/> waits for it.
    /// </summary>
    /// <param name="alerts">The alerts.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>What the pipeline did: which alerts notify, which were suppressed, and how many were queued for each sink.</returns>
    Task<AlertPublishResult> PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends whatever waits in the outboxes now (ignoring group waits) and waits until every
    /// outbox is empty, or until <paramref name="cancellationToken"/> is cancelled. Call it, with a bounded wait,
    /// before a short-lived process (a CI job, a console sample) exits; what is still waiting then is logged per sink.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; undelivered alerts stay in the outbox.</param>
    /// <returns><see langword="true"/> when every outbox is empty.</returns>
    Task<bool> FlushAsync(CancellationToken cancellationToken = default);
}
