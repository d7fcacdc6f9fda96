using Observability;

namespace Observability.Samples.RolloutHealth;

/// <summary>
/// The week behind the verdict: each day of the collected window aggregated (availability, errors,
/// latency, resources, alerts, drift against the baseline, completeness), and a weekly summary with
/// its trends and rollback recommendation, written next to the health report.
/// </summary>
internal static class PeriodSummaries
{
    /// <summary>The sample's baseline: the service's normal p95/p99 latency, CPU and memory, for drift.</summary>
    public static readonly IReadOnlyDictionary<string, double> Baseline = new Dictionary<string, double>
    {
        [WellKnownMetrics.LatencyP95] = 170,
        [WellKnownMetrics.LatencyP99] = 330,
        [WellKnownMetrics.CpuUtilization] = 0.43,
        [WellKnownMetrics.MemoryUtilization] = 0.59,
    };

    public static async Task<(IReadOnlyList<DailySummary> Days, WeeklySummary Week, IReadOnlyList<string> Files)> WriteAsync(
        MonitoringPassResult result, ObservabilityOptions options, TimeSpan interval, CancellationToken cancellationToken)
    {
        var snapshots = result.Collections.FirstOrDefault(static c => c.HasData)?.Snapshots
            .Where(s => result.Report.Window.Contains(s.Timestamp))
            .ToArray() ?? [];
        var dailyOptions = new DailyAggregationOptions
        {
            AvailabilityTarget = options.Thresholds.AvailabilityTarget,
            LatencyP99Target = options.Thresholds.LatencyP99Target,
            ExpectedInterval = interval,
        };
        foreach (var (metric, value) in Baseline)
        {
            dailyOptions.Baseline[metric] = value;
        }

        // The pass raised its alerts now, about the evaluation window: count them on the day they describe.
        var judged = result.Report.EvaluationWindow.End.AddTicks(-1);
        var alerts = result.Report.Alerts.Select(a => a with { Timestamp = judged });
        var days = DailyAggregator.AggregateDays(snapshots, alerts, dailyOptions);
        var week = WeeklySummarizer.Summarize(days);
        IReadOnlyList<string> files = [];
        if (options.Reports.OutputDirectory is { } directory)
        {
            files = await new SummaryReporter().WriteFilesAsync(Path.GetFullPath(Path.Combine(directory, "summaries")), days, week, cancellationToken);
        }

        return (days, week, files);
    }
}
