using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Observability.Samples.Tests;

/// <summary>The RolloutHealth sample, run as a process over its shipped 7-day checkout data set.</summary>
public sealed partial class RolloutHealthSampleTests(DefaultSampleRunFixture fixture) : IClassFixture<DefaultSampleRunFixture>
{
    private SampleRun Run => fixture.Run;

    [Fact]
    public void Run_ShippedSettings_ExitsZeroAndLastLineMatchesJsonReport()
    {
        var outcome = Run.Outcome;
        Assert.True(outcome.ExitCode == 0, outcome.ToString());

        Assert.Contains("Rollout health of checkout (production)", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verdict: ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Stability ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains(WellKnownMetric.ErrorRate, outcome.Stdout, StringComparison.Ordinal);

        var last = outcome.StdoutLines[^1];
        var match = MachineLine().Match(last);
        Assert.True(match.Success, $"Unexpected last line: '{last}'\n{outcome}");

        Assert.True(File.Exists(Run.JsonReportPath), $"No JSON report at {Run.JsonReportPath}\n{outcome}");
        Assert.True(File.Exists(Run.MarkdownReportPath), $"No Markdown report at {Run.MarkdownReportPath}\n{outcome}");
        Assert.Contains(Run.JsonReportPath, outcome.Stdout, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Run.JsonReportPath));
        var report = ReportOf(json);
        var decision = report.GetProperty("verdict").GetProperty("decision").GetString();
        Assert.Equal(DecisionToken(decision), match.Groups["verdict"].Value);
        Assert.Equal(Rounded(report.GetProperty("health").GetProperty("value")), long.Parse(match.Groups["health"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(Rounded(report.GetProperty("stability").GetProperty("value")), long.Parse(match.Groups["stability"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(report.GetProperty("alerts").GetArrayLength(), int.Parse(match.Groups["alerts"].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Run_DegradingLastHours_RollsBackOnErrorRate()
    {
        Assert.True(Run.Outcome.ExitCode == 0, Run.Outcome.ToString());
        Assert.StartsWith("verdict=rollback ", Run.Outcome.StdoutLines[^1], StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Run.JsonReportPath));
        var verdict = ReportOf(json).GetProperty("verdict");
        Assert.Equal("rollback", verdict.GetProperty("decision").GetString());

        var reasons = verdict.GetProperty("reasons").EnumerateArray().ToList();
        Assert.Contains(reasons, r =>
            r.GetProperty("rule").GetString()!.Contains("error_rate", StringComparison.Ordinal)
            && r.GetProperty("severity").GetString() == "critical"
            && r.GetProperty("message").GetString()!.Contains("error rate", StringComparison.OrdinalIgnoreCase));

        // The judged error rate of the final 2 hours is above the 5 % critical threshold, as built into the data set.
        var errorRate = ReportOf(json).GetProperty("metrics").EnumerateArray()
            .Single(m => m.GetProperty("name").GetString() == WellKnownMetric.ErrorRate);
        Assert.InRange(errorRate.GetProperty("recentMean").GetDouble(), 0.055, 0.075);
        Assert.InRange(errorRate.GetProperty("mean").GetDouble(), 0.002, 0.02);
    }

    [Fact]
    public void Run_ExporterQuietForOneHour_ReportsTransientGapNotOutage()
    {
        Assert.True(Run.Outcome.ExitCode == 0, Run.Outcome.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(Run.JsonReportPath));
        var report = ReportOf(json);

        var gap = Assert.Single(report.GetProperty("dataQuality").GetProperty("gaps").EnumerateArray());
        Assert.Equal(2, gap.GetProperty("snapshots").GetInt32());
        Assert.Equal("collect_empty_source", gap.GetProperty("category").GetString());
        Assert.False(gap.GetProperty("persistent").GetBoolean());
        Assert.Equal(new DateTimeOffset(2025, 11, 18, 3, 0, 0, TimeSpan.Zero), gap.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(2, report.GetProperty("dataQuality").GetProperty("empty").GetInt32());

        // The quiet hour is a collection problem: no verdict reason cites it or the data-gap rules.
        foreach (var reason in report.GetProperty("verdict").GetProperty("reasons").EnumerateArray())
        {
            var rule = reason.GetProperty("rule").GetString()!;
            var message = reason.GetProperty("message").GetString()!;
            Assert.DoesNotContain("gap", rule, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("2025-11-18", message, StringComparison.Ordinal);
            Assert.DoesNotContain("outage", message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("collect_empty_source, transient", Run.Outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SinkUnreachable_WritesEverythingAndNeverPrintsTheSecret()
    {
        // A Discord webhook on a closed loopback port: the sink fails, the pass and its reports do not.
        const string Webhook = "http://127.0.0.1:1/api/webhooks/123/very-secret-token-abc";
        using var run = await SampleRun.StartAsync(
            ["--Sample:AlertFlushTimeout=00:00:03"],
            new Dictionary<string, string?> { ["OBS_DISCORD_WEBHOOK_URL"] = Webhook });
        var outcome = run.Outcome;
        Assert.True(outcome.ExitCode == 0, outcome.ToString());

        var texts = new List<(string Where, string Text)> { ("stdout", outcome.Stdout), ("stderr", outcome.Stderr) };
        var files = Directory.GetFiles(run.OutputDirectory, "*", SearchOption.AllDirectories);
        // The health report (JSON, Markdown, PDF), dashboard.html, weekly_summary.html and .pdf, snapshots.csv,
        // slo_violations (JSON, Markdown), operational_report (JSON, Markdown), seven day summaries and the weekly summary (JSON, Markdown).
        Assert.Equal(20, files.Length);
        Assert.Contains(files, f => f.EndsWith("health-report.pdf", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("weekly_summary.pdf", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("operational_report.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("operational_report.md", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("dashboard.html", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("snapshots.csv", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("slo_violations.json", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("slo_violations.md", StringComparison.Ordinal));
        Assert.Contains("<table id=\"daily\">", File.ReadAllText(files.Single(f => f.EndsWith("dashboard.html", StringComparison.Ordinal))), StringComparison.Ordinal);
        Assert.Contains(files, f => f.EndsWith(Path.Combine("summaries", "day_07_summary.json"), StringComparison.Ordinal));
        Assert.Contains("**Should Roll Back:** Yes", File.ReadAllText(files.Single(f => f.EndsWith("weekly_summary.md", StringComparison.Ordinal))), StringComparison.Ordinal);
        texts.AddRange(files.Select(f => (f, File.ReadAllText(f))));
        foreach (var (where, text) in texts)
        {
            foreach (var secret in new[] { Webhook, "very-secret-token", "webhooks/123" })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' leaked into {where}");
            }
        }

        Assert.Contains("note: alerts go to Discord (OBS_DISCORD_WEBHOOK_URL)", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("Sink discord did not deliver: Failed", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("warning: some alerts could not be delivered before the flush timeout", outcome.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("verdict=rollback ", outcome.Stdout.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GitHubTokenWithoutRepository_ExitsOneNamingTheVariablesNotTheToken()
    {
        const string Token = "ghp_secretvalue1234567890";
        using var run = await SampleRun.StartAsync(environment: new Dictionary<string, string?> { ["OBS_GITHUB_TOKEN"] = Token, ["OBS_ALERTMANAGER_URL"] = "not a url" });
        var outcome = run.Outcome;

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("OBS_GITHUB_TOKEN and OBS_GITHUB_REPOSITORY go together", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("OBS_ALERTMANAGER_URL must be an absolute http or https address", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("verdict=", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InvalidOptions_ExitsOneAndListsEveryProblem()
    {
        using var run = await SampleRun.StartAsync(["--Observability:ServiceName=", "--Observability:Thresholds:ErrorRateWarning=0.9"]);
        var outcome = run.Outcome;

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("ServiceName", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("ErrorRateWarning", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("verdict=", outcome.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(run.OutputDirectory));
    }

    [Fact]
    public async Task Run_MalformedWindowEnd_ExitsOneWithTheKey()
    {
        using var run = await SampleRun.StartAsync(["--Sample:WindowEnd=yesterday"]);

        Assert.True(run.Outcome.ExitCode == 1, run.Outcome.ToString());
        Assert.Contains("Sample:WindowEnd", run.Outcome.Stderr, StringComparison.Ordinal);
    }

    private static JsonElement ReportOf(JsonDocument document)
        => document.RootElement.TryGetProperty("report", out var report) ? report : document.RootElement;

    // The JSON report and the last line use the same snake_case words for a decision.
    private static string DecisionToken(string? decision) => decision is "proceed" or "hold" or "rollback" or "no_data"
        ? decision
        : throw new InvalidOperationException($"Unknown decision '{decision}'.");

    // Scores are numbers; a non-finite one is written as a string and printed as 0.
    private static long Rounded(JsonElement value)
        => value.ValueKind == JsonValueKind.Number ? (long)Math.Round(value.GetDouble(), MidpointRounding.AwayFromZero) : 0;

    [GeneratedRegex(@"^verdict=(?<verdict>proceed|hold|rollback|no_data) health=(?<health>\d+) stability=(?<stability>\d+) alerts=(?<alerts>\d+)$")]
    private static partial Regex MachineLine();

    private static class WellKnownMetric
    {
        public const string ErrorRate = "error_rate";
    }
}
