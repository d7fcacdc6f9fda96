namespace Observability;

/// <summary>Thresholds of the verdict and the scores. Ratios are fractions in [0, 1].</summary>
public sealed class ThresholdOptions
{
    /// <summary>Gets or sets the error rate at which the verdict holds the rollout. Default: 0.025 (2.5 %).</summary>
    public double ErrorRateWarning { get; set; } = 0.025;

    /// <summary>Gets or sets the error rate at which the verdict rolls back. Default: 0.05 (5 %).</summary>
    public double ErrorRateCritical { get; set; } = 0.05;

    /// <summary>Gets or sets how many jobs (or requests) the evaluation window needs before its error rate counts. Default: 10.</summary>
    public int MinimumJobs { get; set; } = 10;

    /// <summary>Gets or sets the health score below which the verdict holds. Default: 70.</summary>
    public double HealthWarning { get; set; } = 70;

    /// <summary>Gets or sets the health score below which the verdict rolls back. Default: 50.</summary>
    public double HealthCritical { get; set; } = 50;

    /// <summary>Gets or sets the availability SLO a snapshot must meet. Default: 0.999 (99.9 %).</summary>
    public double AvailabilityTarget { get; set; } = 0.999;

    /// <summary>Gets or sets the p99 latency a snapshot must stay under. Default: 500 ms.</summary>
    public TimeSpan LatencyP99Target { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets how many unusable snapshots in a row make a data gap persistent rather than transient. Default: 3.</summary>
    public int PersistentGapSnapshots { get; set; } = 3;
}
