using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Observability.Samples.Tests;

/// <summary>
/// One engine, one definition per number: the main job's console, Markdown and JSON show the same
/// figures, and the stability monitor's replay of the same data with the same baseline writes the
/// same weekly numbers as the main job.
/// </summary>
public sealed partial class OneNumberEverywhereTests : IClassFixture<DefaultSampleRunFixture>, IDisposable
{
    private readonly DefaultSampleRunFixture _fixture;
    private readonly string _stabilityOutput = Path.Combine(Path.GetTempPath(), "obs-one-number-" + Guid.NewGuid().ToString("N"));

    public OneNumberEverywhereTests(DefaultSampleRunFixture fixture) => _fixture = fixture;

    private static string StabilityDll => Path.Combine(
        RepositoryLayout.Root, "samples", "Observability.Samples.StabilityMonitor", "bin", RepositoryLayout.Configuration, "net10.0", "Observability.Samples.StabilityMonitor.dll");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_stabilityOutput, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Fact]
    public void ConsoleMarkdownAndJson_OfOneRun_ShowTheSameFigures()
    {
        var run = _fixture.Run;
        Assert.Equal(0, run.Outcome.ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(run.JsonReportPath));
        var report = document.RootElement.GetProperty("report");
        var markdown = File.ReadAllText(run.MarkdownReportPath);
        var console = run.Outcome.Stdout;

        var health = report.GetProperty("health").GetProperty("value").GetDouble();
        var stability = report.GetProperty("stability").GetProperty("value").GetDouble();
        var decision = report.GetProperty("verdict").GetProperty("decision").GetString();

        // Markdown: "| Health | 0 / 100 |", "| Stability | 95.2 / 100 |" (one decimal).
        Assert.Equal(Math.Round(health, 1), Number(MarkdownScore().Match(markdown), "health"));
        Assert.Equal(Math.Round(stability, 1), Number(MarkdownStability().Match(markdown), "stability"));

        // Console: the machine line rounds to whole points; the scores block shows the same value.
        var last = run.Outcome.StdoutLines[^1];
        Assert.Equal($"verdict={decision} health={Math.Round(health, MidpointRounding.AwayFromZero):0} stability={Math.Round(stability, MidpointRounding.AwayFromZero):0} alerts={report.GetProperty("alerts").GetArrayLength()}", last);

        // Compliance and drift: the same figures in the console, the Markdown and the JSON.
        var availability = report.GetProperty("stability").GetProperty("availabilityCompliance").GetDouble();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"availability compliance {availability * 100:0.00} %"), console, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"| Availability SLO compliance | {availability * 100:0.00} %"), markdown, StringComparison.Ordinal);

        // The week: console, weekly JSON and weekly Markdown agree.
        var summaries = Path.Combine(run.OutputDirectory, "summaries");
        using var weekly = JsonDocument.Parse(File.ReadAllText(Path.Combine(summaries, "weekly_summary.json")));
        var weeklyMarkdown = File.ReadAllText(Path.Combine(summaries, "weekly_summary.md"));
        var weekStability = weekly.RootElement.GetProperty("stability_score").GetDouble();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"stability {weekStability:0.0} ("), console, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"**Stability Score:** {weekStability:0.0}/100"), weeklyMarkdown, StringComparison.Ordinal);

        // One definition: the pass over the 7-day window and the week it summarises have the same stability.
        Assert.Equal(Math.Round(stability, 1), Math.Round(weekStability, 1));
    }

    [Fact]
    public async Task BothSamples_SameDataAndBaseline_WriteTheSameWeeklyNumbers()
    {
        var main = _fixture.Run;
        Assert.Equal(0, main.Outcome.ExitCode);
        Assert.True(File.Exists(StabilityDll), $"The sample is not built: {StabilityDll}");
        var data = Path.Combine(Path.GetDirectoryName(StabilityDll)!, "data");
        var replay = await ProcessRunner.RunAsync(
            RepositoryLayout.DotnetHost,
            [StabilityDll, "--replay", "--data", Path.Combine(data, "checkout-7d.csv"), "--baseline", Path.Combine(data, "baseline.json"), "--output", _stabilityOutput],
            TimeSpan.FromSeconds(60),
            Path.GetTempPath());
        Assert.True(replay.ExitCode == 0, replay.ToString());

        using var fromMain = JsonDocument.Parse(File.ReadAllText(Path.Combine(main.OutputDirectory, "summaries", "weekly_summary.json")));
        using var fromMonitor = JsonDocument.Parse(File.ReadAllText(Path.Combine(_stabilityOutput, "weekly_summary.json")));
        foreach (var field in new[]
        {
            "start_time", "end_time", "total_duration_hours", "total_snapshots", "avg_availability", "avg_error_rate", "avg_p99_latency_ms",
            "avg_drift_percent", "stability_score", "days_with_degradation", "total_critical_alerts", "total_warning_alerts",
            "availability_trend", "latency_trend", "resource_trend", "should_rollback",
        })
        {
            Assert.True(
                fromMain.RootElement.GetProperty(field).GetRawText() == fromMonitor.RootElement.GetProperty(field).GetRawText(),
                $"{field}: main job {fromMain.RootElement.GetProperty(field).GetRawText()}, stability monitor {fromMonitor.RootElement.GetProperty(field).GetRawText()}");
        }

        var mainDays = fromMain.RootElement.GetProperty("daily_summaries").EnumerateArray().ToList();
        var monitorDays = fromMonitor.RootElement.GetProperty("daily_summaries").EnumerateArray().ToList();
        Assert.Equal(mainDays.Count, monitorDays.Count);
        for (var i = 0; i < mainDays.Count; i++)
        {
            foreach (var field in new[] { "avg_availability", "slo_compliance_percent", "avg_drift_percent", "total_critical_alerts", "alert_free_hours", "latency_slo_compliance_percent" })
            {
                Assert.Equal(mainDays[i].GetProperty(field).GetRawText(), monitorDays[i].GetProperty(field).GetRawText());
            }
        }
    }

    private static double Number(Match match, string what)
    {
        Assert.True(match.Success, $"no {what} row in the Markdown");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\| Health \| ([0-9.]+) / 100 \|")]
    private static partial Regex MarkdownScore();

    [GeneratedRegex(@"\| Stability \| ([0-9.]+) / 100 \|")]
    private static partial Regex MarkdownStability();
}
