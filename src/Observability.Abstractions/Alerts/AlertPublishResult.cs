namespace Observability;

/// <summary>What the alert pipeline did with a batch of published alerts.</summary>
public sealed class AlertPublishResult
{
    /// <summary>Gets an empty result.</summary>
    public static AlertPublishResult Empty { get; } = new();

    /// <summary>Gets every published alert after redaction, with its fingerprint.</summary>
    public IReadOnlyList<Alert> Accepted { get; init; } = [];

    /// <summary>Gets the alerts that make a notification (new, or repeated after the repeat interval, or resolved).</summary>
    public IReadOnlyList<Alert> Raised { get; init; } = [];

    /// <summary>Gets how many alerts were repeats within their window (this process or, with a shared store, another replica already notified).</summary>
    public int Suppressed { get; init; }

    /// <summary>Gets how many alerts a silence or maintenance window muted.</summary>
    public int Silenced { get; init; }

    /// <summary>Gets how many alerts an inhibition rule muted (for example a warning under a critical alert).</summary>
    public int Inhibited { get; init; }

    /// <summary>
    /// Gets, for each sink that was routed something, how many alerts were queued for it (<see cref="DeliveryStatus.Queued"/>),
    /// or that a disabled sink took none (<see cref="DeliveryStatus.Skipped"/>). Delivery happens in the background.
    /// </summary>
    public IReadOnlyList<DeliveryResult> Deliveries { get; init; } = [];
}
