using System.Text.Json;
using Observability.Testing;
using static Observability.Core.Tests.Reporting.SummaryFixtures;

namespace Observability.Core.Tests.Reporting;

public sealed class SummaryReporterTests : IDisposable
{
    /// <summary>The daily fields of the stability monitor spec, in its order.</summary>
    internal static readonly string[] DailySpecFields =
    [
        "day_number", "start_time", "end_time", "duration_hours", "snapshot_count",
        "avg_availability", "min_availability", "max_availability", "slo_compliance_percent",
        "avg_error_rate", "max_error_rate", "total_requests", "total_errors",
        "avg_p95_latency_ms", "max_p95_latency_ms", "avg_p99_latency_ms", "max_p99_latency_ms", "latency_slo_compliance_percent",
        "avg_cpu_percent", "peak_cpu_percent", "avg_memory_percent", "peak_memory_percent",
        "total_critical_alerts", "total_warning_alerts", "total_info_alerts", "alert_free_hours",
        "max_drift_percent", "avg_drift_percent", "metrics_exceeding_drift_threshold",
        "availability_degraded", "latency_degraded", "error_rate_degraded", "_metadata",
    ];

    /// <summary>The weekly fields of the spec, in its order.</summary>
    internal static readonly string[] WeeklySpecFields =
    [
        "start_time", "end_time", "total_duration_hours", "total_snapshots", "baseline_timestamp",
        "avg_availability", "avg_error_rate", "avg_p99_latency_ms", "avg_drift_percent",
        "stability_score", "days_with_degradation", "total_critical_alerts", "total_warning_alerts",
        "daily_summaries", "availability_trend", "latency_trend", "resource_trend", "recommendations", "action_items",
    ];

