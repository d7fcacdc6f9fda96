namespace Observability.Internal;

/// <summary>
/// Drift as a level against a level: for each baseline metric, the mean of the metric over a set of
/// usable snapshots (a day, the evaluation window) against the baseline value,
/// |level - baseline| / baseline x 100. Ordinary variation within the set (a daily cycle) averages
/// out instead of counting as drift; a changed level does not.
/// </summary>
internal static class LevelDrift
{
    public static IReadOnlyList<MetricDrift> Of(IEnumerable<SnapshotFacts> facts, IReadOnlyDictionary<string, double> baseline, double limitPercent)
    {
        if (baseline.Count == 0)
        {
            return [];
        }

        var accumulator = new DriftAccumulator(baseline, limitPercent);
        foreach (var fact in facts)
        {
            accumulator.Add(fact);
        }

        return accumulator.Build().Metrics;
    }

    /// <summary>The mean drift of the measured metrics, in percent; <see langword="null"/> when none was measured.</summary>
    public static double? Average(IReadOnlyList<MetricDrift> drifts)
    {
        double sum = 0;
        var count = 0;
        foreach (var drift in drifts)
        {
            if (drift.AveragePercent is { } p)
            {
                sum += p;
                count++;
            }
        }

        return count == 0 ? null : sum / count;
    }

    /// <summary>A metric's value in a snapshot; availability and error rate as the facts derive them.</summary>
    public static double? ValueOf(SnapshotFacts fact, string metric) => metric switch
    {
        WellKnownMetrics.Availability => fact.Measures.Availability,
        WellKnownMetrics.ErrorRate => fact.Measures.ErrorRate,
        WellKnownMetrics.LatencyP95 => fact.Measures.LatencyP95,
        WellKnownMetrics.LatencyP99 => fact.Measures.LatencyP99,
        WellKnownMetrics.CpuUtilization => fact.Measures.Cpu,
        WellKnownMetrics.MemoryUtilization => fact.Measures.Memory,
        WellKnownMetrics.RequestCount => fact.Measures.Requests,
        WellKnownMetrics.JobCount => fact.Measures.Jobs,
        _ => fact.Snapshot.GetValue(metric),
    };
}
