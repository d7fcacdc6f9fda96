using Observability.Internal;

namespace Observability;

/// <summary>
/// Summarises a period of <see cref="DailySummary"/> values (usually the 7 days from
/// <see cref="DailyAggregator.AggregateDays(IEnumerable{MetricSnapshot}, CollectionWindow, IEnumerable{Alert}?, DailyAggregationOptions?)"/>): averages, trends, degraded days, a rollback
/// recommendation with the rules that triggered it, and recommendations and action items for a person.
/// Rollback when the average availability is below the target, the average drift is above the
/// limit, at least two days are degraded, or there are more than five critical alerts (the defaults).
/// </summary>
public static class WeeklySummarizer
{
    /// <summary>Summarises the days.</summary>
    /// <param name="days">The daily summaries, in any order; at least one, no day twice.</param>
    /// <param name="options">The rollback rules and trend bands; the defaults when <see langword="null"/>.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">No day, a null day, the same day twice, or invalid options.</exception>
    public static WeeklySummary Summarize(IEnumerable<DailySummary> days, WeeklySummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        var valid = WeeklySummaryOptionsValidator.Validate(options, nameof(options));
        var sorted = Sorted(days);

        var totals = WeeklyTotals.From(sorted);
        var summary = new WeeklySummary
        {
            FirstDay = sorted[0].Day,
            LastDay = sorted[^1].Day,
            Days = sorted.Count,
            DaysWithData = sorted.Count(static d => d.HasData),
            AverageAvailability = totals.Availability,
            AvailabilitySloCompliance = totals.AvailabilityCompliance,
            AverageErrorRate = totals.ErrorRate,
            AverageLatencyP95 = totals.LatencyP95,
            AverageLatencyP99 = totals.LatencyP99,
            LatencySloCompliance = totals.LatencyCompliance,
            AverageCpu = totals.Cpu,
            AverageMemory = totals.Memory,
            AverageDriftPercent = totals.DriftPercent,
            Alerts = totals.Alerts,
            Stability = totals.Stability,
            Trends = WeeklyTrendBuilder.Build(sorted, valid.Thresholds.Trends),
            BaselineTimestamp = valid.BaselineTimestamp,
            Start = sorted[0].Start,
            End = sorted[^1].End,
            TotalSnapshots = sorted.Sum(static d => d.Completeness.Actual),
            DegradedDays = [.. sorted.Where(static d => d.IsDegraded).Select(static d => new DegradedDay(d.Day, d.DayNumber, d.Flags))],
            DaysWithoutData = [.. sorted.Where(static d => !d.HasData).Select(static d => d.Day)],
            RollbackReasons = [],
            Recommendations = [],
            ActionItems = [],
            DailySummaries = sorted.AsReadOnly(),
            ServiceName = valid.ServiceName,
            Version = valid.Version,
            Targets = WeeklyTargets.From(valid, sorted[^1]),
        };

        summary = summary with { RollbackReasons = WeeklyRollback.Reasons(summary, valid) };
        var advice = new WeeklyAdvice(summary, sorted, valid);
        return summary with { Recommendations = advice.Recommendations, ActionItems = advice.ActionItems };
    }

    private static List<DailySummary> Sorted(IEnumerable<DailySummary> days)
    {
        var sorted = new List<DailySummary>();
        foreach (var day in days)
        {
            if (day is null)
            {
                throw new ArgumentException($"The daily summary at position {sorted.Count} is null.", nameof(days));
            }

            sorted.Add(day);
        }

        if (sorted.Count == 0)
        {
            throw new ArgumentException("At least one daily summary is needed to summarise a period.", nameof(days));
        }

        sorted.Sort(static (a, b) => a.Day.CompareTo(b.Day));
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Day == sorted[i - 1].Day)
            {
                throw new ArgumentException($"The day {sorted[i].Day:yyyy-MM-dd} appears twice; give one summary per day.", nameof(days));
            }
        }

        return sorted;
    }
}
