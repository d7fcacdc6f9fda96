using System.Text;
using static Observability.Internal.SummaryUnits;

namespace Observability.Internal;

/// <summary>
/// <c>weekly_summary.md</c>, laid out as the stability monitor spec's sample output: header, executive summary
/// (with the rollback recommendation), key metrics against their targets, trends, a row per day,
/// recommendations and action items. Numbers go through <see cref="SummaryUnits"/>, as in the JSON.
/// </summary>
internal static partial class WeeklySummaryMarkdown
{
    public const string Pass = "✅ PASS";

    public const string Fail = "❌ FAIL";

    public static string Build(WeeklySummary week, IReadOnlyList<DailySummary> days)
    {
        var md = new StringBuilder(4096);
        AppendHeader(md, week);
        AppendExecutiveSummary(md, week);
        AppendKeyMetrics(md, week, week.Targets ?? WeeklyTargets.Default);
        AppendTrends(md, week.Trends.Halves);
        AppendDays(md, days);
        AppendRecommendations(md, week.Recommendations);
        AppendActionItems(md, week.ActionItems);
        return md.ToString();
    }

    /// <summary>The label of a stability grade: A Excellent, B Good, C Fair, D Poor, F Failing.</summary>
    public static string GradeLabel(string grade) => grade switch
    {
        "A" => "Excellent",
        "B" => "Good",
        "C" => "Fair",
        "D" => "Poor",
        _ => "Failing",
    };

    private static void AppendHeader(StringBuilder md, WeeklySummary week)
    {
        var (start, end) = WeeklySummaryJson.Window(week);
        var version = string.Join(' ', new[] { week.ServiceName, week.Version }.Where(static s => !string.IsNullOrWhiteSpace(s)));
        md.Append("# ").Append(Integer(week.Days)).Append("-Day Stability Summary\n\n")
          .Append("**Version:** ").Append(version.Length == 0 ? Unknown : MarkdownText.Text(version)).Append("  \n")
          .Append("**Monitoring Window:** ").Append(Time(start)).Append(" → ").Append(Time(end)).Append("  \n")
          .Append("**Duration:** ").Append(Number(Hours(end - start), "0.0##")).Append(" hours  \n")
          .Append("**Baseline:** ").Append(week.BaselineTimestamp is { } baseline ? Time(baseline) : Unknown).Append("\n\n")
          .Append("---\n\n");
    }

    private static void AppendExecutiveSummary(StringBuilder md, WeeklySummary week)
    {
        md.Append("## Executive Summary\n\n")
          .Append("**Stability Score:** ").Append(Number(week.Stability.Value, "0.0")).Append("/100  \n")
          .Append("**Overall Grade:** ").Append(MarkdownText.Text(week.Stability.Grade)).Append(" (").Append(GradeLabel(week.Stability.Grade)).Append(")  \n")
          .Append("**Should Roll Back:** ").Append(week.RollbackRecommended ? "Yes" : "No").Append('\n');
        foreach (var reason in week.RollbackReasons)
        {
            md.Append("- ").Append(MarkdownText.Code(reason.Rule)).Append(": ").Append(MarkdownText.Text(reason.Message)).Append('\n');
        }

        md.Append('\n');
    }

    private static void AppendKeyMetrics(StringBuilder md, WeeklySummary week, WeeklyTargets targets)
    {
        md.Append("## Key Metrics\n\n| Metric | Value | Target | Status |\n|--------|-------|--------|--------|\n");
        var availability = week.AverageAvailability;
        Row(md, "Availability", PercentText(Percent(availability)), "≥" + PercentText(Percent(targets.AvailabilityTarget)), availability is { } a ? !NumericTolerance.Below(a, targets.AvailabilityTarget) : null);
        var errors = week.AverageErrorRate;
        Row(md, "Error Rate", PercentText(Percent(errors)), "<" + PercentText(Percent(targets.ErrorRateThreshold)), errors is { } e ? NumericTolerance.Below(e, targets.ErrorRateThreshold) : null);
        var p99 = week.AverageLatencyP99;
        Row(md, "P99 Latency", MillisecondsText(Milliseconds(p99)), "<" + MillisecondsText(targets.LatencyP99TargetMilliseconds), p99 is { } l ? NumericTolerance.Below(l, targets.LatencyP99TargetMilliseconds) : null);
        var drift = week.AverageDriftPercent;
        Row(md, "Drift", PercentText(PercentValue(drift)), "≤" + PercentText(targets.DriftLimitPercent), drift is { } d ? !NumericTolerance.Above(d, targets.DriftLimitPercent) : null);
        Row(md, "Critical Alerts", Integer(week.Alerts.Critical), "≤" + Integer(targets.CriticalAlertLimit), week.Alerts.Critical <= targets.CriticalAlertLimit);
        Row(md, "Days Degraded", Integer(week.DegradedDays.Count) + "/" + Integer(week.Days), "<" + Integer(targets.DegradedDaysLimit), week.DegradedDays.Count < targets.DegradedDaysLimit);
        md.Append('\n');
    }

    private static void Row(StringBuilder md, string metric, string value, string target, bool? pass)
        => md.Append("| ").Append(metric).Append(" | ").Append(value).Append(" | ").Append(target).Append(" | ")
             .Append(pass is { } p ? p ? Pass : Fail : Unknown).Append(" |\n");
}
