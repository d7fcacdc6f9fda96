namespace Observability;

/// <summary>Targets and limits of <see cref="DailyAggregator"/>. Ratios are fractions in [0, 1].</summary>
public sealed class DailyAggregationOptions
{
    /// <summary>Gets or sets the availability a snapshot must reach to meet the SLO (at or above). Default: 0.999 (99.9 %).</summary>
    public double AvailabilityTarget { get; set; } = 0.999;

    /// <summary>Gets or sets the p99 latency a snapshot must stay under to meet the latency SLO. Default: 500 ms.</summary>
    public TimeSpan LatencyP99Target { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Gets or sets how often a snapshot is expected; the day expects 24 h / interval of them (rounded up),
    /// one per slot of this length from midnight UTC. Between 1 second and 1 day. Default: 30 seconds.
    /// </summary>
    public TimeSpan ExpectedInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the SLO compliance (availability or latency) below which a day is degraded. Default: 0.95 (95 %).</summary>
    public double DegradedComplianceThreshold { get; set; } = 0.95;

    /// <summary>Gets or sets the average error rate at or above which a day is degraded. Default: 0.001 (0.1 %).</summary>
    public double ErrorRateThreshold { get; set; } = 0.001;

    /// <summary>Gets or sets the average drift from the baseline, in percent, above which a metric counts as drifted. Default: 15.</summary>
    public double DriftThresholdPercent { get; set; } = 15;

    /// <summary>
    /// Gets the baseline values by metric name (for example from a baseline file) that drift is measured
    /// against: drift % = |value - baseline| / baseline x 100. Each value must be finite and above 0.
    /// Empty by default: no drift is measured and the stability score takes no drift penalty.
    /// </summary>
    public IDictionary<string, double> Baseline { get; } = new Dictionary<string, double>(StringComparer.Ordinal);
}
