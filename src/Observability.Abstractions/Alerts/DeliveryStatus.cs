namespace Observability;

/// <summary>The outcome of one delivery to a sink.</summary>
public enum DeliveryStatus
{
    /// <summary>The destination accepted the alerts.</summary>
    Delivered = 0,

    /// <summary>The delivery failed; see the error.</summary>
    Failed = 1,

    /// <summary>The destination asked to slow down; see <see cref="DeliveryResult.RetryAfter"/>.</summary>
    Throttled = 2,

    /// <summary>Nothing was sent on purpose (sink disabled, severity not routed here).</summary>
    Skipped = 3,

    /// <summary>
    /// The destination refused the content (for example HTTP 400); sending the same alerts
    /// again would not help, so they are not retried.
    /// </summary>
    Rejected = 4,

    /// <summary>
    /// The destination no longer exists (for example a deleted Discord webhook, HTTP 404); the
    /// pipeline disables the sink and says so in the log.
    /// </summary>
    Gone = 5,

    /// <summary>
    /// The alerts wait in the sink's outbox (and its file, where one is configured); the pipeline delivers them in the
    /// background. <see cref="IAlertPublisher.PublishAsync"/> says this; the outcome is in the log and the meter, and
    /// <see cref="IAlertPublisher.FlushAsync"/> waits for it.
    /// </summary>
    Queued = 6,
}
