using System.Globalization;

namespace Observability.Cli.Check;

/// <summary>
/// Writes the readable summary of a monitoring pass and its machine-readable last line: the main sample's
/// summary (samples/Observability.Samples.RolloutHealth/SummaryWriter.cs), the same text and rounding.
/// </summary>
internal static class SummaryWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Shown first, in this order; any other metric follows by name.
    private static readonly string[] KeyMetrics =
    [
        WellKnownMetrics.ErrorRate,
        WellKnownMetrics.Availability,
        WellKnownMetrics.LatencyP99,
        WellKnownMetrics.LatencyP95,
        WellKnownMetrics.RequestCount,
        WellKnownMetrics.JobCount,
        WellKnownMetrics.ErrorCount,
        WellKnownMetrics.CpuUtilization,
        WellKnownMetrics.MemoryUtilization,
    ];

    /// <summary>Writes the summary; its last line is <see cref="MachineLine"/>.</summary>
    public static void Write(TextWriter output, MonitoringPassResult result, ObservabilityOptions options, IReadOnlyList<DailySummary> days, WeeklySummary week, IReadOnlyList<string> summaryFiles)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(summaryFiles);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var report = result.Report;

        Line(output, $"Rollout health of {report.Service}{(report.Environment is { Length: > 0 } env ? $" ({env})" : string.Empty)}");
        Line(output, $"  window      {Time(report.Window.Start)} .. {Time(report.Window.End)} ({Duration(report.Window.Duration)})");
        Line(output, $"  judged      {Time(report.EvaluationWindow.Start)} .. {Time(report.EvaluationWindow.End)} (the last {Duration(report.EvaluationWindow.Duration)})");
        output.WriteLine();

        WriteVerdict(output, report.Verdict);
        WriteScores(output, report);
        WriteMetrics(output, report);
        WriteDataQuality(output, report);
        WriteAlerts(output, result);
        WriteWeek(output, days, week);
        WriteReports(output, result, options);
        if (summaryFiles.Count > 0)
        {
            Line(output, $"Summaries");
            foreach (var file in summaryFiles)
            {
                Line(output, $"  {Path.GetFileName(file),-22} {file}");
            }

            output.WriteLine();
        }

        output.WriteLine(MachineLine(result));
    }

    /// <summary>
    /// <c>verdict=&lt;proceed|hold|rollback|no_data&gt; health=&lt;0-100&gt; stability=&lt;0-100&gt; alerts=&lt;n&gt;</c>,
    /// scores rounded half away from zero.
    /// </summary>
    public static string MachineLine(MonitoringPassResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = result.Report;
        return string.Create(
            Invariant,
            $"verdict={DecisionToken(report.Verdict.Decision)} health={Score(report.Health.Value)} stability={Score(report.Stability.Value)} alerts={report.Alerts.Count}");
    }

    private static void WriteWeek(TextWriter output, IReadOnlyList<DailySummary> days, WeeklySummary week)
    {
        Line(output, $"Week       {week.FirstDay:yyyy-MM-dd} .. {week.LastDay:yyyy-MM-dd}: {(week.RollbackRecommended ? "rollback recommended" : "no rollback recommended")}, {week.DegradedDays.Count} degraded day(s), stability {week.Stability.Value:0.0} ({week.Stability.Grade}), availability {Ratio(week.AverageAvailability)}, trends: availability {Trend(week.AvailabilityTrend)}, latency {Trend(week.LatencyTrend)}, resources {Trend(week.ResourceTrend)}");
        foreach (var day in days)
        {
            var availability = Ratio(day.Availability.Average);
            var p99 = day.Latency.P99Average is { } p ? $"{p:0} ms" : "n/a";
            var flags = day.Flags.Count == 0 ? "ok" : string.Join(", ", day.Flags.Select(static f => f.Rule));
            var drift = day.Drift.AveragePercent is { } d ? string.Create(Invariant, $"{d:0.0} %") : "n/a";
            Line(output, $"  day {day.DayNumber} {day.Start:MM-dd HH:mm}  availability {availability,8}  p99 {p99,7}  drift {drift,7}  alerts {day.Alerts.Critical}c/{day.Alerts.Error}e/{day.Alerts.Warning}w  snapshots {day.Completeness.Actual,2}/{day.Completeness.Expected}  {flags}");
        }

        foreach (var reason in week.RollbackReasons)
        {
            Line(output, $"  - {reason.Message}");
        }

        output.WriteLine();
    }

    private static void WriteVerdict(TextWriter output, Verdict verdict)
    {
        Line(output, $"Verdict: {DecisionToken(verdict.Decision).ToUpperInvariant()}  {verdict.Summary}");
        foreach (var reason in verdict.Reasons)
        {
            Line(output, $"  - [{reason.Severity}] {reason.Rule}: {reason.Message}");
        }

        output.WriteLine();
    }

    private static void WriteScores(TextWriter output, HealthReport report)
    {
        var health = report.Health;
        Line(output, $"Health     {health.Value,5:0.0}/100  {health.Status}");
        foreach (var component in health.Components)
        {
            Line(output, $"  {component.Name,-22} {component.Points,7:0.#}  {component.Detail}");
        }

        var stability = report.Stability;
        Line(output, $"Stability  {stability.Value,5:0.0}/100  grade {stability.Grade}");
        Line(output, $"  availability compliance {Ratio(stability.AvailabilityCompliance)}, latency compliance {Ratio(stability.LatencyCompliance)}, drift {(stability.DriftPercent is { } drift ? string.Create(Invariant, $"{drift:0.0} %") : "n/a")}");
        foreach (var slo in report.Slos)
        {
            var firing = slo.FiringRules.Count == 0 ? "no burn-rate alert" : "firing " + string.Join(", ", slo.FiringRules);
            var compliance = slo.Compliance is { } c ? Percent(c) : "n/a";
            Line(output, $"SLO {slo.Name,-13} {compliance} good against {Percent(slo.Objective)}, budget left {Percent(slo.BudgetRemaining)}, {firing}");
        }

        output.WriteLine();
    }

    private static void WriteMetrics(TextWriter output, HealthReport report)
    {
        if (report.Metrics.Count == 0)
        {
            output.WriteLine("Metrics: none collected");
            output.WriteLine();
            return;
        }

        var recentLabel = $"last {Duration(report.EvaluationWindow.Duration)}";
        var meanLabel = $"{Duration(report.Window.Duration)} mean";
        Line(output, $"Metrics  {"",-20} {recentLabel,12} {meanLabel,12} {"change",10} {"min",10} {"max",10}");
        var ordered = report.Metrics
            .OrderBy(m => Array.IndexOf(KeyMetrics, m.Name) is var i and >= 0 ? i : KeyMetrics.Length)
            .ThenBy(m => m.Name, StringComparer.Ordinal);
        foreach (var metric in ordered)
        {
            var recent = metric.RecentMean is { } r ? Value(metric.Name, r) : "-";
            Line(
                output,
                $"  {metric.Name,-27} {recent,12} {Value(metric.Name, metric.Mean),12} {Change(metric),10} {Value(metric.Name, metric.Min),10} {Value(metric.Name, metric.Max),10}");
        }

        output.WriteLine();
    }

    private static void WriteDataQuality(TextWriter output, HealthReport report)
    {
        var quality = report.DataQuality;
        Line(output, $"Data       {quality.Total} snapshots, {quality.Usable} usable, {quality.Empty} empty");
        foreach (var collection in report.Collections)
        {
            Line(output, $"  collector {collection.Collector}: {collection.Status}, {collection.Snapshots} snapshots{(collection.Used ? string.Empty : " (not used)")}");
            foreach (var error in collection.Errors)
            {
                Line(output, $"    {error}");
            }
        }

        if (quality.Gaps.Count == 0)
        {
            output.WriteLine("  gaps: none");
        }

        foreach (var gap in quality.Gaps)
        {
            var kind = gap.Persistent ? "persistent" : "transient";
            Line(output, $"  gap {Time(gap.Start)} .. {Time(gap.End)}: {gap.Snapshots} snapshots, {gap.Category}, {kind}");
        }

        output.WriteLine();
    }

    private static void WriteAlerts(TextWriter output, MonitoringPassResult result)
    {
        var alerts = result.Report.Alerts;
        var suppressed = result.SuppressedAlerts > 0 ? $" ({result.SuppressedAlerts} suppressed as duplicates)" : string.Empty;
        Line(output, $"Alerts     {alerts.Count} raised{suppressed}");
        foreach (var alert in alerts)
        {
            Line(output, $"  - [{alert.Severity}] {alert.Title} ({alert.Rule})");
        }

        foreach (var delivery in result.Deliveries)
        {
            Line(output, $"  delivery {delivery}");
        }

        output.WriteLine();
    }

    private static void WriteReports(TextWriter output, MonitoringPassResult result, ObservabilityOptions options)
    {
        if (result.Reports.Count == 0)
        {
            output.WriteLine(options.Reports.OutputDirectory is null
                ? "Reports    none (Observability:Reports:OutputDirectory is not set)"
                : "Reports    none (no reporter registered)");
            output.WriteLine();
            return;
        }

        output.WriteLine("Reports");
        foreach (var report in result.Reports)
        {
            output.WriteLine(report.Succeeded
                ? $"  {report.Format,-9} {report.Path}"
                : $"  {report.Format,-9} FAILED: {report.Error}");
        }

        output.WriteLine();
    }

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(text.ToString(Invariant));

    private static string DecisionToken(Decision decision) => decision switch
    {
        Decision.Proceed => "proceed",
        Decision.Hold => "hold",
        Decision.Rollback => "rollback",
        Decision.NoData => "no_data",
        _ => decision.ToString(),
    };

    private static long Score(double value)
        => double.IsFinite(value) ? (long)Math.Round(value, MidpointRounding.AwayFromZero) : 0;

    private static bool IsRatio(string metric)
        => metric is WellKnownMetrics.Availability or WellKnownMetrics.ErrorRate
            or WellKnownMetrics.CpuUtilization or WellKnownMetrics.MemoryUtilization;

    private static string Value(string metric, double value)
    {
        if (IsRatio(metric))
        {
            // Error rate and availability live near 0 and 1: two decimals tell 0.03 % from 0.3 %.
            return metric is WellKnownMetrics.Availability or WellKnownMetrics.ErrorRate ? Percent(value, "0.00") : Percent(value);
        }

        return metric.EndsWith("_ms", StringComparison.Ordinal)
            ? string.Create(Invariant, $"{value:0} ms")
            : value.ToString("#,0.#", Invariant);
    }

    // Ratios change by percentage points, everything else relative to its mean.
    private static string Change(MetricSummary metric)
    {
        if (metric.RecentMean is not { } recent)
        {
            return "-";
        }

        if (IsRatio(metric.Name))
        {
            return string.Create(Invariant, $"{(recent - metric.Mean) * 100:+0.0;-0.0;0.0} pp");
        }

        return metric.Mean == 0 ? "-" : string.Create(Invariant, $"{(recent / metric.Mean - 1) * 100:+0;-0;0} %");
    }

    private static string Trend(TrendAssessment trend) => trend.ToString().ToLowerInvariant();

    private static string Ratio(double? ratio) => ratio is { } r ? Percent(r, "0.00") : "n/a";

    private static string Percent(double ratio, string format = "0.0")
        => (ratio * 100).ToString(format, Invariant) + " %";

    private static string Time(DateTimeOffset time)
        => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", Invariant);

    private static string Duration(TimeSpan duration)
    {
        if (duration.TotalDays >= 1 && duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return string.Create(Invariant, $"{duration.TotalDays:0} d");
        }

        return duration.TotalHours >= 1 && duration.Ticks % TimeSpan.TicksPerHour == 0
            ? string.Create(Invariant, $"{duration.TotalHours:0} h")
            : string.Create(Invariant, $"{duration.TotalMinutes:0.#} min");
    }
}
