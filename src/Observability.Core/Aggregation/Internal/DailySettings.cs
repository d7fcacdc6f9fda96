namespace Observability.Internal;

/// <summary>
/// Validated <see cref="DailyAggregationOptions"/>, copied once so that a series of days shares them
/// and a later change to the options object cannot reach an aggregation under way.
/// </summary>
internal sealed class DailySettings
{
    public DailySettings(DailyAggregationOptions? options, string parameterName)
    {
        var valid = DailyAggregationOptionsValidator.Validate(options, parameterName);
        AvailabilityTarget = valid.AvailabilityTarget;
        LatencyP99TargetMs = valid.LatencyP99Target.TotalMilliseconds;
        Interval = valid.ExpectedInterval;
        DegradedCompliance = valid.DegradedComplianceThreshold;
        ErrorRateThreshold = valid.ErrorRateThreshold;
        DriftThresholdPercent = valid.DriftThresholdPercent;
        BaselineMetrics = [.. valid.Baseline.Keys];
        BaselineValues = [.. BaselineMetrics.Select(m => valid.Baseline[m])];
        ExpectedSnapshots = (int)((TimeSpan.TicksPerDay + Interval.Ticks - 1) / Interval.Ticks);
    }

    public double AvailabilityTarget { get; }

    public double LatencyP99TargetMs { get; }

    public TimeSpan Interval { get; }

    public double DegradedCompliance { get; }

    public double ErrorRateThreshold { get; }

    public double DriftThresholdPercent { get; }

    public string[] BaselineMetrics { get; }

    public double[] BaselineValues { get; }

    public int ExpectedSnapshots { get; }
}
