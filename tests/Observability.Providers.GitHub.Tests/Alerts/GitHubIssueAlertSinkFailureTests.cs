using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Alerts;

/// <summary>
/// How GitHub's refusals map to delivery results, with the recorded and documented error bodies and headers
/// (tests/Fixtures/github/INDEX.md). Bodies written for these tests are marked "invented".
/// </summary>
public sealed class GitHubIssueAlertSinkFailureTests
{
    // Invented: the shape of GitHub's basic-error schema with its usual messages (no public recording).
    private const string BadCredentials = """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}""";
    private const string NotFound = """{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}""";
    private const string NotAccessible = """{"message":"Resource not accessible by personal access token, see https://docs.github.com/rest/issues","documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue","status":"403"}""";
    private const string IssuesDisabled = """{"message":"Issues are disabled for this repo","documentation_url":"https://docs.github.com/v3/issues/","status":"410"}""";
    private const string ServerError = """{"message":"Server Error"}""";

    [Fact]
    public async Task BadCredentials401_RejectedWithoutTheToken()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = _ => LoopbackResponse.Json(BadCredentials, 401);

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(401, result.StatusCode);
        Assert.False(result.IsRetryable);
        Assert.Equal("listing the open issues of octo-org/octo-repo: GitHub rejected the credentials (401 Bad credentials); check the token", result.Error);
        scenario.AssertNoSecret(result);
        Assert.Contains(scenario.Logs.GetSnapshot(), r => r.Message.Contains("Rejected (HTTP 401)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingRepository404_RejectedNamingTheRepository()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = _ => LoopbackResponse.Json(NotFound, 404);

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(404, result.StatusCode);
        Assert.Contains("check that repository octo-org/octo-repo exists and the token can see it", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden403WithoutRateLimit_RejectedWithoutUrls()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = Script.On("POST", "/issues", LoopbackResponse.Json(NotAccessible, 403, new Dictionary<string, string> { ["x-ratelimit-remaining"] = "4999" }));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal("opening an issue in octo-org/octo-repo: GitHub refused it (403 Resource not accessible by personal access token, see (link)); the token needs issues: write (and statuses or checks: write for the gate)", result.Error);
    }

    [Fact]
    public async Task Validation422_RecordedBody_RejectedWithTheErrors()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = Script.On("POST", "/issues", Script.Fixture("422.validation-failed.create-label-invalid-color.recorded.json", 422));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(422, result.StatusCode);
        Assert.Equal("opening an issue in octo-org/octo-repo: GitHub refused the content (422 Validation Failed: Label color invalid)", result.Error);
    }

    [Fact]
    public async Task IssuesDisabled410_Gone()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = Script.On("POST", "/issues", LoopbackResponse.Json(IssuesDisabled, 410));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Gone, result.Status);
        Assert.Equal(410, result.StatusCode);
        Assert.Contains("issues may be disabled", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task ServerError_FailedAndRetryable(int status)
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = Script.On("POST", "/issues", LoopbackResponse.Json(ServerError, status));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.True(result.IsRetryable);
        Assert.Equal(status, result.StatusCode);
        Assert.StartsWith("opening an issue in octo-org/octo-repo: GitHub answered", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableEndpoint_FailedUnreachable()
    {
        await using var scenario = new GitHubIssueScenario();

        var result = await scenario.Sink(o => o.ApiUrl = new Uri("http://127.0.0.1:1/")).SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.StartsWith("listing the open issues of octo-org/octo-repo: unreachable", result.Error, StringComparison.Ordinal);
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task HangingServer_TimesOutByTheInjectedClock()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = Script.On("POST", "/issues", FakeGitHubIssues.Hang);

        var sending = scenario.Sink(o => o.Timeout = TimeSpan.FromSeconds(5)).SendAsync([GitHubIssueScenario.Alert('a')]);
        await scenario.Server.HangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        scenario.Time.Advance(TimeSpan.FromSeconds(5)); // exactly the timeout
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("opening an issue in octo-org/octo-repo: timed out", result.Error);
    }

    [Fact]
    public async Task HangingServer_CallerCancellation_Throws()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = Script.On("GET", "/issues", FakeGitHubIssues.Hang);
        using var cts = new CancellationTokenSource();

        var sending = scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')], cts.Token);
        await scenario.Server.HangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task CancelledBeforehand_ThrowsAndSendsNothing()
    {
        await using var scenario = new GitHubIssueScenario();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')], cts.Token));

        Assert.Empty(scenario.Server.Requests);
    }
}
