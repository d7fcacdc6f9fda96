using System.Text.Encodings.Web;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// <c>operational_report.json</c>: the operational report's sections in snake_case, numbers as in the health report
/// (ratios as fractions, latencies in ms, scores in points, times ISO 8601); a figure that is not known is <c>null</c>.
/// </summary>
internal static class OperationalReportJson
{
    public static void Write(OperationalReport o, Stream destination)
    {
        var r = o.Report;
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("schema_version", OperationalReport.SchemaVersion);
        json.WriteString("service", r.Service);
        if (r.Environment is { } environment)
        {
            json.WriteString("environment", environment);
        }

        json.WriteString("generated_at", r.GeneratedAt);
        json.WriteString("window_start", r.Window.Start);
        json.WriteString("window_end", r.Window.End);
        json.WriteString("evaluation_start", r.EvaluationWindow.Start);

        json.WriteStartObject("executive_summary");
        json.WriteString("verdict", r.Verdict.Decision == Decision.NoData ? "no_data" : r.Verdict.Decision.ToString().ToLowerInvariant());
        json.WriteString("summary", r.Verdict.Summary);
        Number(json, "health_score", r.Health.Value);
        json.WriteString("health_status", r.Health.Status.ToString().ToLowerInvariant());
        Number(json, "stability_score", r.Stability.Value);
        json.WriteString("stability_grade", r.Stability.Grade);
        Number(json, "availability_compliance", r.Stability.AvailabilityCompliance);
        Number(json, "latency_compliance", r.Stability.LatencyCompliance);
        json.WriteNumber("snapshots", r.DataQuality.Total);
        json.WriteNumber("usable_snapshots", r.DataQuality.Usable);
        json.WriteNumber("alerts", r.Alerts.Count);
        json.WriteStartArray("reasons");
        foreach (var reason in r.Verdict.Reasons)
        {
            json.WriteStartObject();
            json.WriteString("rule", reason.Rule);
            json.WriteString("severity", reason.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", reason.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("performance");
        json.WriteStartArray("latency");
        foreach (var p in o.Latency)
        {
            json.WriteStartObject();
            json.WriteString("percentile", p.Percentile);
            Summary(json, p.Summary);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("latency_histogram");
        foreach (var band in o.Histogram)
        {
            json.WriteStartObject();
            json.WriteNumber("from_ms", band.From);
            Number(json, "to_ms", band.To);
            json.WriteNumber("p95_snapshots", band.P95Snapshots);
            json.WriteNumber("p99_snapshots", band.P99Snapshots);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("throughput");
        if (o.Throughput is { } throughput)
        {
            json.WriteStartObject();
            Summary(json, throughput);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteEndObject();

        json.WriteStartArray("slo_compliance");
        foreach (var table in o.BurnDown)
        {
            var s = table.Slo;
            json.WriteStartObject();
            json.WriteString("slo", s.Name);
            json.WriteNumber("objective", s.Objective);
            Number(json, "compliance", s.Compliance);
            json.WriteNumber("budget_remaining", s.BudgetRemaining);
            Number(json, "burn_rate", s.BurnRate);
            if (s.ProjectedExhaustion is { } x) { json.WriteString("projected_exhaustion", x); } else { json.WriteNull("projected_exhaustion"); }
            Number(json, "days_to_exhaustion", table.DaysToExhaustion);
            json.WriteNumber("violations", Math.Max(s.ViolationCount, s.Violations.Count));
            json.WriteStartArray("burn_down");
            foreach (var day in table.Days)
            {
                json.WriteStartObject();
                json.WriteString("day", day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                Number(json, "compliance", day.Compliance);
                json.WriteNumber("budget_consumed", Math.Round(day.Consumed, 4));
                json.WriteNumber("budget_remaining", day.Remaining);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("error_analysis");
        json.WritePropertyName("error_count");
        if (o.ErrorCount is { } errors) { json.WriteStartObject(); Summary(json, errors); json.WriteEndObject(); } else { json.WriteNullValue(); }
        json.WriteStartArray("top_errors");
        foreach (var e in o.TopErrors)
        {
            json.WriteStartObject();
            json.WriteString("rule", e.Rule);
            json.WriteString("category", e.Category);
            if (e.Flag is { } flag) { json.WriteString("flag", flag); } else { json.WriteNull("flag"); }
            json.WriteNumber("snapshots", e.Snapshots);
            json.WriteString("first", e.First);
            json.WriteString("last", e.Last);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("taxonomy");
        foreach (var t in o.Taxonomy)
        {
            json.WriteStartObject();
            json.WriteString("category", t.Category);
            json.WriteString("source", t.Source);
            json.WriteNumber("count", t.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("regional_analysis");
        json.WriteBoolean("has_regional_data", o.HasRegionalData);
        json.WriteStartArray("regions");
        foreach (var region in o.Regions)
        {
            json.WriteStartObject();
            json.WriteString("region", region.Region);
            Number(json, "latency_p95_mean_ms", region.LatencyP95?.Mean);
            Number(json, "latency_p99_mean_ms", region.LatencyP99?.Mean);
            Number(json, "error_rate_mean", region.ErrorRate?.Mean);
            Number(json, "availability_mean", region.Availability?.Mean);
            Number(json, "drift_baseline_ms", region.Drift?.BaselineMs);
            Number(json, "drift_recent_ms", region.Drift?.RecentMs);
            Number(json, "drift_ms", region.Drift?.DriftMs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("regression");
        if (r.Regression is { } regression)
        {
            json.WriteString("kind", regression.Category);
            Number(json, "confidence", regression.Confidence);
            json.WriteString("reason", regression.Reason);
            json.WriteStartArray("factors");
            foreach (var factor in regression.Evidence)
            {
                json.WriteStringValue(factor);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteString("kind", "not_classified");
        }

        json.WriteEndObject();

        json.WriteStartArray("recommendations");
        foreach (var recommendation in o.Recommendations)
        {
            json.WriteStringValue(recommendation);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void Summary(Utf8JsonWriter json, MetricSummary m)
    {
        json.WriteString("metric", m.Name);
        json.WriteNumber("count", m.Count);
        Number(json, "min", m.Min);
        Number(json, "mean", m.Mean);
        Number(json, "max", m.Max);
        Number(json, "last", m.Last);
        Number(json, "recent_mean", m.RecentMean);
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
