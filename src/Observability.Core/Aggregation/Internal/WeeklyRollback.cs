namespace Observability.Internal;

/// <summary>The four rollback rules of a period, each with its numbers.</summary>
internal static class WeeklyRollback
{
    public static IReadOnlyList<RollbackReason> Reasons(WeeklySummary summary, WeeklySummaryOptions settings)
    {
        var options = settings.Thresholds;
        var reasons = new List<RollbackReason>();
        if (summary.AverageAvailability is { } availability && NumericTolerance.Below(availability, options.AvailabilityTarget))
        {
            reasons.Add(new RollbackReason(
                RollbackReason.AvailabilityBelowTarget,
                availability,
                options.AvailabilityTarget,
                $"Availability averaged {Advice.Percent(availability)} over {summary.DaysWithData} days, below the {Advice.Percent(options.AvailabilityTarget)} target."));
        }

        if (summary.AverageDriftPercent is { } drift && NumericTolerance.Above(drift, options.DriftLimitPercent))
        {
            reasons.Add(new RollbackReason(
                RollbackReason.DriftAboveLimit,
                drift,
                options.DriftLimitPercent,
                $"Metrics drifted {Advice.Number(drift, "0.#")} % from the baseline on average, above the {Advice.Number(options.DriftLimitPercent, "0.#")} % limit."));
        }

        var degraded = summary.DegradedDays.Count;
        if (degraded >= options.DegradedDaysLimit)
        {
            reasons.Add(new RollbackReason(
                RollbackReason.DegradedDays,
                degraded,
                options.DegradedDaysLimit,
                $"{degraded} of {summary.Days} days {(degraded == 1 ? "was" : "were")} degraded ({Advice.DayList(summary.DegradedDays.Select(static d => d.DayNumber))}); {options.DegradedDaysLimit} or more recommend a rollback."));
        }

        var critical = summary.Alerts.Critical;
        if (critical > options.CriticalAlertLimit)
        {
            reasons.Add(new RollbackReason(
                RollbackReason.CriticalAlerts,
                critical,
                options.CriticalAlertLimit,
                $"{Advice.Count(critical, "critical alert")}, more than the {options.CriticalAlertLimit} allowed."));
        }

        return reasons;
    }
}
