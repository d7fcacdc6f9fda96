using System.Text.RegularExpressions;

namespace Observability.Cli.Tests;

/// <summary><c>obs check</c> as CI runs it: the verdict as the exit code, the summary line, the GitHub Actions files.</summary>
public sealed class CheckTests
{
    private const string WeekEnd = "2025-11-22T00:00:00Z";

    [Fact]
    public async Task Check_DegradingWeekInGitHubActions_ExitsThreeAndWritesStepSummaryAndOutputs()
    {
        using var temp = new TempFolder();
        var summary = temp["step_summary.md"];
        var output = temp["github_output"];
        var environment = Obs.Environment(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", summary), ("GITHUB_OUTPUT", output));

        var outcome = await Obs.RunAsync(temp.Path, environment, "check", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--window-end", WeekEnd, "--lookback", "7d", "--service", "checkout");

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        var machine = Regex.Match(outcome.StdoutLines[^1], @"^verdict=rollback health=(\d+) stability=(\d+) alerts=(\d+)$");
        Assert.True(machine.Success, outcome.ToString());
        Assert.Contains(outcome.StdoutLines, static l => l.StartsWith("::error title=", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.StdoutLines, static l => l.StartsWith("::warning", StringComparison.Ordinal));

        // The step summary is the Markdown report; the outputs are the machine line's numbers.
        var markdown = File.ReadAllText(summary);
        Assert.StartsWith("#", markdown, StringComparison.Ordinal);
        Assert.Contains("checkout", markdown, StringComparison.Ordinal);
        Assert.Contains("ollback", markdown, StringComparison.Ordinal);
        var outputs = File.ReadAllLines(output);
        Assert.Equal(
            ["verdict=rollback", $"health={machine.Groups[1].Value}", $"stability={machine.Groups[2].Value}", $"alerts={machine.Groups[3].Value}"],
            outputs);

        // Logs go to stderr; stdout stays the summary.
        Assert.Contains("Monitoring pass for checkout", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Monitoring pass for checkout", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_LogFormatJson_EveryLogLineOnStderrIsOneJsonObjectWithTheSpecFields()
    {
        using var temp = new TempFolder();
        var environment = Obs.Environment(("OBS_LOG_FORMAT", "json"));

        var outcome = await Obs.RunAsync(temp.Path, environment, "check", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--window-end", WeekEnd, "--lookback", "7d");

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(static l => l.StartsWith('{')).ToArray();
        Assert.True(lines.Length >= 2, outcome.ToString());
        foreach (var line in lines)
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var names = json.RootElement.EnumerateObject().Select(static p => p.Name).Take(9).ToArray();
            Assert.Equal(["ts", "level", "service", "fn", "trace_id", "correlation_id", "user_id", "cmd", "msg"], names);
            Assert.EndsWith("Z", json.RootElement.GetProperty("ts").GetString(), StringComparison.Ordinal);
            Assert.Contains(json.RootElement.GetProperty("level").GetString(), new[] { "debug", "info", "warn", "error" });
            Assert.Equal("obs", json.RootElement.GetProperty("service").GetString());
        }

        var finished = lines.Select(static l => System.Text.Json.JsonDocument.Parse(l)).Single(d => d.RootElement.GetProperty("fn").GetString() == "LogPassFinished");
        Assert.Matches("^[0-9a-f]{32}$", finished.RootElement.GetProperty("trace_id").GetString());
        Assert.Contains("Rollback", finished.RootElement.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("verdict=", outcome.Stderr, StringComparison.Ordinal); // the summary stays on stdout
        Assert.Contains("verdict=rollback", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DegradingWeekOutsideGitHubActions_WritesNoAnnotationAndNoFiles()
    {
        using var temp = new TempFolder();

        var outcome = await Obs.RunAsync(temp.Path, null, "check", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--window-end", WeekEnd, "--lookback", "7d");

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        Assert.DoesNotContain("::error", outcome.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Check_HealthyWeek_ExitsZeroAndWritesReportsAndSummaries()
    {
        using var temp = new TempFolder();
        var data = HealthyWeek.Write(temp["healthy.csv"]);
        var environment = Obs.Environment(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", temp["summary.md"]), ("GITHUB_OUTPUT", temp["output"]));

        var outcome = await Obs.RunAsync(
            temp.Path, environment, "check", "--data", data, "--service", "checkout", "--window-end", HealthyWeek.End.ToString("O"), "--lookback", "7d", "--output", temp["reports"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Matches(@"^verdict=proceed health=\d+ stability=\d+ alerts=0$", outcome.StdoutLines[^1]);
        Assert.DoesNotContain("::error", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("::warning", outcome.Stdout, StringComparison.Ordinal);
        Assert.Equal("verdict=proceed", File.ReadAllLines(temp["output"])[0]);
        Assert.True(File.Exists(temp["reports/health-report.json"]), outcome.ToString());
        Assert.True(File.Exists(temp["reports/health-report.md"]), outcome.ToString());
        foreach (var format in new[] { "health-report.pdf", "dashboard.html", "snapshots.csv", "slo_violations.json", "slo_violations.md", "operational_report.json", "operational_report.md", "weekly_summary.html", "weekly_summary.pdf" })
        {
            Assert.True(File.Exists(temp["reports/" + format]), $"{format} missing: {outcome}");
        }

        Assert.StartsWith("%PDF-", File.ReadAllText(temp["reports/health-report.pdf"]), StringComparison.Ordinal);
        Assert.True(File.Exists(temp["reports/summaries/weekly_summary.json"]), outcome.ToString());
        Assert.Equal(7, Directory.GetFiles(temp["reports/summaries"], "day_*_summary.json").Length);
    }

    [Fact]
    public async Task Check_WindowWithoutSnapshots_ExitsFourWithNoDataVerdict()
    {
        using var temp = new TempFolder();

        var outcome = await Obs.RunAsync(temp.Path, null, "check", "--data", Obs.DegradingWeek, "--window-end", "2020-01-01T00:00:00Z", "--lookback", "7d");

        Assert.True(outcome.ExitCode == 4, outcome.ToString());
        Assert.Matches(@"^verdict=no_data health=\d+ stability=\d+ alerts=\d+$", outcome.StdoutLines[^1]);
    }

    [Fact]
    public async Task Check_ConfigFile_BindsTheObservabilitySectionAndItsDataPath()
    {
        using var temp = new TempFolder();
        File.Copy(Obs.DegradingWeek, temp["week.csv"]);
        File.Copy(Obs.Baseline, temp["baseline.json"]);
        File.WriteAllText(temp["appsettings.json"], """
            {
              "Observability": { "ServiceName": "from-config", "LookbackWindow": "7.00:00:00", "BaselineFile": "baseline.json" },
              "Collectors": { "File": { "Path": "week.csv" } }
            }
            """);

        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, "check", "--config", temp["appsettings.json"], "--window-end", WeekEnd);

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        Assert.Contains("Rollout health of from-config", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("(7 d)", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidConfiguration_ExitsOneListingTheProblem()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["appsettings.json"], """{ "Observability": { "LookbackWindow": "not a time" } }""");

        var outcome = await Obs.RunAsync(temp.Path, null, "check", "--config", temp["appsettings.json"], "--data", Obs.DegradingWeek);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("configuration is not valid", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("LookbackWindow", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
    }
}
