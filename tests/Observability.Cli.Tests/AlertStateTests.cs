using System.Text.Json.Nodes;
using Observability.Providers.GitHub.Tests.Infrastructure;
using Observability.Tests.Redis;

namespace Observability.Cli.Tests;

/// <summary>
/// Three one-shot runs of <c>obs check</c> against the loopback GitHub, as a job every 15 minutes runs them: a degrading week,
/// the same again, then a healthy week. With the alert state kept (<c>--state</c>, or a shared Redis) each issue is opened
/// once, the second run adds nothing, and the third comments on and closes every issue.
/// </summary>
public sealed class AlertStateTests
{
    private const string Token = "ghp_STATEtestSECRET0123456789abcdefghijklm";
    private const string DegradingWeekEnd = "2025-11-22T00:00:00Z";

    [Fact]
    public async Task Check_ThreeRunsWithAStateFolder_OpensEachIssueOnceAddsNothingThenClosesEveryIssue()
    {
        using var temp = new TempFolder();
        await using var server = new LoopbackGitHubServer();
        var github = new FakeGitHubIssues(server);
        var environment = GitHubEnvironment(server);
        string[] state = ["--state", temp["state"]];

        await Scenario(temp, server, github, [environment], state);

        Assert.True(File.Exists(temp["state/alert-state.json"]));
    }

    [Fact]
    public async Task Check_ThreeRunsOfTwoProcessesSharingRedis_OpensEachIssueOnceAddsNothingThenClosesEveryIssue()
    {
        using var temp = new TempFolder();
        await using var redis = await RedisServer.StartAsync();
        await using var server = new LoopbackGitHubServer();
        var github = new FakeGitHubIssues(server);
        var environment = GitHubEnvironment(server, ("OBS_REDIS", redis.Endpoint));

        // Two replicas run each pass side by side, each in its own folder: only Redis is shared.
        await Scenario(temp, server, github, [environment, environment], []);

        Assert.False(Directory.Exists(temp["state"]));
    }

    [Fact]
    public async Task Check_WithoutState_SecondRunCommentsAgainAndTheHealthyRunClosesNothing()
    {
        // What the state changes: without it each run forgets the last one.
        using var temp = new TempFolder();
        await using var server = new LoopbackGitHubServer();
        var github = new FakeGitHubIssues(server);
        var environment = GitHubEnvironment(server);
        var config = Config(temp);

        await RunAllAsync(temp, [environment], Degrading(config), expected: 3);
        var opened = github.Issues.Count;
        await RunAllAsync(temp, [environment], Degrading(config), expected: 3);
        var comments = github.Comments.Count;
        await RunAllAsync(temp, [environment], Healthy(temp, config), expected: 0);

        Assert.True(opened > 0);
        Assert.Equal(opened, comments); // a repeat comment on every issue
        Assert.All(github.Issues, static i => Assert.Equal("open", i["state"]!.GetValue<string>()));
    }

    private static async Task Scenario(TempFolder temp, LoopbackGitHubServer server, FakeGitHubIssues github, Dictionary<string, string?>[] replicas, string[] state)
    {
        var config = Config(temp);

        // 1. A degrading week: rollback, one issue per critical condition.
        var first = await RunAllAsync(temp, replicas, [.. Degrading(config), .. state], expected: 3);
        var opened = github.Issues;
        Assert.NotEmpty(opened);
        Assert.All(opened, static i => Assert.Equal("open", i["state"]!.GetValue<string>()));
        var markers = opened.Select(static i => Marker(i)).ToList();
        Assert.Equal(markers.Count, markers.Distinct(StringComparer.Ordinal).Count()); // each condition opened once
        Assert.Empty(github.Comments);
        var afterFirst = server.Requests.Count;

        // 2. The same week 15 minutes later: still firing, within the repeat interval: nothing sent to GitHub.
        await RunAllAsync(temp, replicas, [.. Degrading(config), .. state], expected: 3);
        Assert.Equal(opened.Count, github.Issues.Count);
        Assert.Empty(github.Comments);
        Assert.DoesNotContain(server.Requests.Skip(afterFirst), static r => r.Method is "POST" or "PATCH");

        // 3. A healthy week: every condition cleared: one resolved comment on each issue, and each issue closed.
        await RunAllAsync(temp, replicas, [.. Healthy(temp, config), .. state], expected: 0);
        var closed = github.Issues;
        Assert.Equal(opened.Count, closed.Count);
        Assert.All(closed, static i => Assert.Equal("closed", i["state"]!.GetValue<string>()));
        var commented = github.Comments.GroupBy(static c => c["issue_url"]!.GetValue<string>()).ToDictionary(static g => g.Key, static g => g.Count());
        Assert.Equal(closed.Select(static i => i["url"]!.GetValue<string>()).Order(StringComparer.Ordinal), commented.Keys.Order(StringComparer.Ordinal));
        Assert.All(commented.Values, static n => Assert.Equal(1, n));
        Assert.All(first, o => Assert.DoesNotContain(Token, o.Stdout + o.Stderr, StringComparison.Ordinal));
    }

    private static async Task<ProcessOutcome[]> RunAllAsync(TempFolder temp, Dictionary<string, string?>[] replicas, string[] arguments, int expected)
    {
        var outcomes = await Task.WhenAll(replicas.Select((environment, i) =>
        {
            var folder = temp[$"replica-{i}"];
            Directory.CreateDirectory(folder);
            return Obs.RunAsync(folder, environment, arguments);
        }));
        Assert.All(outcomes, o => Assert.True(o.ExitCode == expected, o.ToString()));
        return outcomes;
    }

    private static string[] Degrading(string config)
        => ["check", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--window-end", DegradingWeekEnd, "--lookback", "7d", "--service", "checkout", "--config", config];

    private static string[] Healthy(TempFolder temp, string config)
        => ["check", "--data", HealthyWeek.Write(temp["healthy.csv"]), "--window-end", HealthyWeek.End.ToString("O"), "--lookback", "7d", "--service", "checkout", "--config", config];

    /// <summary>Alerts on, GitHub issues for critical alerts only (the main sample's route).</summary>
    private static string Config(TempFolder temp)
    {
        var path = temp["appsettings.json"];
        File.WriteAllText(path, """
            {
              "Observability": {
                "Alerts": {
                  "Enabled": true,
                  "Routes": { "github-issues": { "MinimumSeverity": "Critical" } }
                }
              }
            }
            """);
        return path;
    }

    private static Dictionary<string, string?> GitHubEnvironment(LoopbackGitHubServer server, params (string Name, string? Value)[] extra)
        => Obs.Environment(
            [
                ("OBS_GITHUB_TOKEN", Token),
                ("OBS_GITHUB_REPOSITORY", $"{FakeGitHubIssues.Owner}/{FakeGitHubIssues.Repo}"),
                ("OBS_GITHUB_API_URL", server.BaseAddress.ToString()),
                .. extra,
            ]);

    private static string Marker(JsonObject issue)
    {
        var body = issue["body"]!.GetValue<string>();
        var start = body.IndexOf("observability:fingerprint=", StringComparison.Ordinal);
        Assert.True(start >= 0, body);
        return body.Substring(start, "observability:fingerprint=".Length + 64);
    }
}
