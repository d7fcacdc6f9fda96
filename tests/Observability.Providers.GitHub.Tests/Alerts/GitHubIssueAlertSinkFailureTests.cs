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

    private static Func<LoopbackRequest, LoopbackResponse?> On(string method, string pathEnd, LoopbackResponse response)
        => r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal) ? response : null;

    private static LoopbackResponse Fixture(string name, int? status = null, IReadOnlyDictionary<string, string>? headers = null)
        => LoopbackResponse.Json(Fixtures.ErrorBody(name), status ?? 403, headers ?? Fixtures.ErrorHeaders(name));

    [Fact]
    public async Task PrimaryRateLimit_DocsExample_ThrottledUntilReset()
    {
        // The docs transcript: Date 2013-08-20T14:50:41Z, x-ratelimit-reset 1377013266 = 15:41:06Z.
        // Wait = 1377013266 - 1377010241 = 3025 s.
        await using var scenario = new GitHubIssueScenario(new DateTimeOffset(2013, 8, 20, 14, 50, 41, TimeSpan.Zero));
        scenario.GitHub.Override = On("GET", "/issues", Fixture("403.primary-rate-limit.docs-example.json"));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(3025), result.RetryAfter);
        Assert.Equal(403, result.StatusCode);
        Assert.True(result.IsRetryable);
        Assert.Empty(scenario.GitHub.Issues);
        Assert.Contains(scenario.Logs.GetSnapshot(), r => r.Message == "GitHub issue sink github-issues was rate limited while listing the open issues of octo-org/octo-repo (HTTP 403); retry after 00:50:25");
        scenario.AssertNoSecret(result);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task PrimaryRateLimit_ObservedBodyOnCreate_ThrottledUntilReset(int status)
    {
        await using var scenario = new GitHubIssueScenario();
        // Now = 1795341600; reset 600 s later.
        var headers = new Dictionary<string, string> { ["x-ratelimit-limit"] = "5000", ["x-ratelimit-remaining"] = "0", ["x-ratelimit-used"] = "5000", ["x-ratelimit-reset"] = "1795342200", ["x-ratelimit-resource"] = "core" };
        scenario.GitHub.Override = On("POST", "/issues", Fixture("403.primary-rate-limit.observed-2026.json", status, headers));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(600), result.RetryAfter);
        Assert.Equal(status, result.StatusCode);
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task PrimaryRateLimit_ResetAlreadyPassed_ThrottledWithZeroWait()
    {
        await using var scenario = new GitHubIssueScenario();
        var headers = new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = "1795341599" }; // 1 s before now
        scenario.GitHub.Override = On("GET", "/issues", Fixture("403.primary-rate-limit.docs-example.json", headers: headers));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.Zero, result.RetryAfter);
    }

    [Theory]
    [InlineData("403.secondary-rate-limit.observed-2024.json")]
    [InlineData("403.secondary-rate-limit.observed-2022.json")]
    public async Task SecondaryRateLimit_WithoutHeaders_ThrottledForTheDocumentedMinute(string fixture)
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = On("POST", "/comments", Fixture(fixture));
        scenario.GitHub.Seed("ours", $"<!-- observability:fingerprint={GitHubIssueScenario.Fingerprint('a')} -->", "observability");

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromMinutes(1), result.RetryAfter);
    }

    [Fact]
    public async Task SecondaryRateLimit_RemainingNotZero_IsNotMistakenForThePrimaryReset()
    {
        await using var scenario = new GitHubIssueScenario();
        // The recorded search headers: remaining 14 of 30 on a secondary limit; the reset must not be used.
        var body = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}""";
        // Only the X-RateLimit-* headers: the dump's Transfer-Encoding would contradict the loopback's Content-Length.
        var headers = Fixtures.ErrorHeaders("403.secondary-rate-limit.search.observed-headers-2022.json")
            .Where(h => h.Key.StartsWith("X-RateLimit-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal("14", headers["X-RateLimit-Remaining"]);
        scenario.GitHub.Override = On("GET", "/issues", LoopbackResponse.Json(body, 403, headers));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromMinutes(1), result.RetryAfter);
    }

    [Fact]
    public async Task SecondaryRateLimit429_WithRetryAfter_ThrottledForThatLong()
    {
        await using var scenario = new GitHubIssueScenario();
        // Invented retry-after value (GitHub documents the header; no public response shows one).
        var headers = new Dictionary<string, string> { ["retry-after"] = "30", ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = "1795345200" };
        scenario.GitHub.Override = On("POST", "/issues", LoopbackResponse.Json(Fixtures.ErrorBody("403.secondary-rate-limit.observed-2024.json"), 429, headers));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        // retry-after comes first in GitHub's rules: 30 s, not the reset 3600 s away.
        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Equal(429, result.StatusCode);
    }

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
        scenario.GitHub.Override = On("POST", "/issues", LoopbackResponse.Json(NotAccessible, 403, new Dictionary<string, string> { ["x-ratelimit-remaining"] = "4999" }));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal("opening an issue in octo-org/octo-repo: GitHub refused it (403 Resource not accessible by personal access token, see (link)); the token needs issues: write (and statuses or checks: write for the gate)", result.Error);
    }

    [Fact]
    public async Task Validation422_RecordedBody_RejectedWithTheErrors()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = On("POST", "/issues", Fixture("422.validation-failed.create-label-invalid-color.recorded.json", 422));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(422, result.StatusCode);
        Assert.Equal("opening an issue in octo-org/octo-repo: GitHub refused the content (422 Validation Failed: Label color invalid)", result.Error);
    }

    [Fact]
    public async Task IssuesDisabled410_Gone()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.Override = On("POST", "/issues", LoopbackResponse.Json(IssuesDisabled, 410));

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
        scenario.GitHub.Override = On("POST", "/issues", LoopbackResponse.Json(ServerError, status));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.True(result.IsRetryable);
        Assert.Equal(status, result.StatusCode);
        Assert.StartsWith("opening an issue in octo-org/octo-repo: GitHub answered", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondAlertOfAGroupThrottled_WholeGroupThrottled_RetryDoesNotDuplicate()
    {
        await using var scenario = new GitHubIssueScenario();
        var creates = 0;
        scenario.GitHub.Override = r => r.Method == "POST" && r.Path.EndsWith("/issues", StringComparison.Ordinal) && Interlocked.Increment(ref creates) == 2
            ? Fixture("403.secondary-rate-limit.observed-2024.json")
            : null;
        var group = new[] { GitHubIssueScenario.Alert('a'), GitHubIssueScenario.Alert('b') };

        var first = await scenario.Sink().SendAsync(group);
        var retry = await scenario.Sink().SendAsync(group);

        Assert.Equal(DeliveryStatus.Throttled, first.Status);
        Assert.Equal(2, first.AlertCount);
        Assert.Equal(DeliveryStatus.Delivered, retry.Status);
        // The retry found a's issue by its marker (a comment) and opened b's: two issues, not three.
        Assert.Equal(2, scenario.GitHub.Issues.Count);
        Assert.Single(scenario.GitHub.Comments);
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
        scenario.GitHub.Override = On("POST", "/issues", FakeGitHubIssues.Hang);

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
        scenario.GitHub.Override = On("GET", "/issues", FakeGitHubIssues.Hang);
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
