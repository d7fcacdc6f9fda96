using System.Text.Json;
using static Observability.Internal.SummaryUnits;

namespace Observability.Internal;

/// <summary>
/// Writes a <see cref="WeeklySummary"/> as <c>weekly_summary.json</c>: the stability monitor spec's fields first,
/// in its order, with each day as in <c>day_NN_summary.json</c>; then the rollback recommendation,
/// <c>_metadata</c> and our extras. The shape is <c>schemas/weekly_summary.schema.json</c>.
/// </summary>
internal static class WeeklySummaryJson
{
    public static void Write(Utf8JsonWriter writer, WeeklySummary week, IReadOnlyList<DailySummary> days, DateTimeOffset generatedAt)
    {
        writer.WriteStartObject();
        WriteSpecFields(writer, week, days, generatedAt);
        WriteRollback(writer, week);
        WriteMetadata(writer, days, generatedAt);
        WriteExtras(writer, week);
        writer.WriteEndObject();
    }

    /// <summary>The period's window: from the first day's midnight to the midnight after the last day (UTC).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(WeeklySummary week)
        => (new DateTimeOffset(week.FirstDay, TimeOnly.MinValue, TimeSpan.Zero), new DateTimeOffset(week.LastDay.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero));

    private static void WriteSpecFields(Utf8JsonWriter writer, WeeklySummary week, IReadOnlyList<DailySummary> days, DateTimeOffset generatedAt)
    {
        var (start, end) = Window(week);
        writer.WriteString("start_time", Time(start));
        writer.WriteString("end_time", Time(end));
        writer.WriteNumber("total_duration_hours", Hours(end - start));
        writer.WriteNumber("total_snapshots", days.Sum(static d => d.Completeness.Actual));
        writer.StringOrNull("baseline_timestamp", week.BaselineTimestamp is { } baseline ? Time(baseline) : null);

        writer.NumberOrNull("avg_availability", Percent(week.AverageAvailability));
        writer.NumberOrNull("avg_error_rate", Percent(week.AverageErrorRate));
        writer.NumberOrNull("avg_p99_latency_ms", Milliseconds(week.AverageLatencyP99));
        writer.NumberOrNull("avg_drift_percent", PercentValue(week.AverageDriftPercent));

        writer.WriteNumber("stability_score", week.Stability.Value);
        writer.WriteNumber("days_with_degradation", week.DegradedDays.Count);
        writer.WriteNumber("total_critical_alerts", week.Alerts.Critical);
        writer.WriteNumber("total_warning_alerts", week.Alerts.Warning);

        writer.WriteStartArray("daily_summaries");
        foreach (var day in days)
        {
            DailySummaryJson.Write(writer, day, generatedAt);
        }

        writer.WriteEndArray();
        var halves = week.Trends.Halves;
        writer.WriteString("availability_trend", Trend(SummaryTrends.Availability(halves).Assessment));
        writer.WriteString("latency_trend", Trend(SummaryTrends.Latency(halves).Assessment));
        writer.WriteString("resource_trend", Trend(SummaryTrends.Resource(halves)));
        writer.Strings("recommendations", week.Recommendations);
        writer.Strings("action_items", week.ActionItems);
    }

    private static void WriteRollback(Utf8JsonWriter writer, WeeklySummary week)
    {
        writer.WriteBoolean("should_rollback", week.RollbackRecommended);
        writer.WriteStartArray("rollback_reasons");
        foreach (var reason in week.RollbackReasons)
        {
            // Availability is a ratio in the model: percent here, like every availability of the file.
            var ratio = reason.Rule == RollbackReason.AvailabilityBelowTarget;
            writer.WriteStartObject();
            writer.WriteString("rule", reason.Rule);
            writer.NumberOrNull("observed", ratio ? Percent(reason.Observed) : reason.Observed);
            writer.NumberOrNull("threshold", ratio ? Percent(reason.Threshold) : reason.Threshold);
            writer.WriteString("unit", ratio || reason.Rule == RollbackReason.DriftAboveLimit ? "percent" : "count");
            writer.WriteString("message", reason.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteMetadata(Utf8JsonWriter writer, IReadOnlyList<DailySummary> days, DateTimeOffset generatedAt)
    {
        var expected = days.Sum(static d => d.Completeness.Expected);
        var missing = days.Sum(static d => d.Completeness.Missing);
        var percent = expected == 0 ? 0 : Math.Round((expected - missing) * 100.0 / expected, 2);
        var warnings = days.SelectMany(static d => d.Completeness.Warnings.Select(w => FormattableString.Invariant($"day {d.DayNumber}: {w}")));
        writer.Metadata(
            generatedAt,
            days.Count > 0 && days.All(static d => SummaryJson.IsComplete(d.Completeness)),
            expected,
            days.Sum(static d => d.Completeness.Actual),
            days.Sum(static d => d.Completeness.Unusable),
            missing,
            percent,
            warnings);
    }

    private static void WriteExtras(Utf8JsonWriter writer, WeeklySummary week)
    {
        writer.StringOrNull("service", week.ServiceName);
        writer.StringOrNull("version", week.Version);
        writer.WriteString("first_day", Date(week.FirstDay));
        writer.WriteString("last_day", Date(week.LastDay));
        writer.WriteNumber("days", week.Days);
        writer.WriteNumber("days_with_data", week.DaysWithData);
        writer.WriteString("stability_grade", week.Stability.Grade);
        writer.NumberOrNull("slo_compliance_percent", Percent(week.AvailabilitySloCompliance));
        writer.NumberOrNull("latency_slo_compliance_percent", Percent(week.LatencySloCompliance));
        writer.NumberOrNull("avg_p95_latency_ms", Milliseconds(week.AverageLatencyP95));
        writer.NumberOrNull("avg_cpu_percent", Percent(week.AverageCpu));
        writer.NumberOrNull("avg_memory_percent", Percent(week.AverageMemory));
        writer.WriteNumber("total_error_alerts", week.Alerts.Error);
        writer.WriteNumber("total_info_alerts", week.Alerts.Info);
        writer.WriteStartArray("degraded_days");
        foreach (var day in week.DegradedDays)
        {
            writer.WriteNumberValue(day.DayNumber);
        }

        writer.WriteEndArray();
        writer.Strings("days_without_data", week.DaysWithoutData.Select(Date));
        var halves = week.Trends.Halves;
        writer.Strings("trend_reasons", [SummaryTrends.Availability(halves).Reason, SummaryTrends.Latency(halves).Reason, .. SummaryTrends.Resources(halves).Select(static m => m.Reason)]);
    }
}
