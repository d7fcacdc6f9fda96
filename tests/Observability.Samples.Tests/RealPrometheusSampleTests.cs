using System.Text.Json;
using Xunit.Abstractions;

namespace Observability.Samples.Tests;

/// <summary>
/// The RolloutHealth sample, run as a process against a real Prometheus (<see cref="RecentPrometheusFixture"/>) with
/// <c>OBS_PROMETHEUS_URL</c> and <c>OBS_SERVICE</c>: it judges the server's last 7 days, not its embedded data.
/// </summary>
public sealed class RealPrometheusSampleTests(RecentPrometheusFixture prometheus, ITestOutputHelper output) : IClassFixture<RecentPrometheusFixture>
{
    [Fact]
    public async Task Run_SteadyServiceInPrometheus_Proceeds()
    {
        using var run = await RunAgainstPrometheus("checkout");

        var outcome = run.Outcome;
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        AssertCollectedTheWeekFromPrometheus(outcome, "checkout");
        Assert.Contains("Rollout health of checkout", outcome.Stdout, StringComparison.Ordinal);
        Assert.True(outcome.StdoutLines[^1].StartsWith("verdict=proceed ", StringComparison.Ordinal), $"{outcome}");

        // 3 errors in 6,003 requests per 5 minutes, recently as all week: 0.05 % (the jitter rounds the counts a little).
        var (mean, recent) = ErrorRate(run);
        Assert.InRange(mean, 0.0004, 0.0006);
        Assert.InRange(recent, 0.0004, 0.0006);
    }

    [Fact]
    public async Task Run_ServiceWhoseLastHoursFailInPrometheus_RollsBack()
    {
        using var run = await RunAgainstPrometheus("payments");

        var outcome = run.Outcome;
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        AssertCollectedTheWeekFromPrometheus(outcome, "payments");
        Assert.Contains("Rollout health of payments", outcome.Stdout, StringComparison.Ordinal);
        Assert.True(outcome.StdoutLines[^1].StartsWith("verdict=rollback ", StringComparison.Ordinal), $"{outcome}");
        Assert.Contains("[Critical] error_rate_critical: Error rate 14.9", outcome.Stdout, StringComparison.Ordinal);

        // The judged 2 hours lie inside the 3-hour incident: 1,055 errors in 7,055 requests = 14.95 %, far above the
        // 5 % critical threshold; over the week 3 of 168 hours carry it: about 0.05 % + 3 / 168 x 14.9 % = 0.32 %.
        var (mean, recent) = ErrorRate(run);
        Assert.InRange(recent, 0.14, 0.16);
        Assert.InRange(mean, 0.002, 0.006);
    }

    private async Task<SampleRun> RunAgainstPrometheus(string service)
    {
        var run = await SampleRun.StartAsync(environment: new Dictionary<string, string?>
        {
            ["OBS_PROMETHEUS_URL"] = prometheus.Address.ToString(),
            ["OBS_SERVICE"] = service,
        });

        // The whole run in the test's output: what the sample judged when a verdict surprises.
        output.WriteLine($"history ends {prometheus.End:O}; {run.Outcome}");
        return run;
    }

    private static void AssertCollectedTheWeekFromPrometheus(ProcessOutcome outcome, string service)
    {
        Assert.Contains($"note: collecting service '{service}' from Prometheus (OBS_PROMETHEUS_URL)", outcome.Stderr, StringComparison.Ordinal);

        // 7 days / 30 min = 336 snapshots, the newest fresh (no stale error): the window ends at the wall clock's now,
        // below the millisecond, and still keeps its first step.
        Assert.Contains("collector prometheus: Success, 336 snapshots", outcome.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", outcome.Stderr, StringComparison.Ordinal);
    }

    private static (double Mean, double RecentMean) ErrorRate(SampleRun run)
    {
        Assert.True(File.Exists(run.JsonReportPath), $"No JSON report at {run.JsonReportPath}\n{run.Outcome}");
        using var json = JsonDocument.Parse(File.ReadAllText(run.JsonReportPath));
        var report = json.RootElement.TryGetProperty("report", out var inner) ? inner : json.RootElement;
        var errorRate = report.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "error_rate");
        return (errorRate.GetProperty("mean").GetDouble(), errorRate.GetProperty("recentMean").GetDouble());
    }
}
