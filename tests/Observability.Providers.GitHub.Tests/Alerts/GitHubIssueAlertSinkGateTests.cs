using System.Text.Json.Nodes;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Alerts;

/// <summary>The deployment gate: a commit status (or check run) on a SHA, failure while an error fires, success once resolved.</summary>
public sealed class GitHubIssueAlertSinkGateTests
{
    private const string Sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    private const string OtherSha = "ce587453ced02b1526dfb4cb910479d431683101";

    [Fact]
    public async Task CriticalFiring_PostsFailureStatusLinkingTheIssue()
    {
        await using var scenario = new GitHubIssueScenario();

        var result = await scenario.Sink(o => o.StatusSha = Sha).SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var sent = JsonNode.Parse(Assert.Single(scenario.Requests("POST", $"/statuses/{Sha}")).Body)!;
        Assert.Equal("failure", sent["state"]!.GetValue<string>());
        Assert.Equal("observability/release-health", sent["context"]!.GetValue<string>());
        Assert.Equal("Critical: checkout: error rate 7.5% above 5%", sent["description"]!.GetValue<string>());
        Assert.Equal("https://github.com/octo-org/octo-repo/issues/1347", sent["target_url"]!.GetValue<string>());
        Assert.Equal("failure", Assert.Single(scenario.GitHub.Statuses)["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resolved_PostsSuccessStatus()
    {
        await using var scenario = new GitHubIssueScenario();
        await scenario.Sink(o => o.StatusSha = Sha).SendAsync([GitHubIssueScenario.Alert('a', AlertSeverity.Error)]);

        await scenario.Sink(o => o.StatusSha = Sha).SendAsync([GitHubIssueScenario.Alert('a', AlertSeverity.Error, AlertStatus.Resolved)]);

        Assert.Equal(["failure", "success"], scenario.GitHub.Statuses.Select(s => s["state"]!.GetValue<string>()));
        Assert.Equal("Resolved: checkout: error rate 7.5% above 5%", scenario.GitHub.Statuses[1]["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(AlertSeverity.Warning)]
    [InlineData(AlertSeverity.Info)]
    public async Task WarningOrInfoFiring_PostsNoStatus(AlertSeverity severity)
    {
        await using var scenario = new GitHubIssueScenario();

        await scenario.Sink(o => o.StatusSha = Sha).SendAsync([GitHubIssueScenario.Alert('a', severity)]);

        Assert.Single(scenario.GitHub.Issues);
        Assert.Empty(scenario.GitHub.Statuses);
    }

    [Fact]
    public async Task NoShaAnywhere_PostsNoStatus()
    {
        await using var scenario = new GitHubIssueScenario();

        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Empty(scenario.GitHub.Statuses);
        Assert.DoesNotContain(scenario.Server.Requests, r => r.Path.Contains("/statuses/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlertCommitShaLabel_WinsOverTheOption_AndContextIsConfigurable()
    {
        await using var scenario = new GitHubIssueScenario();
        var alert = GitHubIssueScenario.Alert('a', labels: new Dictionary<string, string> { ["commit_sha"] = OtherSha });

        await scenario.Sink(o => { o.StatusSha = Sha; o.StatusContext = "deploy/gate"; }).SendAsync([alert]);

        var sent = JsonNode.Parse(Assert.Single(scenario.Requests("POST", $"/statuses/{OtherSha}")).Body)!;
        Assert.Equal("deploy/gate", sent["context"]!.GetValue<string>());
        Assert.Empty(scenario.Requests("POST", $"/statuses/{Sha}"));
    }

    [Fact]
    public async Task CommitShaInContext_IsUsed()
    {
        await using var scenario = new GitHubIssueScenario();
        var alert = GitHubIssueScenario.Alert('a') with { Context = new Dictionary<string, object?> { ["commit_sha"] = OtherSha } };

        await scenario.Sink().SendAsync([alert]);

        Assert.Single(scenario.Requests("POST", $"/statuses/{OtherSha}"));
    }

    [Fact]
    public async Task UseCheckRuns_CreatesCompletedCheckRunsInsteadOfStatuses()
    {
        await using var scenario = new GitHubIssueScenario();
        var sink = scenario.Sink(o => { o.StatusSha = Sha; o.UseCheckRuns = true; });

        await sink.SendAsync([GitHubIssueScenario.Alert('a')]);
        await sink.SendAsync([GitHubIssueScenario.Alert('a', status: AlertStatus.Resolved)]);

        Assert.Empty(scenario.GitHub.Statuses);
        var runs = scenario.Requests("POST", "/check-runs").Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r =>
        {
            Assert.Equal("observability/release-health", r["name"]!.GetValue<string>());
            Assert.Equal(Sha, r["head_sha"]!.GetValue<string>());
            Assert.Equal("completed", r["status"]!.GetValue<string>());
            Assert.Equal("https://github.com/octo-org/octo-repo/issues/1347", r["details_url"]!.GetValue<string>());
        });
        Assert.Equal(["failure", "success"], runs.Select(r => r["conclusion"]!.GetValue<string>()));
        Assert.StartsWith("2026-11-22T10:00:00", runs[0]["completed_at"]!.GetValue<string>(), StringComparison.Ordinal); // the fake clock
        Assert.Equal("Critical: checkout: error rate 7.5% above 5%", runs[0]["output"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task AlertCommitShaNotAFullSha_IssueDeliveredWithoutStatus()
    {
        await using var scenario = new GitHubIssueScenario();
        var alert = GitHubIssueScenario.Alert('a', labels: new Dictionary<string, string> { ["commit_sha"] = "main" });

        var result = await scenario.Sink(o => o.StatusSha = Sha).SendAsync([alert]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Single(scenario.GitHub.Issues);
        Assert.Empty(scenario.GitHub.Statuses);
        Assert.Contains(scenario.Logs.GetSnapshot(), r => r.Message.Contains("names commit 'main', which is not a full commit SHA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatusRefused_RejectedNamingTheGateStep()
    {
        await using var scenario = new GitHubIssueScenario();
        // Invented: GitHub's usual message for a token without statuses: write.
        scenario.GitHub.Override = r => r.Path.Contains("/statuses/", StringComparison.Ordinal)
            ? LoopbackResponse.Json("""{"message":"Resource not accessible by personal access token","documentation_url":"https://docs.github.com/rest/commits/statuses#create-a-commit-status","status":"403"}""", 403)
            : null;

        var result = await scenario.Sink(o => o.StatusSha = Sha).SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.StartsWith("setting commit status observability/release-health on 6dcb09b5b578: GitHub refused it (403", result.Error, StringComparison.Ordinal);
        Assert.Single(scenario.GitHub.Issues); // the issue itself was opened
    }
}