    /// <summary>The spec's <c>_metadata</c> fields.</summary>
    internal static readonly string[] MetadataSpecFields =
        ["schema_version", "generated_at", "data_completeness", "expected_snapshots", "actual_snapshots", "completeness_percent", "warnings"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "obs-summary-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task WriteFilesAsync_WritesEachDayAndTheWeekUnderTheirNames()
    {
        var (days, week) = Week();

        var paths = await Reporter().WriteFilesAsync(_directory, days, week);

        Assert.Equal([.. Enumerable.Range(1, 7).Select(d => $"day_{d:00}_summary.json"), "weekly_summary.json", "weekly_summary.md"], paths.Select(Path.GetFileName));
        Assert.All(paths, p => Assert.True(File.Exists(p)));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task WriteJsonAsync_Day_WritesTheSpecsFieldsFirstInTheSpecsOrder()
    {
        var (days, _) = Week();

        using var json = JsonDocument.Parse(await DailyJsonAsync(days[0]));

        Assert.Equal(DailySpecFields, json.RootElement.EnumerateObject().Select(p => p.Name).Take(DailySpecFields.Length));
        Assert.Equal(MetadataSpecFields, json.RootElement.GetProperty("_metadata").EnumerateObject().Select(p => p.Name).Take(MetadataSpecFields.Length));
        Assert.Equal(1, json.RootElement.GetProperty("day_number").GetInt32());
    }

    [Fact]
    public async Task WriteJsonAsync_Day_WritesRatiosInPercentAndLatencyInMilliseconds()
    {
        var (days, _) = Week();

        using var json = JsonDocument.Parse(await DailyJsonAsync(days[0]));
        var day = json.RootElement;

        // 0.05 % errors: availability 0.9995 is written 99.95, exactly.
        Assert.Equal("99.95", day.GetProperty("avg_availability").GetRawText());
        Assert.Equal(99.95, day.GetProperty("min_availability").GetDouble());
        Assert.Equal(99.95, day.GetProperty("max_availability").GetDouble());
        Assert.Equal(100, day.GetProperty("slo_compliance_percent").GetDouble());
        Assert.Equal(0.05, day.GetProperty("avg_error_rate").GetDouble());
        Assert.Equal(42, day.GetProperty("avg_cpu_percent").GetDouble());
        Assert.Equal(61, day.GetProperty("peak_memory_percent").GetDouble());
        Assert.Equal(320, day.GetProperty("avg_p99_latency_ms").GetDouble());
        Assert.Equal(176, day.GetProperty("max_p95_latency_ms").GetDouble());
        Assert.Equal(100, day.GetProperty("latency_slo_compliance_percent").GetDouble());
        // The model's volume is jobs where snapshots count them (60 each), else requests.
        Assert.Equal(48 * 2400, day.GetProperty("total_requests").GetInt64()); // requests, kept apart from the 60 jobs per snapshot
        Assert.Equal(48, day.GetProperty("total_errors").GetInt64()); // round(0.0005 x 2400) = 1 per snapshot
        // |320 - 300| / 300 x 100
        Assert.Equal(6.666667, day.GetProperty("avg_drift_percent").GetDouble());
        Assert.Equal(0, day.GetProperty("metrics_exceeding_drift_threshold").GetArrayLength());
    }

    [Fact]
    public async Task WriteJsonAsync_Day_StartAndEndAreTheFirstAndLastSnapshot()
    {
        var (days, _) = Week();

        using var json = JsonDocument.Parse(await DailyJsonAsync(days[0]));
        var day = json.RootElement;

        Assert.Equal("2025-11-22T00:00:00Z", day.GetProperty("start_time").GetString());
        Assert.Equal("2025-11-22T23:30:00Z", day.GetProperty("end_time").GetString());
        Assert.Equal(23.5, day.GetProperty("duration_hours").GetDouble());
        Assert.Equal(48, day.GetProperty("snapshot_count").GetInt32());
    }

    [Fact]
    public async Task WriteJsonAsync_DayWithoutData_FallsBackToTheDaysBoundsAndWritesNulls()
    {
        var day = DailyAggregator.Aggregate(new DateOnly(2025, 11, 22), [], options: DailyOptions());

        using var json = JsonDocument.Parse(await DailyJsonAsync(day));
        var root = json.RootElement;

        Assert.Equal("2025-11-22T00:00:00Z", root.GetProperty("start_time").GetString());
        Assert.Equal("2025-11-23T00:00:00Z", root.GetProperty("end_time").GetString());
        Assert.Equal(24, root.GetProperty("duration_hours").GetDouble());
        foreach (var field in new[] { "avg_availability", "slo_compliance_percent", "avg_error_rate", "total_requests", "avg_p99_latency_ms", "latency_slo_compliance_percent", "avg_cpu_percent", "avg_drift_percent" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty(field).ValueKind);
        }

        Assert.Equal("partial", root.GetProperty("_metadata").GetProperty("data_completeness").GetString());
        Assert.Equal(0, root.GetProperty("_metadata").GetProperty("actual_snapshots").GetInt32());
    }

    [Fact]
    public async Task WriteJsonAsync_DayWithoutP99_WritesLatencyComplianceAsNullNot100()
    {
        var snapshots = TestSnapshots.Series(Start, TimeSpan.FromMinutes(30), 48, (_, t) => new MetricSnapshot(t, "test", new Dictionary<string, double>
        {
            [WellKnownMetrics.Availability] = 0.9995,
            [WellKnownMetrics.LatencyP95] = 180,
        }));
        var day = DailyAggregator.Aggregate(DateOnly.FromDateTime(Start.UtcDateTime), snapshots, options: DailyOptions());

        using var json = JsonDocument.Parse(await DailyJsonAsync(day));
        var root = json.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("latency_slo_compliance_percent").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("avg_p99_latency_ms").ValueKind);
        Assert.Equal(180, root.GetProperty("avg_p95_latency_ms").GetDouble());
        Assert.False(root.GetProperty("latency_degraded").GetBoolean());
    }

    [Fact]
    public async Task WriteJsonAsync_Day_CountsAlertsBySeverityWithErrorsInAnExtraField()
    {
        var (days, _) = Week();

        using var json = JsonDocument.Parse(await DailyJsonAsync(days[1]));
        var day = json.RootElement;

        Assert.Equal(1, day.GetProperty("total_critical_alerts").GetInt32());
        Assert.Equal(1, day.GetProperty("total_warning_alerts").GetInt32());
        Assert.Equal(1, day.GetProperty("total_info_alerts").GetInt32());
        Assert.Equal(1, day.GetProperty("total_error_alerts").GetInt32());
        Assert.Equal(22, day.GetProperty("alert_free_hours").GetDouble()); // alerts at 03:00 and 09:00
    }

    [Fact]
    public async Task WriteJsonAsync_Day_MetadataIsCompleteOrPartialWithTheFixedClock()
    {
        var (days, _) = Week();

        using var complete = JsonDocument.Parse(await DailyJsonAsync(days[0]));
        using var partial = JsonDocument.Parse(await DailyJsonAsync(days[2]));

        var metadata = complete.RootElement.GetProperty("_metadata");
        Assert.Equal("1.0", metadata.GetProperty("schema_version").GetString());
        Assert.Equal("2025-11-29T00:05:00Z", metadata.GetProperty("generated_at").GetString());
        Assert.Equal("complete", metadata.GetProperty("data_completeness").GetString());
        Assert.Equal(48, metadata.GetProperty("expected_snapshots").GetInt32());
        Assert.Equal(48, metadata.GetProperty("actual_snapshots").GetInt32());
        Assert.Equal(100, metadata.GetProperty("completeness_percent").GetDouble());
        Assert.Equal(0, metadata.GetProperty("warnings").GetArrayLength());

        metadata = partial.RootElement.GetProperty("_metadata");
        Assert.Equal("partial", metadata.GetProperty("data_completeness").GetString());
        Assert.Equal(46, metadata.GetProperty("actual_snapshots").GetInt32());
        Assert.Equal(95.83, metadata.GetProperty("completeness_percent").GetDouble());
        Assert.Contains("04:00", metadata.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteJsonAsync_DegradedDay_SetsItsFlagAndReason()
    {
        var (days, _) = Week();

        using var json = JsonDocument.Parse(await DailyJsonAsync(days[6]));
        var day = json.RootElement;

        // 1 % errors: availability 99 % misses the 99.9 % target in every snapshot (degraded), while the error
        // rate stays under the 2.5 % warning threshold (not degraded by errors).
        Assert.False(day.GetProperty("error_rate_degraded").GetBoolean());
        Assert.False(day.GetProperty("latency_degraded").GetBoolean());
        Assert.True(day.GetProperty("availability_degraded").GetBoolean());
        Assert.Equal(1, day.GetProperty("avg_error_rate").GetDouble());
        var reason = day.GetProperty("degradation_reasons").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "availability_compliance");
        Assert.Equal(95, reason.GetProperty("threshold_percent").GetDouble());
    }
}
