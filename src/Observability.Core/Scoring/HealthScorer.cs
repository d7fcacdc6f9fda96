using Observability.Internal;

namespace Observability;

/// <summary>
/// The health score of the evaluation window, 0-100: start at 100, minus 2 per SLO violation
/// (a snapshot below the availability target or at/above the p99 target counts once per SLO),
/// minus 10 per percentage point of error rate (only with at least the minimum volume).
/// Warning below <see cref="ThresholdOptions.HealthWarning"/>, critical below <see cref="ThresholdOptions.HealthCritical"/>.
/// </summary>
/// <remarks>
/// 10 points per percentage point keeps the health bands in step with the error-rate thresholds:
/// at the 2.5 % warning rate the score is about 75 less its SLO violations (a warning), at the 5 %
/// critical rate about 50 less them (critical). The seed's 20 points made a warning-level error
/// rate alone a critical score, so "hold" could never be reached through the error rate.
/// </remarks>
internal static class HealthScorer
{
    public const double PointsPerSloViolation = 2;
    public const double PointsPerErrorRatePoint = 10;

    public static HealthScore Score(WindowAggregate recent, ThresholdOptions thresholds)
    {
        if (recent.Snapshots == 0)
        {
            return new HealthScore(0, HealthStatus.Unknown, [new ScoreComponent("no_data", 0, "No usable snapshot in the evaluation window.")]);
        }

        var components = new List<ScoreComponent> { new("baseline", 100, "Every score starts at 100.") };
        components.Add(new ScoreComponent(
            "slo_violations",
            -PointsPerSloViolation * recent.SloViolations,
            $"{recent.SloViolations} SLO violations in {recent.Snapshots} snapshots x {PointsPerSloViolation} points."));

        if (recent.ErrorRate is { } rate)
        {
            components.Add(recent.Volume is not { } volume || volume >= thresholds.MinimumJobs
                ? new ScoreComponent("error_rate", -PointsPerErrorRatePoint * rate * 100, $"Error rate {SnapshotMath.Percent(rate)} x {PointsPerErrorRatePoint} points per percentage point.")
                : new ScoreComponent("error_rate", 0, $"Not counted: {SnapshotMath.Number(volume, "0")} jobs is below the minimum of {thresholds.MinimumJobs}."));
        }

        var value = Math.Clamp(components.Sum(static c => c.Points), 0, 100);
        var status = value < thresholds.HealthCritical ? HealthStatus.Critical
            : value < thresholds.HealthWarning ? HealthStatus.Warning
            : HealthStatus.Healthy;
        return new HealthScore(Math.Round(value, 2), status, components);
    }
}
