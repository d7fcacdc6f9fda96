using System.Text.Json;
using System.Text.Json.Nodes;
using Observability.Testing;
using static Observability.Core.Tests.Reporting.SummaryFixtures;

namespace Observability.Core.Tests.Reporting;

public sealed class WeeklySummaryJsonTests
{
    [Fact]
    public async Task WriteJsonAsync_Week_WritesTheSpecsFieldsFirstInTheSpecsOrder()
    {
        var (_, week) = Week();

        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(SummaryReporterTests.WeeklySpecFields, names.Take(SummaryReporterTests.WeeklySpecFields.Length));
        Assert.Equal(["should_rollback", "rollback_reasons", "_metadata"], names.Skip(SummaryReporterTests.WeeklySpecFields.Length).Take(3));
    }

    [Fact]
    public async Task WriteJsonAsync_Week_WritesTheWindowBaselineAndTotals()
    {
        var (days, week) = Week();

        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));
        var root = json.RootElement;

        Assert.Equal("2025-11-22T00:00:00Z", root.GetProperty("start_time").GetString());
        Assert.Equal("2025-11-29T00:00:00Z", root.GetProperty("end_time").GetString());
        Assert.Equal(168, root.GetProperty("total_duration_hours").GetDouble());
        Assert.Equal(7 * 48 - 2, root.GetProperty("total_snapshots").GetInt32());
        Assert.Equal("2025-11-21T18:00:00Z", root.GetProperty("baseline_timestamp").GetString());
        Assert.Equal(1, root.GetProperty("days_with_degradation").GetInt32());
        Assert.Equal(2, root.GetProperty("total_critical_alerts").GetInt32());
        // The fixture's own warning, and day 7's availability SLO (1 % errors) that the ticks judge and count when it starts firing.
        Assert.Equal(2, root.GetProperty("total_warning_alerts").GetInt32());
        Assert.Equal(week.Stability.Value, root.GetProperty("stability_score").GetDouble());
        Assert.Equal(Math.Round(week.AverageAvailability!.Value * 100, 6), root.GetProperty("avg_availability").GetDouble());
        Assert.Equal(days.Count, root.GetProperty("daily_summaries").GetArrayLength());
        Assert.Equal("checkout", root.GetProperty("service").GetString());
        Assert.Equal("v1.0.1", root.GetProperty("version").GetString());
    }

    [Fact]
    public async Task WriteJsonAsync_Week_DailySummariesAreTheDailyFiles()
    {
        var (days, week) = Week();

        var weekly = JsonNode.Parse(await WeeklyJsonAsync(week))!["daily_summaries"]!.AsArray();

        for (var i = 0; i < days.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await DailyJsonAsync(days[i])), weekly[i]), $"day {i + 1} differs");
        }
    }

    [Fact]
    public async Task WriteJsonAsync_Week_WritesTheRollbackAndItsReasonsInPercent()
    {
        var (_, week) = Week();

        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));
        var root = json.RootElement;

        // Day 7's 1 % errors pull the week's availability under 99.9 %.
        Assert.True(root.GetProperty("should_rollback").GetBoolean());
        var reason = Assert.Single(root.GetProperty("rollback_reasons").EnumerateArray());
        Assert.Equal("availability_below_target", reason.GetProperty("rule").GetString());
        Assert.Equal(99.9, reason.GetProperty("threshold").GetDouble());
        Assert.Equal("percent", reason.GetProperty("unit").GetString());
        Assert.Equal(root.GetProperty("avg_availability").GetDouble(), reason.GetProperty("observed").GetDouble());
        Assert.NotEqual(0, root.GetProperty("recommendations").GetArrayLength());
    }

    [Fact]
    public async Task WriteJsonAsync_Week_MetadataIsPartialWhenAnyDayIs()
    {
        var (days, week) = Week();

        using var partial = JsonDocument.Parse(await WeeklyJsonAsync(week));
        using var complete = JsonDocument.Parse(await WeeklyJsonAsync(WeeklySummarizer.Summarize(days.Where(d => d.DayNumber != 3))));

        var metadata = partial.RootElement.GetProperty("_metadata");
        Assert.Equal("partial", metadata.GetProperty("data_completeness").GetString());
        Assert.Equal(7 * 48, metadata.GetProperty("expected_snapshots").GetInt32());
        Assert.Equal(7 * 48 - 2, metadata.GetProperty("actual_snapshots").GetInt32());
        Assert.Equal(99.4, metadata.GetProperty("completeness_percent").GetDouble()); // 334 / 336
        Assert.StartsWith("day 3: ", metadata.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("complete", complete.RootElement.GetProperty("_metadata").GetProperty("data_completeness").GetString());
        Assert.Equal(JsonValueKind.Null, complete.RootElement.GetProperty("baseline_timestamp").ValueKind);
    }

    [Fact]
    public async Task WriteJsonAsync_Week_TrendsAreTheHalfComparisons()
    {
        var (_, week) = Week();

        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));
        var root = json.RootElement;

        // Day 7's errors lower the second half's availability by 0.24 points, inside the 0.5-point band.
        Assert.Equal(TrendAssessment.Stable, week.Trends.Halves.Availability.Assessment);
        Assert.Equal("stable", root.GetProperty("availability_trend").GetString());
        Assert.Equal("stable", root.GetProperty("latency_trend").GetString());
        Assert.Equal("stable", root.GetProperty("resource_trend").GetString());
    }

    [Fact]
    public async Task WriteJsonAsync_AvailabilityFallsAndP99Improves_WritesDegradingAndImproving()
    {
        var week = WeekOf((day, t) => new Dictionary<string, double>
        {
            [WellKnownMetrics.Availability] = day < 3 ? 0.9995 : 0.99,
            [WellKnownMetrics.LatencyP99] = day < 3 ? 450 : 300,
            [WellKnownMetrics.LatencyP95] = 200,
        });

        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));

        Assert.Equal("degrading", json.RootElement.GetProperty("availability_trend").GetString());
        Assert.Equal("improving", json.RootElement.GetProperty("latency_trend").GetString());
    }

    [Fact]
    public async Task WriteJsonAsync_NoP99_TakesTheLatencyTrendFromP95()
    {
        // p95 doubles in the second half and no snapshot has a p99.
        var week = WeekOf((day, t) => new Dictionary<string, double>
        {
            [WellKnownMetrics.Availability] = 0.9995,
            [WellKnownMetrics.LatencyP95] = day < 3 ? 200 : 400,
        });

        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));

        Assert.Equal("degrading", json.RootElement.GetProperty("latency_trend").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("avg_p99_latency_ms").ValueKind);
    }

    [Fact]
    public async Task WriteJsonAsync_ResourceTrend_IsTheWorseOfCpuAndMemory()
    {
        // CPU falls (improving), memory climbs (degrading): resources are degrading.
        var week = WeekOf((day, t) => new Dictionary<string, double>
        {
            [WellKnownMetrics.Availability] = 0.9995,
            [WellKnownMetrics.CpuUtilization] = day < 3 ? 0.6 : 0.3,
            [WellKnownMetrics.MemoryUtilization] = day < 3 ? 0.4 : 0.7,
        });
        var improving = WeekOf((day, t) => new Dictionary<string, double>
        {
            [WellKnownMetrics.Availability] = 0.9995,
            [WellKnownMetrics.CpuUtilization] = day < 3 ? 0.6 : 0.3,
        });

        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));
        using var cpuOnly = JsonDocument.Parse(await WeeklyJsonAsync(improving));

        Assert.Equal("degrading", json.RootElement.GetProperty("resource_trend").GetString());
        // Memory not measured at all does not count as "stable": the trend is CPU's.
        Assert.Equal("improving", cpuOnly.RootElement.GetProperty("resource_trend").GetString());
    }

    internal static WeeklySummary WeekOf(Func<int, DateTimeOffset, Dictionary<string, double>> metrics)
    {
        var snapshots = TestSnapshots.Series(Start, TimeSpan.FromHours(1), 7 * 24, (i, t) => new MetricSnapshot(t, "test", metrics(i / 24, t)));
        return WeeklySummarizer.Summarize(DailyAggregator.AggregateDays(snapshots, options: new DailyAggregationOptions { ExpectedInterval = TimeSpan.FromHours(1) }));
    }
}
