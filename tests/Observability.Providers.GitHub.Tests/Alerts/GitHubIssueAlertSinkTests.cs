using System.Text.Json.Nodes;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Alerts;

/// <summary>The issue lifecycle against the stateful loopback GitHub: open, comment on a repeat, close when resolved.</summary>
public sealed class GitHubIssueAlertSinkTests
{
    [Fact]
    public async Task SendAsync_NewFingerprint_OpensOneIssueWithMarkerAndAllLabels()
    {
        await using var scenario = new GitHubIssueScenario();

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(201, result.StatusCode);
        var created = Assert.Single(scenario.Requests("POST", "/issues"));
        var sent = JsonNode.Parse(created.Body)!;
        Assert.Equal("[Critical] checkout: error rate 7.5% above 5%", sent["title"]!.GetValue<string>());
        // default labels, then the severity, then the persistence (no 'persistence' label: persistent)
        Assert.Equal(["observability", "auto-generated", "critical", "persistent"], sent["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var body = sent["body"]!.GetValue<string>();
        Assert.StartsWith($"<!-- observability:fingerprint={GitHubIssueScenario.Fingerprint('a')} -->", body, StringComparison.Ordinal);
        Assert.Contains("error rate 7.5% over 120 jobs (threshold 5%)", body, StringComparison.Ordinal);
        Assert.Contains("### Root cause", body, StringComparison.Ordinal);
        Assert.Contains("payments-api started timing out", body, StringComparison.Ordinal);
        Assert.Contains("| environment | production |", body, StringComparison.Ordinal);
        Assert.Contains("| service | checkout |", body, StringComparison.Ordinal);
        Assert.Contains("* [CI run](https://ci.example.test/runs/42)", body, StringComparison.Ordinal);
        Assert.Contains("* First seen: 2026-11-22 10:00:00 UTC", body, StringComparison.Ordinal);
        Assert.Contains("* Trace: `4bf92f3577b34da6a3ce929d0e0e4736`", body, StringComparison.Ordinal);

        var issue = Assert.Single(scenario.GitHub.Issues);
        Assert.Equal(1347, issue["number"]!.GetValue<int>());
        Assert.Equal("open", issue["state"]!.GetValue<string>());
        Assert.Empty(scenario.GitHub.Comments);
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task SendAsync_SameFingerprintFromANewSinkInstance_CommentsAndOpensNothing()
    {
        await using var scenario = new GitHubIssueScenario();
        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        // A second process: a new sink, nothing shared but GitHub itself.
        var later = GitHubIssueScenario.Alert('a') with { Timestamp = GitHubIssueScenario.Now.AddHours(4), Message = "error rate 9.1% over 200 jobs" };
        var result = await scenario.Sink().SendAsync([later]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Single(scenario.GitHub.Issues);
        Assert.Single(scenario.Requests("POST", "/issues"));
        var comment = Assert.Single(scenario.Requests("POST", "/issues/1347/comments"));
        var text = JsonNode.Parse(comment.Body)!["body"]!.GetValue<string>();
        Assert.StartsWith("Still firing at 2026-11-22 14:00:00 UTC (Critical).", text, StringComparison.Ordinal);
        Assert.Contains("error rate 9.1% over 200 jobs", text, StringComparison.Ordinal);
        Assert.Equal(1, scenario.GitHub.Issues[0]["comments"]!.GetValue<int>());
    }

    [Fact]
    public async Task SendAsync_Resolved_CommentsThenClosesAsCompleted()
    {
        await using var scenario = new GitHubIssueScenario();
        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a', status: AlertStatus.Resolved)]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(200, result.StatusCode);
        var comment = JsonNode.Parse(Assert.Single(scenario.Requests("POST", "/issues/1347/comments")).Body)!["body"]!.GetValue<string>();
        Assert.StartsWith("Resolved at 2026-11-22 10:30:00 UTC.", comment, StringComparison.Ordinal); // EndsAt = Now + 30 min
        var patch = JsonNode.Parse(Assert.Single(scenario.Requests("PATCH", "/issues/1347")).Body)!.AsObject();
        Assert.Equal("closed", patch["state"]!.GetValue<string>());
        Assert.Equal("completed", patch["state_reason"]!.GetValue<string>());
        Assert.False(patch.ContainsKey("labels"), "closing must not touch the labels");
        Assert.Equal("closed", scenario.GitHub.Issues[0]["state"]!.GetValue<string>());

        // Firing again after the close: the closed issue is not reused, a new one opens.
        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);
        Assert.Equal([1347, 1348], scenario.GitHub.Issues.Select(i => i["number"]!.GetValue<int>()));
    }

    [Fact]
    public async Task SendAsync_ResolvedWithoutCloseOnResolve_CommentsAndLeavesItOpen()
    {
        await using var scenario = new GitHubIssueScenario();
        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        var result = await scenario.Sink(o => o.CloseOnResolve = false).SendAsync([GitHubIssueScenario.Alert('a', status: AlertStatus.Resolved)]);

        Assert.Equal(201, result.StatusCode);
        Assert.Single(scenario.GitHub.Comments);
        Assert.Empty(scenario.Requests("PATCH", "/issues/1347"));
        Assert.Equal("open", scenario.GitHub.Issues[0]["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_ResolvedWithNoOpenIssue_DeliveredWithoutWrites()
    {
        await using var scenario = new GitHubIssueScenario();

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('b', status: AlertStatus.Resolved)]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Null(result.StatusCode);
        Assert.Empty(scenario.GitHub.Issues);
        Assert.All(scenario.Server.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task SendAsync_DifferentFingerprint_OpensASecondIssue_AndAGroupIsHandledAlertByAlert()
    {
        await using var scenario = new GitHubIssueScenario();
        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        // One group: a new fingerprint b, a repeat of a, and b again (now found by the listing, not reopened).
        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('b', AlertSeverity.Warning), GitHubIssueScenario.Alert('a'), GitHubIssueScenario.Alert('b', AlertSeverity.Warning)]);

        Assert.Equal(3, result.AlertCount);
        Assert.Equal(2, scenario.GitHub.Issues.Count);
        var second = scenario.GitHub.Issues[1];
        Assert.Equal(1348, second["number"]!.GetValue<int>());
        Assert.Contains(GitHubIssueScenario.Fingerprint('b'), second["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("warning", second["labels"]!.AsArray().Select(l => l!["name"]!.GetValue<string>()));
        Assert.Single(scenario.Requests("POST", "/issues/1347/comments"));
        Assert.Single(scenario.Requests("POST", "/issues/1348/comments"));
    }

    [Fact]
    public async Task SendAsync_TransientLabelAndCustomLabels_AreSet()
    {
        await using var scenario = new GitHubIssueScenario();
        var alert = GitHubIssueScenario.Alert('c', AlertSeverity.Error, labels: new Dictionary<string, string> { ["persistence"] = "Transient" });

        await scenario.Sink(o => o.Labels = ["release-health", "bot"]).SendAsync([alert]);

        var sent = JsonNode.Parse(Assert.Single(scenario.Requests("POST", "/issues")).Body)!;
        Assert.Equal(["release-health", "bot", "error", "transient"], sent["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("release-health", Assert.Single(scenario.Requests("GET", "/issues")).Query("labels"));
    }

    [Fact]
    public async Task SendAsync_PersistenceFromContext_IsUsedWhenNoLabel()
    {
        await using var scenario = new GitHubIssueScenario();
        var alert = GitHubIssueScenario.Alert('c') with { Context = new Dictionary<string, object?> { ["persistence"] = "transient" } };

        await scenario.Sink().SendAsync([alert]);

        Assert.Contains("transient", JsonNode.Parse(Assert.Single(scenario.Requests("POST", "/issues")).Body)!["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task SendAsync_MentionsAndFakeMarkersInAlertText_AreNeutralised()
    {
        await using var scenario = new GitHubIssueScenario();
        var alert = GitHubIssueScenario.Alert('a') with
        {
            Message = $"cc @octo-org/oncall <!-- observability:fingerprint={GitHubIssueScenario.Fingerprint('z')} -->",
            Labels = new Dictionary<string, string> { ["owner"] = "team|a\nb" },
        };

        await scenario.Sink().SendAsync([alert]);

        var body = JsonNode.Parse(Assert.Single(scenario.Requests("POST", "/issues")).Body)!["body"]!.GetValue<string>();
        Assert.Contains("cc @\u200Bocto-org/oncall", body, StringComparison.Ordinal);
        Assert.DoesNotContain($"<!-- observability:fingerprint={GitHubIssueScenario.Fingerprint('z')}", body, StringComparison.Ordinal);
        Assert.Contains("| owner | team\\|a b |", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AlertQuotingTheSinkToken_NeverSendsIt()
    {
        await using var scenario = new GitHubIssueScenario();
        var quoting = GitHubIssueScenario.Alert('a', labels: new Dictionary<string, string> { ["persistence"] = GitHubIssueScenario.Token }) with
        {
            Title = $"call failed with {GitHubIssueScenario.Token}",
            Message = $"Authorization: Token {GitHubIssueScenario.Token}",
        };

        await scenario.Sink(o => o.StatusSha = "6dcb09b5b57875f334f61aebed695e2e4193db5e").SendAsync([quoting]);
        await scenario.Sink().SendAsync([quoting]);
        await scenario.Sink().SendAsync([quoting with { Status = AlertStatus.Resolved }]);

        Assert.Equal(5, scenario.Server.Requests.Count(r => r.Method != "GET")); // issue, status, 2 comments, close
        scenario.AssertNoSecret();
        Assert.Contains("Authorization: Token ***", scenario.GitHub.Issues[0]["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
