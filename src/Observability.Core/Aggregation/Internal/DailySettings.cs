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
        Thresholds = valid.Thresholds.Clone();
        Interval = valid.ExpectedInterval;
        Baseline = new Dictionary<string, double>(valid.Baseline, StringComparer.Ordinal);
        Classifier = new SnapshotClassifier(Thresholds);
        ExpectedSnapshots = (int)((TimeSpan.TicksPerDay + Interval.Ticks - 1) / Interval.Ticks);
    }

    public ThresholdOptions Thresholds { get; }

    public TimeSpan Interval { get; }

    public IReadOnlyDictionary<string, double> Baseline { get; }

    /// <summary>Gets the classifier of snapshots added as such (the same thresholds).</summary>
    public SnapshotClassifier Classifier { get; }

    public int ExpectedSnapshots { get; }

    public double AvailabilityTarget => Thresholds.AvailabilityTarget;

    public double LatencyP99TargetMs => Thresholds.LatencyP99Target.TotalMilliseconds;

    public double DegradedCompliance => Thresholds.DegradedDayCompliance;

    public double DriftThresholdPercent => Thresholds.DriftLimitPercent;
}
