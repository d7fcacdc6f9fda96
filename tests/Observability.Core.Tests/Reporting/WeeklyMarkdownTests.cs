using System.Globalization;
using System.Text.Json;
using static Observability.Core.Tests.Reporting.SummaryFixtures;

namespace Observability.Core.Tests.Reporting;

public sealed class WeeklyMarkdownTests
{
    [Fact]
    public async Task WriteMarkdownAsync_Week_HasTheSpecsHeadingsInOrder()
    {
        var (days, week) = Week();

        var lines = Lines(await MarkdownAsync(week, days));

        Assert.Equal("# 7-Day Stability Summary", lines[0]);
        Assert.Equal(
            ["## Executive Summary", "## Key Metrics", "## Trends", "## Daily Breakdown", "## Recommendations", "## Action Items"],
            lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WriteMarkdownAsync_Week_HeaderShowsVersionWindowDurationAndBaseline()
    {
        var (days, week) = Week();

        var lines = Lines(await MarkdownAsync(week, days));

        Assert.Equal("checkout v1.0.1", Field(lines, "Version"));
        Assert.Equal("2025-11-22T00:00:00Z → 2025-11-29T00:00:00Z", Field(lines, "Monitoring Window"));
        Assert.Equal("168.0 hours", Field(lines, "Duration"));
        Assert.Equal("2025-11-21T18:00:00Z", Field(lines, "Baseline"));
    }

    [Fact]
    public async Task WriteMarkdownAsync_Week_ExecutiveSummaryMatchesTheJson()
    {
        var (days, week) = Week();

        var lines = Lines(await MarkdownAsync(week, days));
        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));

        Assert.Equal(json.RootElement.GetProperty("stability_score").GetDouble(), Number(Field(lines, "Stability Score").Replace("/100", string.Empty, StringComparison.Ordinal)), 0.05);
        var grade = week.Stability.Grade;
        var label = grade switch { "A" => "Excellent", "B" => "Good", "C" => "Fair", "D" => "Poor", _ => "Failing" };
        Assert.Equal($"{grade} ({label})", Field(lines, "Overall Grade"));
        Assert.Equal("Yes", Field(lines, "Should Roll Back"));
        Assert.Contains(lines, l => l.StartsWith("- `availability_below_target`: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteMarkdownAsync_Week_KeyMetricsHaveValuesTargetsAndStatus()
    {
        var (days, week) = Week();

        var lines = Lines(await MarkdownAsync(week, days));
        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));
        var root = json.RootElement;
        var table = Table(lines, "## Key Metrics");

        Assert.Equal(["Metric", "Value", "Target", "Status"], table.Header);
        Assert.Equal(["Availability", "Error Rate", "P99 Latency", "Drift", "Critical Alerts", "Days Degraded"], table.Rows.Select(r => r[0]));
        var rows = table.Rows.ToDictionary(r => r[0]);
        Assert.Equal(root.GetProperty("avg_availability").GetDouble(), Number(rows["Availability"][1]), 0.0005);
        Assert.Equal(["≥99.9%", "❌ FAIL"], rows["Availability"][2..]);
        Assert.Equal(root.GetProperty("avg_error_rate").GetDouble(), Number(rows["Error Rate"][1]), 0.0005);
        Assert.Equal(["<2.5%", "✅ PASS"], rows["Error Rate"][2..]); // the pass's warning threshold: one set of thresholds
        Assert.Equal(root.GetProperty("avg_p99_latency_ms").GetDouble(), Number(rows["P99 Latency"][1]), 0.05);
        Assert.Equal(["<500ms", "✅ PASS"], rows["P99 Latency"][2..]);
        Assert.Equal(root.GetProperty("avg_drift_percent").GetDouble(), Number(rows["Drift"][1]), 0.0005);
        Assert.Equal(["≤15.0%", "✅ PASS"], rows["Drift"][2..]);
        Assert.Equal(["2", "≤5", "✅ PASS"], rows["Critical Alerts"][1..]);
        Assert.Equal(["1/7", "<2", "✅ PASS"], rows["Days Degraded"][1..]);
    }

    [Fact]
    public async Task WriteMarkdownAsync_Week_TrendsAreTheJsons()
    {
        var (days, week) = Week();

        var lines = Lines(await MarkdownAsync(week, days));
        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));

