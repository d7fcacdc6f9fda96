namespace Observability.Internal;

/// <summary>How far one region's mean p95 latency moved from its baseline.</summary>
internal sealed record RegionalDrift(string Region, double BaselineMs, double RecentMs)
{
    /// <summary>The region name used when the snapshots carry no regional metrics: the service as a whole.</summary>
    public const string WholeService = "all";

    public double DriftMs => Math.Abs(RecentMs - BaselineMs);

    /// <summary>
    /// The drift of every region that has p95 latency in both the baseline and the recent
    /// snapshots (metrics named <c>latency_p95_ms@region</c>), largest first. Without regional
    /// metrics, the service's own p95 counts as one region, <see cref="WholeService"/>.
    /// </summary>
    public static IReadOnlyList<RegionalDrift> Compute(IReadOnlyList<MetricSnapshot> baseline, IReadOnlyList<MetricSnapshot> recent)
    {
        var baselineMeans = RegionalMeans(baseline);
        var recentMeans = RegionalMeans(recent);
        var drifts = new List<RegionalDrift>();
        foreach (var (region, recentMean) in recentMeans)
        {
            if (baselineMeans.TryGetValue(region, out var baselineMean))
            {
                drifts.Add(new RegionalDrift(region, baselineMean, recentMean));
            }
        }

        if (drifts.Count == 0
            && WindowAggregate.Mean(baseline, static s => s.GetValue(WellKnownMetrics.LatencyP95)) is { } b
            && WindowAggregate.Mean(recent, static s => s.GetValue(WellKnownMetrics.LatencyP95)) is { } r)
        {
            drifts.Add(new RegionalDrift(WholeService, b, r));
        }

        drifts.Sort(static (x, y) => y.DriftMs.CompareTo(x.DriftMs));
        return drifts;
    }

    private static Dictionary<string, double> RegionalMeans(IReadOnlyList<MetricSnapshot> snapshots)
    {
        var sums = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            foreach (var (name, value) in snapshot.Metrics)
            {
                if (double.IsFinite(value)
                    && WellKnownMetrics.TryParseRegional(name, out var metric, out var region)
                    && metric == WellKnownMetrics.LatencyP95)
                {
                    var (sum, count) = sums.GetValueOrDefault(region);
                    sums[region] = (sum + value, count + 1);
                }
            }
        }

        return sums.ToDictionary(static p => p.Key, static p => p.Value.Sum / p.Value.Count, StringComparer.Ordinal);
    }
}
