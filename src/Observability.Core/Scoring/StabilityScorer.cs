using Observability.Internal;

namespace Observability;

/// <summary>
/// The stability score of the whole window, 0-100: 40 % availability SLO compliance, 40 % latency
/// SLO compliance (p99 under target), 20 % steadiness = (100 - min(drift %, 20)) / 100, where drift
/// is how far the evaluation window's mean p95 moved from the baseline's. Grades: A 90+, B 80+,
/// C 70+, D 60+, F below.
/// </summary>
internal static class StabilityScorer
{
    public const double MaxDriftPercent = 20;

    public static StabilityScore Score(IReadOnlyList<MetricSnapshot> usable, IReadOnlyList<MetricSnapshot> baseline, IReadOnlyList<MetricSnapshot> recent, ThresholdOptions thresholds)
    {
        if (usable.Count == 0)
        {
            return new StabilityScore(0, "F", 0, 0, 0);
        }

        var availabilityCompliance = Share(usable, s => SnapshotMath.Availability(s) is not { } a || a >= thresholds.AvailabilityTarget);
        var latencyCompliance = Share(usable, s => s.GetValue(WellKnownMetrics.LatencyP99) is not { } p99 || p99 < thresholds.LatencyP99Target.TotalMilliseconds);

        var baselineP95 = WindowAggregate.Mean(baseline, static s => s.GetValue(WellKnownMetrics.LatencyP95));
        var recentP95 = WindowAggregate.Mean(recent, static s => s.GetValue(WellKnownMetrics.LatencyP95));
        var drift = baselineP95 is { } b && b > 0 && recentP95 is { } r ? Math.Abs(r - b) / b * 100 : 0;

        var value = Compose(availabilityCompliance, latencyCompliance, drift);
        return new StabilityScore(Math.Round(value, 2), Grade(value), Math.Round(availabilityCompliance, 4), Math.Round(latencyCompliance, 4), Math.Round(drift, 2));
    }

    /// <summary>40 x availability compliance + 40 x latency compliance + 20 x (100 - min(drift %, 20)) / 100.</summary>
    public static double Compose(double availabilityCompliance, double latencyCompliance, double driftPercent)
        => (40 * availabilityCompliance) + (40 * latencyCompliance) + (20 * (100 - Math.Min(driftPercent, MaxDriftPercent)) / 100);

    public static string Grade(double value) => value switch
    {
        >= 90 => "A",
        >= 80 => "B",
        >= 70 => "C",
        >= 60 => "D",
        _ => "F",
    };

    private static double Share(IReadOnlyList<MetricSnapshot> snapshots, Func<MetricSnapshot, bool> meets)
        => snapshots.Count(meets) / (double)snapshots.Count;
}
