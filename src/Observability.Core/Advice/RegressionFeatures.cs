using Observability.Internal;

namespace Observability;

/// <summary>
/// The feature vector of a regression classification: 20 named deltas, rates and flags of the
/// release against its baseline. Every feature is optional (<see langword="null"/> = not measured).
/// Units: <c>*DeltaPercent</c> is a relative change in percent (+45 means 45 % higher than the
/// baseline, -100 is the floor); <c>*RateDelta</c> is an absolute change of a ratio (+0.02 is two
/// percentage points); <see cref="QueueWaitDeltaMs"/> is milliseconds. Values are checked when set.
/// </summary>
public sealed partial record RegressionFeatures
{
    private const string PercentHint = "a relative change in percent cannot fall below -100.";
    private const string RateHint = "a change of a ratio lies in [-1, 1]; 0.02 means 2 percentage points.";

    /// <summary>Gets the change of latency (p99 or mean, as measured), in percent. Symptom.</summary>
    public double? LatencyDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of the error rate, as a ratio (0.02 = +2 percentage points). Symptom.</summary>
    public double? ErrorRateDelta { get; init => field = AdviceGuard.InRange(value, -1, 1, RateHint); }

    /// <summary>Gets the change of throughput, in percent (negative = fewer jobs done). Symptom.</summary>
    public double? ThroughputDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of the queue depth, in percent. Symptom.</summary>
    public double? QueueDepthDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of the time items wait in the queue, in milliseconds. Symptom.</summary>
    public double? QueueWaitDeltaMs { get; init => field = AdviceGuard.Finite(value); }

    /// <summary>Gets whether an error spike was detected after the release. Symptom.</summary>
    public bool? ErrorSpike { get; init; }

    /// <summary>Gets the change of the service's own CPU use, in percent. Release signal.</summary>
    public double? CpuDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of the service's memory use, in percent. Release signal.</summary>
    public double? MemoryDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of the service's disk I/O, in percent. Release signal.</summary>
    public double? DiskIoDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of garbage-collection pause time, in percent. Release signal.</summary>
    public double? GcPauseDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of the latency of external APIs the service calls, in percent. Environment signal.</summary>
    public double? ExternalApiLatencyDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of database latency, in percent. Environment signal.</summary>
    public double? DatabaseLatencyDeltaPercent { get; init => field = AdviceGuard.AtLeast(value, -100, PercentHint); }

    /// <summary>Gets the change of the share of calls that timed out, as a ratio. Environment signal.</summary>
    public double? TimeoutRateDelta { get; init => field = AdviceGuard.InRange(value, -1, 1, RateHint); }

    /// <summary>Gets the change of the share of calls that were retried, as a ratio. Environment signal.</summary>
    public double? RetryRateDelta { get; init => field = AdviceGuard.InRange(value, -1, 1, RateHint); }

    /// <summary>Gets the change of the share of calls that failed at the network level (resets, DNS), as a ratio. Environment signal.</summary>
    public double? NetworkErrorRateDelta { get; init => field = AdviceGuard.InRange(value, -1, 1, RateHint); }

    /// <summary>Gets the change of the cache hit rate, as a ratio (negative = fewer hits). Environment signal.</summary>
    public double? CacheHitRateDelta { get; init => field = AdviceGuard.InRange(value, -1, 1, RateHint); }

    /// <summary>Gets how long the release has been deployed. Context.</summary>
    public TimeSpan? DeploymentAge { get; init => field = AdviceGuard.NotNegative(value); }

    /// <summary>Gets whether configuration changed outside the release in the same period. Context.</summary>
    public bool? ConfigChanged { get; init; }

    /// <summary>Gets whether a dependency (a called service, a library, a managed service version) changed. Context.</summary>
    public bool? DependencyChanged { get; init; }

    /// <summary>Gets whether the infrastructure changed (nodes, network, platform). Context.</summary>
    public bool? InfrastructureChanged { get; init; }
}
