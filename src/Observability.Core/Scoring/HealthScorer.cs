using Observability.Internal;

namespace Observability;

/// <summary>
/// The health score of the evaluation window, 0-100. Components: start at 100; minus 2 per SLO
/// violation (a snapshot below the availability target or at/above the p99 target counts once per
/// SLO); minus <see cref="ThresholdOptions.HealthPointsPerErrorRatePercent"/> (default 20) per
/// percentage point of error rate, only above the minimum volume; minus 10 x confidence for a
/// performance or environment regression against the baseline; minus 5 when some region's p95
/// latency drifted more than <see cref="ThresholdOptions.RegionalLatencyDrift"/> (100 ms) from its
/// baseline (the same hours of earlier days). Warning below <see cref="ThresholdOptions.HealthWarning"/> (70), critical below
/// <see cref="ThresholdOptions.HealthCritical"/> (50).
/// </summary>
internal static class HealthScorer
{
    public const double PointsPerSloViolation = 2;
    public const double PointsPerRegression = 10;
    public const double RegionalDriftPoints = 5;

    public static HealthScore Score(WindowAggregate recent, ThresholdOptions thresholds, RegressionClassification? regression = null, IReadOnlyList<RegionalDrift>? drifts = null)
    {
        if (recent.Snapshots == 0)
        {
            return new HealthScore(0, HealthStatus.Unknown, [new ScoreComponent("no_data", 0, "No usable snapshot in the evaluation window.")]);
        }

        var components = new List<ScoreComponent>(5)
        {
            new("baseline", 100, "Every score starts at 100."),
            new("slo_violations", -PointsPerSloViolation * recent.SloViolations, $"{Figures.Plural(recent.SloViolations, "SLO violation")} in {Figures.Plural(recent.Snapshots, "snapshot")} x {Figures.Number(PointsPerSloViolation)} points."),
        };

        if (recent.ErrorRate is { } rate)
        {
            var perPoint = thresholds.HealthPointsPerErrorRatePercent;
            components.Add(recent.ErrorLevel != ErrorRateLevel.LowVolume
                ? new ScoreComponent("error_rate", -perPoint * rate * 100, $"Error rate {Figures.Percent(rate)} over {recent.VolumeText} x {Figures.Number(perPoint)} points per percentage point.")
                : new ScoreComponent("error_rate", 0, $"Not counted: {recent.VolumeText} is not above the minimum of {thresholds.MinimumJobs}."));
        }

        if (regression is { Kind: RegressionKind.PerformanceRegression or RegressionKind.EnvironmentRegression } r)
        {
            var kind = r.Kind == RegressionKind.PerformanceRegression ? "performance" : "environment";
            components.Add(new ScoreComponent("regression", -PointsPerRegression * r.Confidence, $"A {kind} regression with confidence {Figures.Number(r.Confidence, "0.##")} x {Figures.Number(PointsPerRegression)} points."));
        }

        if (drifts is { Count: > 0 } && drifts[0] is var worst)
        {
            var limit = thresholds.RegionalLatencyDrift.TotalMilliseconds;
            var where = worst.Region == RegionalDrift.WholeService ? "the service's" : $"region {worst.Region}'s";
            var detail = $"{char.ToUpperInvariant(where[0])}{where[1..]} p95 moved {Figures.Milliseconds(worst.DriftMs)} from its baseline ({Figures.Number(worst.BaselineMs)} -> {Figures.Milliseconds(worst.RecentMs)}); the limit is {Figures.Milliseconds(limit)}.";
            components.Add(new ScoreComponent("regional_latency_drift", worst.DriftMs > limit ? -RegionalDriftPoints : 0, detail));
        }

        var value = Math.Clamp(components.Sum(static c => c.Points), 0, 100);
        return new HealthScore(Math.Round(value, 2), Status(value, thresholds), components);
    }

    /// <summary>
    /// The health value of a single snapshot (no baseline: no regression, no drift), without its
    /// components: the same number <see cref="Score"/> gives for a window of that one snapshot, for
    /// the per-tick judgement where building every component's text would cost more than the rest.
    /// </summary>
    public static double ValueOf(SnapshotFacts fact, ThresholdOptions thresholds)
    {
        if (!fact.Usable)
        {
            return 0;
        }

        var violations = (fact.AvailabilitySlo == SloOutcome.Bad ? 1 : 0) + (fact.LatencySlo == SloOutcome.Bad ? 1 : 0);
        var errorPoints = fact.Measures.ErrorRate is { } rate && fact.ErrorLevel != ErrorRateLevel.LowVolume
            ? thresholds.HealthPointsPerErrorRatePercent * rate * 100
            : 0;
        return Math.Round(Math.Clamp(100 - (PointsPerSloViolation * violations) - errorPoints, 0, 100), 2);
    }

    public static HealthStatus Status(double value, ThresholdOptions thresholds)
        => value < thresholds.HealthCritical ? HealthStatus.Critical
            : value < thresholds.HealthWarning ? HealthStatus.Warning
            : HealthStatus.Healthy;
}
