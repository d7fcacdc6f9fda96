using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;
using Observability.Internal;

namespace Observability.Core.Tests.Reporting;

/// <summary>The operational report: every section from the health report's own facts, in JSON and Markdown.</summary>
public sealed class OperationalReporterTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("obs-operational-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The timeline report with two regions, CI error categories, a p50, a regression and drift.</summary>
    private static HealthReport Regional()
    {
        var report = TimelineReports.Report();
        return report with
        {
            Metrics =
            [
                .. report.Metrics,
                new MetricSummary("latency_p50_ms", 46, 60, 90, 70.5, 88, 85),
                new MetricSummary(WellKnownMetrics.LatencyP95, 46, 120, 165, 142.5, 165, 163.5),
                new MetricSummary(WellKnownMetrics.ForRegion(WellKnownMetrics.LatencyP95, "eu-west-1"), 46, 100, 400, 180.25, 390, 380),
                new MetricSummary(WellKnownMetrics.ForRegion(WellKnownMetrics.ErrorRate, "eu-west-1"), 46, 0, 0.2, 0.0375, 0.1, 0.08),
                new MetricSummary(WellKnownMetrics.ForRegion(WellKnownMetrics.LatencyP95, "us-east-1"), 46, 90, 150, 120.5, 130, 125),
                new MetricSummary("ci_error_lines@timeout", 10, 0, 9, 2.5, 3, 3),
                new MetricSummary("ci_error_lines@compile", 10, 0, 2, 0.4, 0, 0),
            ],
            RegionalDrift = [new RegionDrift("eu-west-1", 150, 380), new RegionDrift("us-east-1", 120, 125)],
            Regression = new Classification("environment_regression", 0.8, "Environment regression (confidence 0.8).")
            {
                Evidence = ["database_latency_delta_percent: +80 %, above the tolerance of +20 %", "cpu_normal_while_dependencies_slow: CPU +2 % while dependencies slowed"],
            },
            Health = report.Health with { Components = [.. report.Health.Components, new ScoreComponent("regional_latency_drift", -5, "Region eu-west-1's p95 moved 230 ms from its baseline (150 -> 380 ms); the limit is 100 ms.")] },
        };
    }

    [Fact]
    public async Task WriteFilesAsync_RegionalReport_WritesEverySectionFromTheReportsFacts()
    {
        var report = Regional();

        var paths = await new OperationalReporter(new OperationalReporterOptions()).WriteFilesAsync(_folder.FullName, report, null, CancellationToken.None);

        Assert.Equal([Path.Combine(_folder.FullName, "operational_report.json"), Path.Combine(_folder.FullName, "operational_report.md")], paths);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(paths[0]));
        var root = json.RootElement;
        var summary = root.GetProperty("executive_summary");
        Assert.Equal("rollback", summary.GetProperty("verdict").GetString());
        Assert.Equal(report.Health.Value, summary.GetProperty("health_score").GetDouble());
        Assert.Equal(report.Stability.Value, summary.GetProperty("stability_score").GetDouble());

        var latency = root.GetProperty("performance").GetProperty("latency").EnumerateArray().ToArray();
        Assert.Equal(["p50", "p95", "p99"], latency.Select(static l => l.GetProperty("percentile").GetString()));
        Assert.Equal(70.5, latency[0].GetProperty("mean").GetDouble());
        var histogram = root.GetProperty("performance").GetProperty("latency_histogram").EnumerateArray().ToArray();
        Assert.Equal(report.Timeline.Count(static t => t.LatencyP95 is not null), histogram.Sum(static b => b.GetProperty("p95_snapshots").GetInt32()));
        Assert.Equal(report.Timeline.Count(static t => t.LatencyP99 is not null), histogram.Sum(static b => b.GetProperty("p99_snapshots").GetInt32()));

        var regional = root.GetProperty("regional_analysis");
        Assert.True(regional.GetProperty("has_regional_data").GetBoolean());
        var regions = regional.GetProperty("regions").EnumerateArray().ToDictionary(static r => r.GetProperty("region").GetString()!);
        Assert.Equal(["eu-west-1", "us-east-1"], regions.Keys.Order());
        Assert.Equal(180.25, regions["eu-west-1"].GetProperty("latency_p95_mean_ms").GetDouble());
        Assert.Equal(0.0375, regions["eu-west-1"].GetProperty("error_rate_mean").GetDouble());
        Assert.Equal(230, regions["eu-west-1"].GetProperty("drift_ms").GetDouble());
        Assert.Equal(JsonValueKind.Null, regions["us-east-1"].GetProperty("error_rate_mean").ValueKind);

        var taxonomy = root.GetProperty("error_analysis").GetProperty("taxonomy").EnumerateArray().Where(static t => t.GetProperty("source").GetString() == "ci_error_lines").ToArray();
        Assert.Equal(["timeout", "compile"], taxonomy.Select(static t => t.GetProperty("category").GetString()));
        Assert.Equal([25.0, 4.0], taxonomy.Select(static t => t.GetProperty("count").GetDouble()));
        var top = root.GetProperty("error_analysis").GetProperty("top_errors").EnumerateArray().First();
        var mostFrequent = report.Timeline.SelectMany(static t => t.Rules).GroupBy(static r => r).MaxBy(static g => g.Count())!;
        Assert.Equal(mostFrequent.Count(), top.GetProperty("snapshots").GetInt32());

        var regression = root.GetProperty("regression");
        Assert.Equal("environment_regression", regression.GetProperty("kind").GetString());
        Assert.Equal(0.8, regression.GetProperty("confidence").GetDouble());
        Assert.Equal(2, regression.GetProperty("factors").GetArrayLength());
        var recommendations = root.GetProperty("recommendations").EnumerateArray().Select(static r => r.GetString()!).ToArray();
        Assert.StartsWith("Roll back the release", recommendations[0], StringComparison.Ordinal);
        Assert.Contains(recommendations, static r => r.Contains("a rollback will not fix it", StringComparison.Ordinal));
        Assert.Contains(recommendations, static r => r.Contains("Investigate region eu-west-1", StringComparison.Ordinal));

        var markdown = await File.ReadAllTextAsync(paths[1]);
        foreach (var heading in new[] { "## Executive summary", "## Performance", "## SLO compliance", "## Error analysis", "## Regional analysis", "## Regression likelihood", "## Recommendations", "### Burn-down: availability" })
        {
            Assert.Contains(heading, markdown, StringComparison.Ordinal);
        }

        Assert.Contains("| eu-west-1 | 180.3 ms |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("No regional data", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteFilesAsync_NoRegionalMetrics_SaysSoAndShowsTheWholeServicesDrift()
    {
        var report = TimelineReports.Report() with { RegionalDrift = [new RegionDrift("all", 120, 150)] };

        var paths = await new OperationalReporter(new OperationalReporterOptions { WriteJson = false }).WriteFilesAsync(_folder.FullName, report, null, CancellationToken.None);

        var markdown = await File.ReadAllTextAsync(Assert.Single(paths));
        Assert.EndsWith(".md", paths[0], StringComparison.Ordinal);
        Assert.Contains("No regional data", markdown, StringComparison.Ordinal);
        Assert.Contains("| all (the service) |", markdown, StringComparison.Ordinal);
        Assert.Contains("Not classified", markdown, StringComparison.Ordinal);
        Assert.Contains("No CI error lines per category", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void BurnDown_ByDay_ConsumedAddsUpToTheBudgetSpentAndDaysToExhaustionFollowTheProjection()
    {
        var start = TimelineReports.Start;
        var report = TimelineReports.Report();
        var burning = new SloStatus("availability", 0.999, 0.9995, 0.4, "Burning.")
        {
            Kind = "availability",
            ProjectedExhaustion = report.EvaluationWindow.End.AddDays(2.5),
            BurnDown = [new SloBudgetPoint(start.AddHours(1), 0.9), new SloBudgetPoint(start.AddHours(23), 0.7), new SloBudgetPoint(start.AddHours(25), 0.55), new SloBudgetPoint(start.AddHours(47), 0.4)],
        };

        var table = OperationalSections.BurnDown(report, burning, week: null);

        Assert.Equal(2, table.Days.Count);
        Assert.Equal(0.3, table.Days[0].Consumed, 10);
        Assert.Equal(0.3, table.Days[1].Consumed, 10);
        Assert.Equal(1 - burning.BudgetRemaining, table.Days.Sum(static d => d.Consumed), 10);
        Assert.Equal(0.4, table.Days[^1].Remaining);
        Assert.Null(table.Days[0].Compliance);
        Assert.Equal(2.5, table.DaysToExhaustion!.Value, 10);

        Assert.Equal(0, OperationalSections.BurnDown(report, burning with { BudgetRemaining = -0.5, ProjectedExhaustion = null }, null).DaysToExhaustion);
        Assert.Null(OperationalSections.BurnDown(report, burning with { ProjectedExhaustion = null }, null).DaysToExhaustion);
    }

    [Fact]
    public void BurnDown_WithTheWeek_TakesEachDaysComplianceFromItsSummary()
    {
        var report = TimelineReports.Report() with
        {
            Slos = [new SloStatus("availability", 0.999, 0.98, -2.5, "Burnt.") { Kind = "availability", BurnDown = [new SloBudgetPoint(TimelineReports.Start.AddHours(12), 0.8)] }],
        };
        var days = DailyAggregator.AggregateDays(TimelineReports.Snapshots(), report.Window);
        var week = WeeklySummarizer.Summarize(days, new WeeklySummaryOptions { ServiceName = "checkout" });

        var table = OperationalReport.Build(report, week).BurnDown.Single();

        Assert.Equal(days[0].Availability.SloCompliance, table.Days.Single().Compliance);
    }

    [Fact]
    public void Recommendations_EveryCatalogueCategoryThatCanDecide_HasOne()
    {
        var categories = RuleCatalogue.All.Where(static r => r.Category != RuleCatalogue.Categories.Regression).Select(static r => r.Category).Distinct();

        Assert.All(categories, c => Assert.Contains(c, OperationalRecommendations.Categories));
    }

    [Fact]
    public async Task ReportWriter_OperationalReporterWithBothFormats_WritesTwoFilesWithTwoResults()
    {
        var writer = new ReportWriter([new OperationalReporter(new OperationalReporterOptions()), new JsonReporter()], new FakeLogger<ReportWriter>());

        var results = await writer.WriteAllAsync(TimelineReports.Report(), new ReportingOptions { OutputDirectory = _folder.FullName }, CancellationToken.None);

        Assert.All(results, static r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["operational", "operational_md", "json"], results.Select(static r => r.Format));
        Assert.Equal(["health-report.json", "operational_report.json", "operational_report.md"], _folder.GetFiles().Select(static f => f.Name).Order(StringComparer.Ordinal));
    }
}
