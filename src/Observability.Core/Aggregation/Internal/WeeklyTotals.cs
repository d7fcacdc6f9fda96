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
            Share(days.Sum(static d => d.Availability.Compliant), days.Sum(static d => d.Availability.Measured)),
            ErrorRateOf(days),
            Weighted(days, static d => (d.Latency.P95Average, d.Latency.P95Measured)),
            Weighted(days, static d => (d.Latency.P99Average, d.Latency.Measured)),
            Share(days.Sum(static d => d.Latency.Compliant), days.Sum(static d => d.Latency.Measured)),
            Weighted(days, static d => (d.Resources.CpuAverage, d.Resources.CpuMeasured)),
            Weighted(days, static d => (d.Resources.MemoryAverage, d.Resources.MemoryMeasured)),
            Weighted(days, static d => (d.Drift.AveragePercent, 1)),
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

    private static StabilityScore StabilityOf(List<DailySummary> withData)
    {
        if (withData.Count == 0)
        {
            return new StabilityScore(0, StabilityScorer.Grade(0), 0, 0, 0);
        }

        var value = Math.Round(withData.Average(static d => d.Stability.Value), 2);
        return new StabilityScore(
            value,
            StabilityScorer.Grade(value),
            Math.Round(withData.Average(static d => d.Stability.AvailabilityCompliance), 4),
            Math.Round(withData.Average(static d => d.Stability.LatencyCompliance), 4),
            Math.Round(withData.Average(static d => d.Stability.DriftPercent), 2));
    }

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
