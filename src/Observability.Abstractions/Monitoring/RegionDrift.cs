namespace Observability;

/// <summary>
/// How far one region's mean p95 latency moved in a pass's evaluation window from its baseline (the same hours
/// of earlier days). Regions come from metrics named <c>latency_p95_ms@&lt;region&gt;</c>; without them the
/// service as a whole is one region, <c>all</c>.
/// </summary>
/// <param name="Region">The region, or <c>all</c> for the service as a whole.</param>
/// <param name="BaselineMs">The mean p95 latency of the baseline, in milliseconds.</param>
/// <param name="RecentMs">The mean p95 latency of the evaluation window, in milliseconds.</param>
public sealed record RegionDrift(string Region, double BaselineMs, double RecentMs)
{
    /// <summary>Gets how far the latency moved, either way, in milliseconds.</summary>
    public double DriftMs => Math.Abs(RecentMs - BaselineMs);
}
