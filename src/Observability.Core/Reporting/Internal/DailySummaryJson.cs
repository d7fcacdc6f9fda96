using System.Text.Json;
using static Observability.Internal.SummaryUnits;

namespace Observability.Internal;

/// <summary>
/// Writes a <see cref="DailySummary"/> as <c>day_NN_summary.json</c>: the stability monitor spec's fields first,
/// in its order, with its snake_case names and units (percent, ms), then <c>_metadata</c>, then our extras.
/// The shape is <c>schemas/daily_summary.schema.json</c>.
/// </summary>
internal static class DailySummaryJson
{
    public static void Write(Utf8JsonWriter writer, DailySummary day, DateTimeOffset generatedAt)
    {
        writer.WriteStartObject();
        WriteSpecFields(writer, day);
        var c = day.Completeness;
        writer.Metadata(generatedAt, SummaryJson.IsComplete(c), c.Expected, c.Actual, c.Unusable, c.Missing, c.Percent, c.Warnings);
        WriteExtras(writer, day);
        writer.WriteEndObject();
    }

    /// <summary>The day's observed span: first to last usable snapshot, else the day's bounds.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Span(DailySummary day)
        => day.FirstSnapshotAt is { } first && day.LastSnapshotAt is { } last ? (first, last) : (day.Start, day.End);

    private static void WriteSpecFields(Utf8JsonWriter writer, DailySummary day)
    {
        var (start, end) = Span(day);
        writer.WriteNumber("day_number", day.DayNumber);
        writer.WriteString("start_time", Time(start));
        writer.WriteString("end_time", Time(end));
        writer.WriteNumber("duration_hours", Hours(end - start));
        writer.WriteNumber("snapshot_count", day.Completeness.Actual);

        var availability = day.Availability;
        writer.NumberOrNull("avg_availability", Percent(availability.Average));
        writer.NumberOrNull("min_availability", Percent(availability.Min));
        writer.NumberOrNull("max_availability", Percent(availability.Max));
        writer.NumberOrNull("slo_compliance_percent", Percent(availability.SloCompliance));

        var errors = day.Errors;
        writer.NumberOrNull("avg_error_rate", Percent(errors.AverageRate));
        writer.NumberOrNull("max_error_rate", Percent(errors.MaxRate));
        writer.IntegerOrNull("total_requests", Count(errors.TotalVolume));
        writer.IntegerOrNull("total_errors", Count(errors.TotalErrors));

        var latency = day.Latency;
        writer.NumberOrNull("avg_p95_latency_ms", Milliseconds(latency.P95Average));
        writer.NumberOrNull("max_p95_latency_ms", Milliseconds(latency.P95Max));
        writer.NumberOrNull("avg_p99_latency_ms", Milliseconds(latency.P99Average));
        writer.NumberOrNull("max_p99_latency_ms", Milliseconds(latency.P99Max));
        writer.NumberOrNull("latency_slo_compliance_percent", Percent(latency.SloCompliance));

        var resources = day.Resources;
        writer.NumberOrNull("avg_cpu_percent", Percent(resources.CpuAverage));
        writer.NumberOrNull("peak_cpu_percent", Percent(resources.CpuPeak));
        writer.NumberOrNull("avg_memory_percent", Percent(resources.MemoryAverage));
        writer.NumberOrNull("peak_memory_percent", Percent(resources.MemoryPeak));

        writer.WriteNumber("total_critical_alerts", day.Alerts.Critical);
        writer.WriteNumber("total_warning_alerts", day.Alerts.Warning);
        writer.WriteNumber("total_info_alerts", day.Alerts.Info);
        writer.WriteNumber("alert_free_hours", day.Alerts.AlertFreeHours);

        writer.NumberOrNull("max_drift_percent", PercentValue(day.Drift.MaxPercent));
        writer.NumberOrNull("avg_drift_percent", PercentValue(day.Drift.AveragePercent));
        writer.Strings("metrics_exceeding_drift_threshold", day.Drift.MetricsOverThreshold);

        writer.WriteBoolean("availability_degraded", Has(day, DegradationFlag.AvailabilityCompliance));
        writer.WriteBoolean("latency_degraded", Has(day, DegradationFlag.LatencyCompliance));
        writer.WriteBoolean("error_rate_degraded", Has(day, DegradationFlag.ErrorRate));
    }

    private static void WriteExtras(Utf8JsonWriter writer, DailySummary day)
    {
        writer.WriteString("date", Date(day.Day));
        writer.WriteNumber("total_error_alerts", day.Alerts.Error);
        writer.WriteNumber("stability_score", day.Stability.Value);
        writer.WriteString("stability_grade", day.Stability.Grade);
        writer.WriteNumber("availability_target_percent", Percent(day.Availability.Target) ?? 0);
        writer.WriteNumber("latency_p99_target_ms", Milliseconds(day.Latency.TargetMilliseconds) ?? 0);
        writer.NumberOrNull("error_rate_threshold_percent", Percent(day.ErrorRateThreshold));
        writer.WriteNumber("drift_threshold_percent", PercentValue(day.Drift.ThresholdPercent) ?? 0);

        writer.WriteStartArray("degradation_reasons");
        foreach (var flag in day.Flags)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", flag.Rule);
            writer.NumberOrNull("observed_percent", Percent(flag.Observed));
            writer.NumberOrNull("threshold_percent", Percent(flag.Threshold));
            writer.WriteString("reason", flag.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("drift_metrics");
        foreach (var metric in day.Drift.Metrics)
        {
            writer.WriteStartObject();
            writer.WriteString("metric", metric.Metric);
            writer.WriteNumber("baseline", metric.Baseline);
            writer.NumberOrNull("average", metric.Average);
            writer.NumberOrNull("avg_drift_percent", PercentValue(metric.AveragePercent));
            writer.NumberOrNull("max_drift_percent", PercentValue(metric.MaxPercent));
            writer.WriteBoolean("exceeds_threshold", metric.OverThreshold);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static bool Has(DailySummary day, string rule) => day.Flags.Any(f => f.Rule == rule);
}