        Assert.Equal(json.RootElement.GetProperty("availability_trend").GetString(), Field(lines, "Availability", "- "));
        Assert.Equal(json.RootElement.GetProperty("latency_trend").GetString(), Field(lines, "Latency", "- "));
        Assert.Equal(json.RootElement.GetProperty("resource_trend").GetString(), Field(lines, "Resources", "- "));
    }

    [Fact]
    public async Task WriteMarkdownAsync_Week_DailyBreakdownRowsEqualTheDailyJson()
    {
        var (days, week) = Week();

        var lines = Lines(await MarkdownAsync(week, days));
        using var json = JsonDocument.Parse(await WeeklyJsonAsync(week));
        var table = Table(lines, "## Daily Breakdown");

        Assert.Equal(["Day", "Availability", "Error Rate", "P99 Latency", "Drift", "SLO Compliance", "Degraded"], table.Header);
        var daily = json.RootElement.GetProperty("daily_summaries").EnumerateArray().ToList();
        Assert.Equal(daily.Count, table.Rows.Count);
        for (var i = 0; i < daily.Count; i++)
        {
            var row = table.Rows[i];
            var day = daily[i];
            Assert.Equal($"Day {day.GetProperty("day_number").GetInt32()}", row[0]);
            Assert.Equal(day.GetProperty("avg_availability").GetDouble(), Number(row[1]), 0.0005);
            Assert.Equal(day.GetProperty("avg_error_rate").GetDouble(), Number(row[2]), 0.0005);
            Assert.Equal(day.GetProperty("avg_p99_latency_ms").GetDouble(), Number(row[3]), 0.05);
            Assert.Equal(day.GetProperty("avg_drift_percent").GetDouble(), Number(row[4]), 0.0005);
            Assert.Equal(day.GetProperty("slo_compliance_percent").GetDouble(), Number(row[5]), 0.0005);
            var degraded = day.GetProperty("availability_degraded").GetBoolean() || day.GetProperty("latency_degraded").GetBoolean() || day.GetProperty("error_rate_degraded").GetBoolean();
            Assert.Equal(degraded ? "Yes" : "No", row[6]);
        }
    }

    [Fact]
    public async Task WriteMarkdownAsync_Week_RecommendationsAreNumberedAndActionItemsAreCheckboxes()
    {
        var (days, week) = Week();

        var lines = Lines(await MarkdownAsync(week, days));

        var recommendations = Section(lines, "## Recommendations");
        Assert.Equal(week.Recommendations.Count, recommendations.Count);
        Assert.Equal(Enumerable.Range(1, recommendations.Count).Select(i => $"{i}. "), recommendations.Select(l => l[..(l.IndexOf('.', StringComparison.Ordinal) + 2)]));
        var actions = Section(lines, "## Action Items");
        Assert.Equal(week.ActionItems.Count, actions.Count);
        Assert.All(actions, a => Assert.StartsWith("- [ ] ", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteMarkdownAsync_UnknownValues_AreShownAsNa()
    {
        // Without a baseline, a version or p99, and with a day without data in the middle.
        var week = WeeklySummaryJsonTests.WeekOf((day, t) => day == 3
            ? new Dictionary<string, double> { [WellKnownMetrics.Availability] = 0 }
            : new Dictionary<string, double> { [WellKnownMetrics.Availability] = 0.9995 });

        var lines = Lines(await MarkdownAsync(week, week.DailySummaries));
        var rows = Table(lines, "## Key Metrics").Rows.ToDictionary(r => r[0]);
        var day4 = Table(lines, "## Daily Breakdown").Rows[3];

        Assert.Equal("n/a", Field(lines, "Version"));
        Assert.Equal("n/a", Field(lines, "Baseline"));
        Assert.Equal(["n/a", "<500ms", "n/a"], rows["P99 Latency"][1..]);
        Assert.Equal(["n/a", "≤15.0%", "n/a"], rows["Drift"][1..]);
        Assert.Equal(["Day 4", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a"], day4);
    }

    private static List<string> Lines(string markdown) => [.. markdown.Split('\n').Select(l => l.TrimEnd())];

    /// <summary>The value of a <c>**Name:** value</c> line.</summary>
    private static string Field(List<string> lines, string name, string prefix = "")
    {
        var start = $"{prefix}**{name}:** ";
        return lines.Single(l => l.StartsWith(start, StringComparison.Ordinal))[start.Length..];
    }

    private static double Number(string text)
        => double.Parse(text.Replace("%", string.Empty, StringComparison.Ordinal).Replace("ms", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<string> Section(List<string> lines, string heading)
        => [.. lines.SkipWhile(l => l != heading).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).Where(l => l.Length > 0)];

    private static (string[] Header, List<string[]> Rows) Table(List<string> lines, string heading)
    {
        var table = Section(lines, heading).Where(l => l.StartsWith('|')).Select(Cells).ToList();
        Assert.All(table[1], c => Assert.Matches("^-+$", c));
        return (table[0], table.Skip(2).ToList());
    }

    private static string[] Cells(string row) => [.. row.Trim('|').Split('|').Select(c => c.Trim())];
}
