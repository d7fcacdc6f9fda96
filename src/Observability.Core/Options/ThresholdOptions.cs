namespace Observability;

/// <summary>Thresholds of the verdict and the scores. Ratios are fractions in [0, 1].</summary>
public sealed class ThresholdOptions
{
    /// <summary>Gets or sets the error rate at which the verdict holds the rollout. Default: 0.025 (2.5 %).</summary>
    public double ErrorRateWarning { get; set; } = 0.025;

    /// <summary>
    /// Gets or sets the maximum error rate: above it, with more than <see cref="MinimumJobs"/> jobs, the
    /// verdict rolls back at once. Default: 0.05 (5 %).
    /// </summary>
    public double ErrorRateCritical { get; set; } = 0.05;

    /// <summary>Gets or sets how many jobs (or requests) the evaluation window must exceed before its error rate counts. Default: 10 (11 jobs count, 10 do not).</summary>
    public int MinimumJobs { get; set; } = 10;

    /// <summary>Gets or sets the health score below which the verdict holds. Default: 70.</summary>
    public double HealthWarning { get; set; } = 70;

    /// <summary>
    /// Gets or sets the health score below which the verdict holds at once and rolls back once the
    /// score has stayed below it for <see cref="HealthSustainFor"/>. Default: 50.
    /// </summary>
    public double HealthCritical { get; set; } = 50;

    /// <summary>Gets or sets how long the health score must stay below <see cref="HealthCritical"/> before the verdict rolls back. Default: 30 minutes.</summary>
    public TimeSpan HealthSustainFor { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets or sets the health points taken per percentage point of error rate. Default: 20 (so a
    /// 2.5 % error rate alone costs 50 points and 5 % costs all 100).
    /// </summary>
    public double HealthPointsPerErrorRatePercent { get; set; } = 20;

    /// <summary>Gets or sets how far a region's p95 latency may move from its baseline before the health score loses 5 points. Default: 100 ms.</summary>
    public TimeSpan RegionalLatencyDrift { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets how many processor connectivity failures (metric <c>connectivity_failures</c>) in one snapshot roll back. Default: 3.</summary>
    public int ConnectivityFailureLimit { get; set; } = 3;

    /// <summary>Gets or sets the queue backlog (metric <c>queue_backlog</c>) above which the verdict rolls back; <see langword="null"/> turns the rule off. Default: off.</summary>
    public double? QueueBacklogLimit { get; set; }

    /// <summary>Gets or sets the availability SLO a snapshot must meet. Default: 0.999 (99.9 %).</summary>
    public double AvailabilityTarget { get; set; } = 0.999;

    /// <summary>Gets or sets the p99 latency a snapshot must stay under. Default: 500 ms.</summary>
    public TimeSpan LatencyP99Target { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets how many unusable snapshots in a row make a data gap persistent rather than transient. Default: 3.</summary>
    public int PersistentGapSnapshots { get; set; } = 3;

    /// <summary>Gets or sets the period of the SLOs' error budgets; the burn-rate alert thresholds derive from it. Default: 30 days.</summary>
    public TimeSpan SloPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Gets or sets the share of snapshots whose p99 must stay under <see cref="LatencyP99Target"/> (the latency SLO). Default: 0.99.</summary>
    public double LatencyObjective { get; set; } = 0.99;

    /// <summary>Gets or sets how many jobs (or requests) a burn-rate alert's long window needs before it may fire. Default: 100.</summary>
    public double BurnRateMinimumEvents { get; set; } = 100;

    /// <summary>
    /// Gets or sets the share of snapshots in SLO (availability or latency) below which a day is
    /// degraded (the 7-day monitor's rule). Default: 0.95 (95 %).
    /// </summary>
    public double DegradedDayCompliance { get; set; } = 0.95;

    /// <summary>
    /// Gets or sets the drift from the baseline, in percent, above which a metric counts as drifted on
    /// a day, and above which the week's average drift recommends a rollback. Default: 15.
    /// </summary>
    public double DriftLimitPercent { get; set; } = 15;

    /// <summary>Gets or sets how many degraded days in a week recommend a rollback. Default: 2.</summary>
    public int DegradedDaysLimit { get; set; } = 2;

    /// <summary>Gets or sets how many critical alerts a week may have before a rollback is recommended (more than this). Default: 5.</summary>
    public int CriticalAlertLimit { get; set; } = 5;

    /// <summary>
    /// Gets or sets the rise of the error rate, in percent, of the evaluation window against the
    /// equally long period before it, above which an early warning is raised (the rollout spec's
    /// "error rate up more than 50 %"). Default: 50.
    /// </summary>
    public double EarlyWarningIncreasePercent { get; set; } = 50;

    /// <summary>
    /// Gets or sets how many snapshots the rolling success rate spans: below 1 - <see cref="ErrorRateWarning"/>
    /// it is <c>trend_degradation</c>, below 1 - <see cref="ErrorRateCritical"/> <c>success_rate_crit</c>. Default: 5.
    /// </summary>
    public int SuccessRateWindow { get; set; } = 5;

    /// <summary>Gets the half-against-half trend bands of the weekly summary (availability in percentage points, latency in ms, resources in percent).</summary>
    public TrendOptions Trends { get; private set; } = new();

    /// <summary>A copy, so that a later change to these options cannot reach work under way.</summary>
    internal ThresholdOptions Clone()
    {
        var copy = (ThresholdOptions)MemberwiseClone();
        copy.Trends = new TrendOptions
        {
            FlatBandPercent = Trends.FlatBandPercent,
            AvailabilityBandPoints = Trends.AvailabilityBandPoints,
            LatencyBandMilliseconds = Trends.LatencyBandMilliseconds,
            ResourceBandPercent = Trends.ResourceBandPercent,
        };
        return copy;
    }
}
