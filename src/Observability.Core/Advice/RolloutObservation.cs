using Observability.Internal;

namespace Observability;

/// <summary>
/// What a rollout looked like at one moment, as the <see cref="RollbackAdvisor"/> reads it. Values
/// the source did not measure stay <see langword="null"/> and their rule is skipped. An observation
/// whose <see cref="Quality"/> is not usable (empty or failed) carries no data: the advisor answers
/// <see cref="Decision.NoData"/> and ignores its values.
/// </summary>
/// <param name="Timestamp">When the values were measured; observations reach the advisor in time order.</param>
public sealed record RolloutObservation(DateTimeOffset Timestamp)
{
    /// <summary>
    /// Gets whether anything was collected. Default: complete. Empty or failed means "no data":
    /// a collection failure, never grounds for a rollback.
    /// </summary>
    public DataQuality Quality { get; init; }

    /// <summary>Gets the error rate, a ratio in [0, 1] (0.05 is 5 %); <see langword="null"/> when not measured.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1] or not finite.</exception>
    public double? ErrorRate { get; init => field = AdviceGuard.InRange(value, 0, 1, "0.05 means 5 %."); }

    /// <summary>Gets how many jobs the error rate was measured over. Default: 0 (unknown, so the error rate is not judged).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int JobCount { get; init => field = AdviceGuard.Count(value); }

    /// <summary>Gets the health score, 0-100; <see langword="null"/> when not measured.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 100] or not finite.</exception>
    public double? HealthScore { get; init => field = AdviceGuard.InRange(value, 0, 100, "a health score runs from 0 to 100."); }

    /// <summary>Gets how many times the service failed to reach its (payment, job...) processor since the previous observation. Default: 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int ProcessorConnectivityFailures { get; init => field = AdviceGuard.Count(value); }

    /// <summary>Gets the number of items waiting in the work queue; <see langword="null"/> when not measured.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public double? QueueBacklog { get; init => field = AdviceGuard.AtLeast(value, 0, "a backlog counts waiting items."); }

    /// <summary>Gets a value indicating whether the observation carries data (its quality is complete or partial).</summary>
    public bool HasData => Quality.IsUsable;

    /// <summary>Creates an observation for a moment when nothing could be collected.</summary>
    /// <param name="timestamp">When the collection was attempted.</param>
    /// <param name="reason">Why nothing was collected, for the advice's summary.</param>
    /// <returns>An observation with a failed quality and no values.</returns>
    public static RolloutObservation NoData(DateTimeOffset timestamp, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new RolloutObservation(timestamp) { Quality = DataQuality.Failed(reason) };
    }
}
