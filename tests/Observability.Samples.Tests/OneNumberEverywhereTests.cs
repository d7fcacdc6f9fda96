using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Observability.Samples.Tests;

/// <summary>
/// One engine, one definition per number: the main job's console, Markdown, JSON, dashboard page, PDFs,
/// snapshots.csv and operational report show the same figures, and the stability monitor's replay of the same data with the same baseline writes the
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

    [Fact]
    public void JsonPagePdfCsvAndOperationalReport_OfOneRun_ShowTheSameFigures()
    {
        var run = _fixture.Run;
        Assert.Equal(0, run.Outcome.ExitCode);
        var output = run.OutputDirectory;
        using var document = JsonDocument.Parse(File.ReadAllText(run.JsonReportPath));
        var report = document.RootElement.GetProperty("report");
        var page = File.ReadAllText(Path.Combine(output, "dashboard.html"));
        var pdf = Squash(PdfText(Path.Combine(output, "health-report.pdf")));
        var health = report.GetProperty("health").GetProperty("value").GetDouble();
        var stability = report.GetProperty("stability").GetProperty("value").GetDouble();
        var grade = report.GetProperty("stability").GetProperty("grade").GetString();
        var decision = report.GetProperty("verdict").GetProperty("decision").GetString()!;
        var summary = report.GetProperty("verdict").GetProperty("summary").GetString()!;

        // The verdict and the scores: the page and the PDF print the JSON's numbers with the one formatter.
        var verdict = char.ToUpperInvariant(decision[0]) + decision[1..];
        Assert.Contains($"Verdict: {verdict}", page, StringComparison.Ordinal);
        Assert.Contains($"Verdict: {verdict}", pdf, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(summary), page, StringComparison.Ordinal);
        Assert.Contains(summary, pdf, StringComparison.Ordinal);
        Assert.Contains($"Health <strong>{Score(health)}</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"stability <strong>{Score(stability)}</strong> (grade {grade})", page, StringComparison.Ordinal);
        Assert.Contains($"Health {Score(health)} (", pdf, StringComparison.Ordinal);
        Assert.Contains($"stability {Score(stability)} (grade {grade})", pdf, StringComparison.Ordinal);
        foreach (var reason in report.GetProperty("verdict").GetProperty("reasons").EnumerateArray())
        {
            Assert.Contains(reason.GetProperty("rule").GetString()!, pdf, StringComparison.Ordinal);
        }

        // Each SLO's row: the same objective, compliance, budget left and burn rate in the page and the PDF.
        foreach (var slo in report.GetProperty("slos").EnumerateArray())
        {
            var cells = new[]
            {
                slo.GetProperty("name").GetString()!, Percent(slo.GetProperty("objective").GetDouble()), Percent(slo.GetProperty("compliance").GetDouble()),
                Percent(slo.GetProperty("budgetRemaining").GetDouble()), Burn(slo.GetProperty("burnRate").GetDouble()),
            };
            Assert.Contains($"<tr><td>{string.Join("</td><td>", cells)}</td>", page, StringComparison.Ordinal);
            Assert.Contains(string.Join(" ", cells), pdf, StringComparison.Ordinal);
        }

        // snapshots.csv: one row per judged snapshot of the JSON's timeline, with the same values and flags.
        var timeline = report.GetProperty("timeline").EnumerateArray().ToArray();
        var csv = File.ReadAllLines(Path.Combine(output, "snapshots.csv"));
        var header = csv[0].Split(',');
        Assert.Equal(timeline.Length, csv.Length - 1);
        for (var i = 0; i < timeline.Length; i++)
        {
            var row = csv[i + 1].Split(',');
            var t = timeline[i];
            Assert.Equal(t.GetProperty("timestamp").GetDateTimeOffset(), DateTimeOffset.Parse(row[Array.IndexOf(header, "timestamp")], CultureInfo.InvariantCulture));
            foreach (var (column, property) in new[] { ("health", "health"), ("error_rate", "errorRate"), ("availability", "availability"), ("latency_p99_ms", "latencyP99") })
            {
                var cell = row[Array.IndexOf(header, column)];
                if (t.TryGetProperty(property, out var value))
                {
                    Assert.Equal(value.GetDouble(), double.Parse(cell, CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(string.Empty, cell);
                }
            }

            var flags = t.TryGetProperty("alertFlags", out var f) ? f.EnumerateArray().Select(static x => x.GetString()).ToArray() : [];
            Assert.Equal(string.Join(';', flags), row[Array.IndexOf(header, "alert_flags")]);
        }

        // The page's charts carry the same points as the timeline; the lowest health in the page's text is the CSV's.
        Assert.Equal(timeline.Count(static t => t.TryGetProperty("errorRate", out _)), Regex.Matches(Figure(page, "chart-error-rate"), "<circle ").Count);
        var lowest = timeline.Where(static t => t.TryGetProperty("health", out _)).Min(static t => t.GetProperty("health").GetDouble());
        Assert.Contains($"lowest {Score(lowest)}", Figure(page, "chart-health"), StringComparison.Ordinal);
        Assert.Contains($"lowest {Score(lowest)}", pdf, StringComparison.Ordinal);

        // The operational report (JSON, and the same sections in the PDF) reads the same facts.
        using var operational = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "operational_report.json")));
        var executive = operational.RootElement.GetProperty("executive_summary");
        Assert.Equal(health, executive.GetProperty("health_score").GetDouble());
        Assert.Equal(stability, executive.GetProperty("stability_score").GetDouble());
        Assert.Equal(decision, executive.GetProperty("verdict").GetString());
        Assert.Equal(report.GetProperty("alerts").GetArrayLength(), executive.GetProperty("alerts").GetInt32());
        foreach (var slo in operational.RootElement.GetProperty("slo_compliance").EnumerateArray())
        {
            var same = report.GetProperty("slos").EnumerateArray().Single(s => s.GetProperty("name").GetString() == slo.GetProperty("slo").GetString());
            Assert.Equal(same.GetProperty("compliance").GetDouble(), slo.GetProperty("compliance").GetDouble());
            Assert.Equal(same.GetProperty("budgetRemaining").GetDouble(), slo.GetProperty("budget_remaining").GetDouble());
        }

        Assert.Contains($"Health score {Score(health)} / 100", pdf, StringComparison.Ordinal);
        Assert.Contains("Regression likelihood", pdf, StringComparison.Ordinal);
        Assert.Contains(report.GetProperty("regression").GetProperty("category").GetString()!.Replace('_', ' '), pdf, StringComparison.Ordinal);

        // The week: its PDF, its page and its JSON agree.
        using var weekly = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summaries", "weekly_summary.json")));
        var weekStability = Score(weekly.RootElement.GetProperty("stability_score").GetDouble());
        Assert.Contains($"Stability {weekStability} (grade", Squash(PdfText(Path.Combine(output, "weekly_summary.pdf"))), StringComparison.Ordinal);
        Assert.Contains($"Stability <strong>{weekStability}</strong>", File.ReadAllText(Path.Combine(output, "weekly_summary.html")), StringComparison.Ordinal);
    }

    private static string Score(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Burn(double rate) => rate.ToString("0.#", CultureInfo.InvariantCulture) + "x";

    private static string Figure(string page, string id)
    {
        var start = page.IndexOf($"<figure class=\"chart\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart {id} in the page");
        return page[start..page.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ");

    private static string PdfText(string pdf)
    {
        Assert.True(File.Exists("/usr/bin/pdftotext"), "pdftotext is not installed: run 'bash eng/servers.sh install' (it installs poppler-utils).");
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-layout");
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        using var process = System.Diagnostics.Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
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
