namespace Observability.Internal;

/// <summary>Volume-weighted totals of a set of usable snapshots (the evaluation window).</summary>
internal sealed record WindowAggregate(int Snapshots, double? Volume, double? ErrorRate, double? Availability, double? LatencyP95, double? LatencyP99, int SloViolations)
{
    public static WindowAggregate From(IReadOnlyList<MetricSnapshot> snapshots, ThresholdOptions thresholds)
    {
        double volume = 0, errors = 0, weightedVolume = 0;
        var hasVolume = false;
        double rateSum = 0;
        var rateCount = 0;
        var violations = 0;
        foreach (var snapshot in snapshots)
        {
            var rate = SnapshotMath.ErrorRate(snapshot);
            if (rate is { } r)
            {
                rateSum += r;
                rateCount++;
            }

            if (SnapshotMath.Volume(snapshot) is { } v)
            {
                volume += v;
                hasVolume = true;
                if (rate is { } weighted)
                {
                    // The snapshot's own rate times its volume: error_count may count requests
                    // while the volume counts jobs, so the two are never mixed.
                    errors += weighted * v;
                    weightedVolume += v;
                }
            }

            if (SnapshotMath.Availability(snapshot) is { } availability && availability < thresholds.AvailabilityTarget)
            {
                violations++;
            }

            if (snapshot.GetValue(WellKnownMetrics.LatencyP99) is { } p99 && p99 >= thresholds.LatencyP99Target.TotalMilliseconds)
            {
                violations++;
            }
        }

        // Weight by volume where the snapshots say how much they carried; a quiet night must not
        // count as much as a busy noon.
        double? errorRate = weightedVolume > 0 ? errors / weightedVolume : rateCount > 0 ? rateSum / rateCount : null;
        return new WindowAggregate(
            snapshots.Count,
            hasVolume ? volume : null,
            errorRate,
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
