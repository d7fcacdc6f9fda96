namespace Observability.Internal;

/// <summary>
/// Builds the regression feature vector of a pass: the evaluation window against its seasonal
/// baseline (the same hours of earlier days, <see cref="SeasonalBaseline"/>), so that the busy hours
/// of a day are compared with the busy hours of other days, never with the mean of all hours.
/// Throughput is left out: traffic follows the calendar more than the release.
/// </summary>
internal static class RegressionInputs
{
    public static RegressionFeatures From(SeasonalBaseline baseline, IReadOnlyList<SnapshotFacts> recent, WindowAggregate after, ThresholdOptions thresholds, bool errorSpike)
    {
        if (baseline.Facts.Count == 0 || recent.Count == 0)
        {
            return new RegressionFeatures();
        }

        var before = WindowAggregate.From(baseline.Facts, thresholds);
        return new RegressionFeatures
        {
            LatencyDeltaPercent = DeltaPercent(before.LatencyP95, after.LatencyP95),
            ErrorRateDelta = before.ErrorRate is { } b && after.ErrorRate is { } a ? Math.Clamp(a - b, -1, 1) : null,
            QueueDepthDeltaPercent = DeltaPercent(WindowAggregate.Mean(baseline.Facts, static f => f.Measures.QueueBacklog), WindowAggregate.Mean(recent, static f => f.Measures.QueueBacklog)),
            CpuDeltaPercent = DeltaPercent(WindowAggregate.Mean(baseline.Facts, static f => f.Measures.Cpu), WindowAggregate.Mean(recent, static f => f.Measures.Cpu)),
            MemoryDeltaPercent = DeltaPercent(WindowAggregate.Mean(baseline.Facts, static f => f.Measures.Memory), WindowAggregate.Mean(recent, static f => f.Measures.Memory)),
            ErrorSpike = errorSpike,
            DeploymentAge = Latest(recent, WellKnownMetrics.DeploymentAgeSeconds) is { } age && age >= 0 && age < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(age) : null,
            ConfigChanged = Latest(recent, WellKnownMetrics.ConfigChanged) is { } changed ? changed > 0 : null,
        };
    }

    /// <summary>The newest value of an environment metric a collector reports, if any.</summary>
    private static double? Latest(IReadOnlyList<SnapshotFacts> recent, string metric)
    {
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            if (recent[i].Snapshot.GetValue(metric) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static double? DeltaPercent(double? before, double? after)
        => before is { } b && b > 0 && after is { } a ? Math.Max(-100, (a - b) / b * 100) : null;
}
