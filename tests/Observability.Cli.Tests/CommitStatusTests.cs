using System.Text.Json.Nodes;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Cli.Tests;

/// <summary><c>obs check --commit-status &lt;sha&gt;</c>: the verdict as a commit status on the loopback GitHub, and the refusals before any pass.</summary>
public sealed class CommitStatusTests
{
    private const string Token = "ghp_STATUScliSECRET0123456789abcdefghijklm";
    private const string Sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private const string WeekEnd = "2025-11-22T00:00:00Z";

    [Fact]
    public async Task Check_CommitStatusOnADegradingWeek_PostsTheRollbackFailureLinkingTheRun()
    {
        using var temp = new TempFolder();
        await using var server = new LoopbackGitHubServer();
        var github = new FakeGitHubIssues(server);
        var environment = GitHubEnvironment(
            server,
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_SERVER_URL", "https://github.com"),
            ("GITHUB_REPOSITORY", "octo-org/octo-repo"),
            ("GITHUB_RUN_ID", "1296269"),
            ("GITHUB_STEP_SUMMARY", temp["summary.md"]),
            ("GITHUB_OUTPUT", temp["output"]));

        var outcome = await Obs.RunAsync(temp.Path, environment, "check", "--data", Obs.DegradingWeek, "--baseline", Obs.Baseline, "--window-end", WeekEnd, "--lookback", "7d", "--service", "checkout", "--commit-status", Sha);

        Assert.True(outcome.ExitCode == 3, outcome.ToString());
        var request = Assert.Single(server.Requests, static r => r.Method == "POST" && r.Path.Contains("/statuses/", StringComparison.Ordinal));
        Assert.Equal($"/api/v3/repos/octo-org/octo-repo/statuses/{Sha}", request.Path);
        var sent = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("failure", sent["state"]!.GetValue<string>());
        Assert.Equal("observability/release-health", sent["context"]!.GetValue<string>());
        Assert.Equal("https://github.com/octo-org/octo-repo/actions/runs/1296269", sent["target_url"]!.GetValue<string>());
        Assert.Equal("Roll back, health 0: Error rate 6.47 % over 10,463 requests is above the maximum of 5 %.", sent["description"]!.GetValue<string>());
        Assert.Single(github.Statuses);
        Assert.Contains("note: the verdict goes to commit 6dcb09b5b578 of octo-org/octo-repo as status 'observability/release-health'", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("set observability/release-health on 6dcb09b5b578 of octo-org/octo-repo to failure (Rollback", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6dcb09b")]                                   // abbreviated: GitHub would not apply it
    [InlineData("main")]
    [InlineData("6dcb09b5b57875f334f61aebed695e2e4193db5g")] // 40, not hexadecimal
    public async Task Check_CommitStatusNotAFullSha_ExitsOneBeforeAnyRequest(string sha)
    {
        using var temp = new TempFolder();
        await using var server = new LoopbackGitHubServer();

        var outcome = await Obs.RunAsync(temp.Path, GitHubEnvironment(server), "check", "--data", Obs.DegradingWeek, "--window-end", WeekEnd, "--commit-status", sha);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains($"--commit-status '{sha}' is not a full commit SHA", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("OBS_GITHUB_TOKEN")]
    [InlineData("OBS_GITHUB_REPOSITORY")]
    public async Task Check_CommitStatusWithoutAVariable_ExitsOneNamingIt(string missing)
    {
        using var temp = new TempFolder();
        await using var server = new LoopbackGitHubServer();
        var environment = GitHubEnvironment(server);
        environment[missing] = null;

        var outcome = await Obs.RunAsync(temp.Path, environment, "check", "--data", Obs.DegradingWeek, "--window-end", WeekEnd, "--commit-status", Sha);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains($"--commit-status needs {missing}", outcome.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, outcome.Stdout + outcome.Stderr, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static Dictionary<string, string?> GitHubEnvironment(LoopbackGitHubServer server, params (string Name, string? Value)[] extra)
        => Obs.Environment(
            [
                ("OBS_GITHUB_TOKEN", Token),
                ("OBS_GITHUB_REPOSITORY", $"{FakeGitHubIssues.Owner}/{FakeGitHubIssues.Repo}"),
                ("OBS_GITHUB_API_URL", server.BaseAddress.ToString()),
                .. extra,
            ]);
}
