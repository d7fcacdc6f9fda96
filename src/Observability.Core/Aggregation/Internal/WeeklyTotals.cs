namespace Observability.Internal;

/// <summary>The period's averages: each day weighted by how many snapshots measured the metric.</summary>
internal sealed record WeeklyTotals(
    double? Availability,
    double? AvailabilityCompliance,
    double? ErrorRate,
    double? LatencyP95,
    double? LatencyP99,
    double? LatencyCompliance,
    double? Cpu,
    double? Memory,
    double? DriftPercent,
    AlertAggregate Alerts,
    StabilityScore Stability)
{
    public static WeeklyTotals From(IReadOnlyList<DailySummary> days)
    {
        var withData = days.Where(static d => d.HasData).ToList();
        return new WeeklyTotals(
            Weighted(days, static d => (d.Availability.Average, d.Availability.Measured)),
            Share(days.Sum(static d => d.Availability.Compliant), days.Sum(static d => d.Availability.Judged)),
            ErrorRateOf(days),
            Weighted(days, static d => (d.Latency.P95Average, d.Latency.P95Measured)),
            Weighted(days, static d => (d.Latency.P99Average, d.Latency.Measured)),
            Share(days.Sum(static d => d.Latency.Compliant), days.Sum(static d => d.Latency.Measured)),
            Weighted(days, static d => (d.Resources.CpuAverage, d.Resources.CpuMeasured)),
            Weighted(days, static d => (d.Resources.MemoryAverage, d.Resources.MemoryMeasured)),
            DriftOf(withData),
            new AlertAggregate(
                days.Sum(static d => d.Alerts.Info),
                days.Sum(static d => d.Alerts.Warning),
                days.Sum(static d => d.Alerts.Error),
                days.Sum(static d => d.Alerts.Critical),
                days.Sum(static d => d.Alerts.AlertFreeHours)),
            StabilityOf(withData));
    }

    private static double? ErrorRateOf(IReadOnlyList<DailySummary> days)
    {
        // Volume-weighted when every day that measured an error rate also counted its volume; else by snapshots.
        var measured = days.Where(static d => d.Errors.AverageRate is not null).ToList();
        return measured.Count > 0 && measured.All(static d => d.Errors.TotalVolume is > 0)
            ? Weighted(measured, static d => (d.Errors.AverageRate, d.Errors.TotalVolume!.Value))
            : Weighted(measured, static d => (d.Errors.AverageRate, d.Errors.Measured));
    }

    /// <summary>The mean of the days' level drifts (days with data and a drift).</summary>
    private static double? DriftOf(List<DailySummary> withData)
    {
        var drifts = withData.Where(static d => d.Drift.AveragePercent is not null).Select(static d => d.Drift.AveragePercent!.Value).ToList();
        return drifts.Count == 0 ? null : drifts.Average();
    }

    /// <summary>
    /// The period's stability, the one definition: compliance over all its snapshots (summed over the days,
    /// not an average of daily scores) and the mean daily drift, as <see cref="StabilityMath"/> scores a window.
    /// </summary>
    private static StabilityScore StabilityOf(List<DailySummary> withData)
        => StabilityMath.Score(
            withData.Count > 0,
            Share(withData.Sum(static d => d.Availability.Compliant), withData.Sum(static d => d.Availability.Judged)),
            Share(withData.Sum(static d => d.Latency.Compliant), withData.Sum(static d => d.Latency.Measured)),
            DriftOf(withData));

    private static double? Share(int part, int whole) => whole == 0 ? null : part / (double)whole;

    private static double? Weighted(IEnumerable<DailySummary> days, Func<DailySummary, (double? Value, double Weight)> select)
    {
        double sum = 0, weight = 0;
        foreach (var day in days)
        {
            var (value, w) = select(day);
            if (value is { } v && w > 0)
            {
                sum += v * w;
                weight += w;
            }
        }

        return weight > 0 ? sum / weight : null;
    }
}
