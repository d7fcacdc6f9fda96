namespace Observability.Core.Tests.Reporting;

/// <summary>Realistic reports built from the Abstractions records, for the reporter tests.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset End = new(2025, 6, 1, 11, 0, 0, TimeSpan.Zero);

    public static Finding ErrorRateCritical { get; } = new("error_rate_critical", AlertSeverity.Critical, "Error rate 5.2 % is above the critical threshold 2 %.")
    {
        Metric = WellKnownMetrics.ErrorRate,
        Observed = 0.052,
        Threshold = 0.02,
    };

    public static Finding LatencyWarning { get; } = new("latency_slo", AlertSeverity.Warning, "p99 latency 812 ms exceeds the 500 ms target.")
    {
        Metric = WellKnownMetrics.LatencyP99,
        Observed = 812.4,
        Threshold = 500,
    };

    /// <summary>A rollback: the error rate is critical, a gap of missing data, one alert.</summary>
    public static HealthReport Rollback() => new()
    {
        Service = "checkout",
        Environment = "production",
        Window = new CollectionWindow(End.AddHours(-1), End),
        EvaluationWindow = new CollectionWindow(End.AddMinutes(-15), End),
        GeneratedAt = End.AddSeconds(5),
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        Verdict = new Verdict(Decision.Rollback, "Error rate is critical in the newest 15 minutes.", [ErrorRateCritical]),
        Health = new HealthScore(41.5, HealthStatus.Critical,
        [
            new ScoreComponent("error_rate", -45, "5.2 % errors against a 2 % critical threshold"),
            new ScoreComponent("latency", -13.5, "p99 812 ms against a 500 ms target"),
        ]),
        Stability = new StabilityScore(71.25, "C", 0.9833, 0.95, 12.5),
        Findings = [ErrorRateCritical, LatencyWarning],
        Metrics =
        [
            new MetricSummary(WellKnownMetrics.ErrorRate, 60, 0.001, 0.081, 0.0123, 0.052, 0.0524),
            new MetricSummary(WellKnownMetrics.Availability, 60, 0.919, 0.9999, 0.9953, 0.948, null),
            new MetricSummary(WellKnownMetrics.LatencyP99, 60, 120, 812.4, 245.25, 812.4, 640.5),
            new MetricSummary(WellKnownMetrics.RequestCount, 60, 1180, 1320, 1250.4, 1301, 1290.2),
        ],
        DataQuality = new DataQualitySummary(64, 60, 4,
        [
            new DataGap(End.AddMinutes(-40), End.AddMinutes(-38), 3, SignalCategories.CollectEmptySource, Persistent: true),
            new DataGap(End.AddMinutes(-20), End.AddMinutes(-20), 1, SignalCategories.CollectFailed, Persistent: false),
        ]),
        Collections =
        [
            new CollectionSummary("prometheus", CollectionStatus.Partial, 64, Used: true, ["InvalidData at line 12: not a number"]),
            new CollectionSummary("file", CollectionStatus.Failed, 0, Used: false, []),
        ],
        Alerts =
        [
            new Alert
            {
                Rule = "error_rate_critical",
                Severity = AlertSeverity.Critical,
                Title = "checkout: error rate critical",
                Message = "Error rate 5.2 % is above 2 %.",
                TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
                Fingerprint = "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                Timestamp = End,
                Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Environment] = "production" },
                Links = [new AlertLink("CI run", new Uri("https://ci.example.com/runs/42"))],
                Context = new Dictionary<string, object?>
                {
                    ["observed"] = 0.052,
                    ["deployment"] = new Dictionary<string, object?> { ["version"] = "2.4.1", ["canary"] = true, ["replicas"] = 3 },
                    ["regions"] = new List<object?> { "eu-west-1", "us-east-1" },
                    ["window_minutes"] = 15,
                    ["note"] = null,
                },
            },
        ],
    };

    /// <summary>A report whose numbers are NaN or infinite, as a broken source could produce.</summary>
    public static HealthReport WithNonFiniteNumbers() => Rollback() with
    {
        Stability = new StabilityScore(double.NaN, "F", double.NaN, 1, double.PositiveInfinity),
        Metrics = [new MetricSummary(WellKnownMetrics.LatencyP95, 2, double.NegativeInfinity, double.PositiveInfinity, double.NaN, double.NaN, null)],
        Alerts = [Rollback().Alerts[0] with { Context = new Dictionary<string, object?> { ["ratio"] = double.NaN, ["limit"] = float.PositiveInfinity } }],
    };

    /// <summary>A healthy report with nothing to report and no environment.</summary>
    public static HealthReport Proceed() => Rollback() with
    {
        Environment = null,
        Verdict = new Verdict(Decision.Proceed, "All signals are within their thresholds.", []),
        Health = new HealthScore(100, HealthStatus.Healthy, []),
        Findings = [],
        DataQuality = new DataQualitySummary(60, 60, 0, []),
        Alerts = [],
    };
}
