namespace Observability.Internal;

/// <summary>Volume-weighted totals of a set of usable snapshots (the evaluation window).</summary>
internal sealed record WindowAggregate(int Snapshots, double? Volume, double? ErrorRate, double? Availability, double? LatencyP95, double? LatencyP99, int SloViolations)
{
    public static WindowAggregate From(IReadOnlyList<MetricSnapshot> snapshots, ThresholdOptions thresholds)
    {
        var errors = default(VolumeWeightedRate);
        var violations = 0;
        foreach (var snapshot in snapshots)
        {
            errors.Add(SnapshotMath.ErrorRate(snapshot), SnapshotMath.Volume(snapshot));
            if (SnapshotMath.Availability(snapshot) is { } availability && availability < thresholds.AvailabilityTarget)
            {
                violations++;
            }

            if (snapshot.GetValue(WellKnownMetrics.LatencyP99) is { } p99 && p99 >= thresholds.LatencyP99Target.TotalMilliseconds)
            {
                violations++;
            }
        }

        return new WindowAggregate(
            snapshots.Count,
            errors.Volume,
            errors.Rate,
            Mean(snapshots, SnapshotMath.Availability),
            Mean(snapshots, static s => s.GetValue(WellKnownMetrics.LatencyP95)),
            Mean(snapshots, static s => s.GetValue(WellKnownMetrics.LatencyP99)),
            violations);
    }

    public static double? Mean(IEnumerable<MetricSnapshot> snapshots, Func<MetricSnapshot, double?> value)
    {
        double sum = 0;
        var count = 0;
        foreach (var snapshot in snapshots)
        {
            if (value(snapshot) is { } v)
            {
                sum += v;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }
}
