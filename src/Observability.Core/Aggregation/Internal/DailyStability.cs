namespace Observability.Internal;

/// <summary>
/// The stability score of a day, the same formula and grades as <see cref="StabilityScorer"/>:
/// 40 x availability compliance + 40 x latency compliance + 20 x (100 - min(drift %, 20)) / 100.
/// A day with data but without a metric counts that SLO as met (as the scorer does); a day
/// without a baseline takes no drift penalty; a day without data scores 0 (F).
/// </summary>
internal static class DailyStability
{
    public static StabilityScore Score(bool hasData, double? availabilityCompliance, double? latencyCompliance, double? driftPercent)
    {
        if (!hasData)
        {
            return new StabilityScore(0, StabilityScorer.Grade(0), 0, 0, 0);
        }

        var availability = availabilityCompliance ?? 1;
        var latency = latencyCompliance ?? 1;
        var drift = driftPercent ?? 0;
        var value = StabilityScorer.Compose(availability, latency, drift);
        var rounded = Math.Round(value, 2);
        return new StabilityScore(rounded, StabilityScorer.Grade(rounded), Math.Round(availability, 4), Math.Round(latency, 4), Math.Round(drift, 2));
    }
}
