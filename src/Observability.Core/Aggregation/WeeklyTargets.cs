namespace Observability;

/// <summary>
/// The targets and limits a <see cref="WeeklySummary"/> was judged against, as the reports show them beside
/// each value. Ratios are fractions in [0, 1].
/// </summary>
/// <param name="AvailabilityTarget">The availability the period must average (at or above): <see cref="ThresholdOptions.AvailabilityTarget"/>.</param>
/// <param name="ErrorRateThreshold">The average error rate at or above which a day is degraded: <see cref="ThresholdOptions.ErrorRateWarning"/>.</param>
/// <param name="LatencyP99TargetMilliseconds">The p99 latency a snapshot must stay under: <see cref="ThresholdOptions.LatencyP99Target"/>, in milliseconds.</param>
/// <param name="DriftLimitPercent">The average drift, in percent, above which a rollback is recommended: <see cref="ThresholdOptions.DriftLimitPercent"/>.</param>
/// <param name="CriticalAlertLimit">The critical alerts the period may have: <see cref="ThresholdOptions.CriticalAlertLimit"/>.</param>
/// <param name="DegradedDaysLimit">How many degraded days recommend a rollback: <see cref="ThresholdOptions.DegradedDaysLimit"/>.</param>
public sealed record WeeklyTargets(
    double AvailabilityTarget,
    double ErrorRateThreshold,
    double LatencyP99TargetMilliseconds,
    double DriftLimitPercent,
    int CriticalAlertLimit,
    int DegradedDaysLimit)
{
    /// <summary>Gets the targets of the default <see cref="DailyAggregationOptions"/> and <see cref="WeeklySummaryOptions"/>.</summary>
    internal static WeeklyTargets Default { get; } = From(new WeeklySummaryOptions(), null);

    internal static WeeklyTargets From(WeeklySummaryOptions options, DailySummary? lastDay)
        => new(
            options.Thresholds.AvailabilityTarget,
            lastDay?.ErrorRateThreshold ?? options.Thresholds.ErrorRateWarning,
            lastDay?.Latency.TargetMilliseconds ?? options.Thresholds.LatencyP99Target.TotalMilliseconds,
            options.Thresholds.DriftLimitPercent,
            options.Thresholds.CriticalAlertLimit,
            options.Thresholds.DegradedDaysLimit);
}
