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
    /// </summary>
    /// <param name="alerts">The alerts.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>What the pipeline did: which alerts notify, which were suppressed, and the first delivery attempts.</returns>
    Task<AlertPublishResult> PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends whatever waits in the outboxes now (ignoring group waits) and waits until every
    /// outbox is empty, or until <paramref name="cancellationToken"/> is cancelled. Call it before a
    /// short-lived process (a CI job, a console sample) exits.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; undelivered alerts stay in the outbox.</param>
    /// <returns><see langword="true"/> when every outbox is empty.</returns>
    Task<bool> FlushAsync(CancellationToken cancellationToken = default);
}
