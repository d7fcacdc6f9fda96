namespace Observability.Internal;

/// <summary>
/// Builds the regression feature vector of a pass: the evaluation window against the baseline
/// (the rest of the look-back window), from the metrics the snapshots carry.
/// </summary>
/// <remarks>
/// Throughput is left out: the baseline mixes every hour of the day, so a quiet night or a busy noon
/// would read as a throughput regression of a healthy service. Error rate, latency and resources are
/// compared as ratios and levels, which traffic's daily cycle moves much less.
/// </remarks>
internal static class RegressionInputs
{
    public static RegressionFeatures From(IReadOnlyList<MetricSnapshot> baseline, IReadOnlyList<MetricSnapshot> recent, WindowAggregate after, ThresholdOptions thresholds, bool errorSpike)
    {
        if (baseline.Count == 0 || recent.Count == 0)
        {
            return new RegressionFeatures();
        }

        var before = WindowAggregate.From(baseline, thresholds);
        return new RegressionFeatures
        {
            LatencyDeltaPercent = DeltaPercent(before.LatencyP95, after.LatencyP95),
            ErrorRateDelta = before.ErrorRate is { } b && after.ErrorRate is { } a ? Math.Clamp(a - b, -1, 1) : null,
            QueueDepthDeltaPercent = DeltaPercent(MeanOf(baseline, WellKnownMetrics.QueueBacklog), MeanOf(recent, WellKnownMetrics.QueueBacklog)),
            CpuDeltaPercent = DeltaPercent(MeanOf(baseline, WellKnownMetrics.CpuUtilization), MeanOf(recent, WellKnownMetrics.CpuUtilization)),
            MemoryDeltaPercent = DeltaPercent(MeanOf(baseline, WellKnownMetrics.MemoryUtilization), MeanOf(recent, WellKnownMetrics.MemoryUtilization)),
            ErrorSpike = errorSpike,
        };
    }

    private static double? MeanOf(IReadOnlyList<MetricSnapshot> snapshots, string metric)
        => WindowAggregate.Mean(snapshots, s => s.GetValue(metric));

    private static double? DeltaPercent(double? before, double? after)
        => before is { } b && b > 0 && after is { } a ? Math.Max(-100, (a - b) / b * 100) : null;
}
