namespace Observability;

/// <summary>
/// The targets and limits a <see cref="WeeklySummary"/> was judged against, as the reports show them beside
/// each value. Ratios are fractions in [0, 1].
/// </summary>
/// <param name="AvailabilityTarget">The availability the period must average (at or above): <see cref="WeeklySummaryOptions.AvailabilityTarget"/>.</param>
/// <param name="ErrorRateThreshold">The average error rate at or above which a day is degraded: <see cref="DailyAggregationOptions.ErrorRateThreshold"/>.</param>
/// <param name="LatencyP99TargetMilliseconds">The p99 latency a snapshot must stay under: <see cref="DailyAggregationOptions.LatencyP99Target"/>, in milliseconds.</param>
/// <param name="DriftLimitPercent">The average drift, in percent, above which a rollback is recommended: <see cref="WeeklySummaryOptions.DriftLimitPercent"/>.</param>
/// <param name="CriticalAlertLimit">The critical alerts the period may have: <see cref="WeeklySummaryOptions.CriticalAlertLimit"/>.</param>
/// <param name="DegradedDaysLimit">How many degraded days recommend a rollback: <see cref="WeeklySummaryOptions.DegradedDaysLimit"/>.</param>
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
            options.AvailabilityTarget,
            lastDay?.ErrorRateThreshold ?? new DailyAggregationOptions().ErrorRateThreshold,
            lastDay?.Latency.TargetMilliseconds ?? new DailyAggregationOptions().LatencyP99Target.TotalMilliseconds,
            options.DriftLimitPercent,
            options.CriticalAlertLimit,
            options.DegradedDaysLimit);
}
