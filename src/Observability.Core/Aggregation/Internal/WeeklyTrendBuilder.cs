namespace Observability.Internal;

/// <summary>The trends of a period of days: last day against first, first half against second, a p99 line.</summary>
internal static class WeeklyTrendBuilder
{
    public static WeeklyTrends Build(IReadOnlyList<DailySummary> days, TrendOptions bands)
    {
        var p99Line = LinearTrend.Fit(days.Where(static d => d.Latency.P99Average is not null).Select(static d => (d.Start.AddHours(12), d.Latency.P99Average!.Value)));
        var target = days[^1].Latency.TargetMilliseconds;
        var reachesTarget = p99Line is { SlopePerHour: > 0 } line && line.EndValue < target ? line.ProjectCrossing(target) : null;

        return new WeeklyTrends(
            FirstToLast(days, WellKnownMetrics.Availability, static d => d.Availability.Average, bands),
            FirstToLast(days, WellKnownMetrics.ErrorRate, static d => d.Errors.AverageRate, bands),
            FirstToLast(days, WellKnownMetrics.LatencyP95, static d => d.Latency.P95Average, bands),
            FirstToLast(days, WellKnownMetrics.LatencyP99, static d => d.Latency.P99Average, bands),
            FirstToLast(days, WellKnownMetrics.CpuUtilization, static d => d.Resources.CpuAverage, bands),
            FirstToLast(days, WellKnownMetrics.MemoryUtilization, static d => d.Resources.MemoryAverage, bands),
            Halves(days, bands),
            p99Line,
            reachesTarget);
    }

    private static PeriodOverPeriodTrend? FirstToLast(IReadOnlyList<DailySummary> days, string metric, Func<DailySummary, double?> value, TrendOptions bands)
    {
        var measured = days.Where(d => value(d) is not null).ToList();
        return measured.Count < 2 ? null : PeriodOverPeriodTrend.Compute(value(measured[0])!.Value, value(measured[^1])!.Value, bands.FlatBandPercent, metric);
    }

    /// <summary>Split at the middle of the period: for 7 days, days 1-3 against days 4-7.</summary>
    private static HalfComparison Halves(IReadOnlyList<DailySummary> days, TrendOptions bands)
    {
        var first = new HalfSums();
        var second = new HalfSums();
        DateTimeOffset? splitAt = null;
        if (days.Count >= 2)
        {
            var middle = days[0].Start + ((days[^1].Start - days[0].Start) / 2);
            splitAt = days.First(d => d.Start >= middle).Start;
            foreach (var day in days.Where(static d => d.HasData))
            {
                (day.Start < splitAt ? first : second).Add(day);
            }
        }

        return HalfChangeRules.Compare(splitAt, first, second, bands);
    }
}
