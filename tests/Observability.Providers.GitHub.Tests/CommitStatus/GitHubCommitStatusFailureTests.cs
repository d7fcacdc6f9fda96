using Observability.Providers.GitHub.Tests.Infrastructure;
using Observability.Testing;

namespace Observability.Providers.GitHub.Tests.CommitStatus;

/// <summary>What GitHub or the network can do to a commit status: each one a warning line, never an exception, never the token.</summary>
public sealed class GitHubCommitStatusFailureTests
{
    private static readonly MonitoringPassResult Rollback = GitHubCommitStatusScenario.Pass(Decision.Rollback, 40, "Error rate 8 % is above 5 %");

    [Theory]
    [InlineData(401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}""", "GitHub rejected the credentials (401 Bad credentials); check the token")]
    [InlineData(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/commits/statuses#create-a-commit-status","status":"404"}""", "not found (404 Not Found); check that repository octo-org/octo-repo exists and the token can see it")]
    // GitHub's answer for a commit the repository does not have, as public bug reports quote it.
    [InlineData(422, """{"message":"No commit found for SHA: 6dcb09b5b57875f334f61aebed695e2e4193db5e","documentation_url":"https://docs.github.com/rest/commits/statuses#create-a-commit-status","status":"422"}""", "GitHub refused the content (422 No commit found for SHA: 6dcb09b5b57875f334f61aebed695e2e4193db5e)")]
    public async Task OnPassCompletedAsync_GitHubRefuses_LoggedNotThrown(int status, string body, string reason)
    {
        await using var scenario = new GitHubCommitStatusScenario();
        scenario.GitHub.Override = r => r.Path.Contains("/statuses/", StringComparison.Ordinal) ? LoopbackResponse.Json(body, status) : null;

        await scenario.Observer().OnPassCompletedAsync(Rollback, CancellationToken.None);

        Assert.Single(scenario.StatusRequests());
        var warning = Assert.Single(scenario.Warnings());
        Assert.Equal(
            $"GitHub commit status github-commit-status could not post failure: setting commit status observability/release-health on 6dcb09b5b578 of octo-org/octo-repo: {reason}; the pass's verdict stands (trace 4bf92f3577b34da6a3ce929d0e0e4736)",
            warning.Message);
        scenario.AssertNoSecret();
    }

    [Fact]
    public async Task OnPassCompletedAsync_ValidationFailedFixture_LoggedWithGitHubsErrors()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        const string Fixture = "422.validation-failed.create-label-invalid-color.recorded.json";
        scenario.GitHub.Override = r => r.Path.Contains("/statuses/", StringComparison.Ordinal) ? LoopbackResponse.Json(Fixtures.ErrorBody(Fixture), 422, Fixtures.ErrorHeaders(Fixture)) : null;

        await scenario.Observer().OnPassCompletedAsync(Rollback, CancellationToken.None);

        Assert.Contains("GitHub refused the content (422 Validation Failed: Label color invalid)", Assert.Single(scenario.Warnings()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPassCompletedAsync_Unreachable_LoggedNotThrown()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        var closed = new Uri($"http://127.0.0.1:{LoopbackGitHubServer.FreePort()}/");

        await scenario.Observer(o => o.ApiUrl = closed).OnPassCompletedAsync(Rollback, CancellationToken.None);

        Assert.Contains("of octo-org/octo-repo: unreachable (ConnectionRefused)", Assert.Single(scenario.Warnings()).Message, StringComparison.Ordinal);
        scenario.AssertNoSecret();
    }

    [Fact]
    public async Task OnPassCompletedAsync_GitHubNeverAnswers_TimedOutOnTheClockAndLogged()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        scenario.GitHub.Override = r => r.Path.Contains("/statuses/", StringComparison.Ordinal) ? FakeGitHubIssues.Hang : null;
        var observer = scenario.Observer(o => o.Timeout = TimeSpan.FromSeconds(10));

        var posting = observer.OnPassCompletedAsync(Rollback, CancellationToken.None);
        await scenario.Server.HangReached.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(posting.IsCompleted);
        scenario.Time.Advance(TimeSpan.FromSeconds(10));
        await posting.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Contains("of octo-org/octo-repo: timed out", Assert.Single(scenario.Warnings()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPassCompletedAsync_RedirectToAnotherHost_RefusedAndLogged()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        var elsewhere = scenario.Server.OtherHostUrl("/collect/statuses");
        scenario.GitHub.Override = r => r.Path.Contains("/statuses/", StringComparison.Ordinal)
            ? new LoopbackResponse(307, [], "text/plain", new Dictionary<string, string> { ["Location"] = elsewhere })
            : null;

        await scenario.Observer().OnPassCompletedAsync(Rollback, CancellationToken.None);

        Assert.DoesNotContain(scenario.Server.Requests, r => r.Path == "/collect/statuses");
        Assert.Contains(
            $"GitHub redirected to another host (http://localhost:{scenario.Server.Port}); refused, the request stays with http://127.0.0.1:{scenario.Server.Port}",
            Assert.Single(scenario.Warnings()).Message,
            StringComparison.Ordinal);
        scenario.AssertNoSecret();
    }

    [Fact]
    public async Task OnPassCompletedAsync_RedirectWithinTheApiHost_Followed()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        var moved = LoopbackGitHubServer.Api("/repositories/1296269/statuses/" + GitHubCommitStatusScenario.Sha);
        scenario.Server.Route(moved, LoopbackResponse.Json(Fixtures.Text("repos.create-commit-status.201.default.json"), 201));
        scenario.GitHub.Override = r => r.Path.Contains("/statuses/", StringComparison.Ordinal)
            ? new LoopbackResponse(307, [], "text/plain", new Dictionary<string, string> { ["Location"] = scenario.Server.Url(moved) })
            : null;

        await scenario.Observer().OnPassCompletedAsync(Rollback, CancellationToken.None);

        Assert.Contains(scenario.Server.Requests, r => r.Method == "POST" && r.Path == moved && r.Body.Contains("\"state\":\"failure\"", StringComparison.Ordinal));
        Assert.Empty(scenario.Warnings());
    }

    [Fact]
    public async Task RunOnceAsync_StatusRefused_PassResultUnchanged()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        scenario.GitHub.Override = r => r.Path.Contains("/statuses/", StringComparison.Ordinal) ? LoopbackResponse.Json("""{"message":"Server Error"}""", 500) : null;
        await using var harness = scenario.Harness();
        harness.Collector.Add(TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-24), TimeSpan.FromMinutes(30), 48, (_, t) => TestSnapshots.Service(t)));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        Assert.Contains("GitHub answered 500 (Server Error)", Assert.Single(scenario.Warnings()).Message, StringComparison.Ordinal);
        scenario.AssertNoSecret();
    }

    [Fact]
    public async Task OnPassCompletedAsync_CallerCancels_Throws()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        scenario.GitHub.Override = r => r.Path.Contains("/statuses/", StringComparison.Ordinal) ? FakeGitHubIssues.Hang : null;
        using var cancellation = new CancellationTokenSource();

        var posting = scenario.Observer().OnPassCompletedAsync(Rollback, cancellation.Token);
        await scenario.Server.HangReached.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => posting);
        Assert.Empty(scenario.Warnings());
    }
}
