using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Alerts;

/// <summary>
/// GitHub's rate limits, from the recorded and documented bodies and headers (tests/Fixtures/github/INDEX.md):
/// retry-after first, then x-ratelimit-reset when x-ratelimit-remaining is 0, else the documented minute.
/// </summary>
public sealed class GitHubIssueAlertSinkRateLimitTests
{
    [Fact]
    public async Task PrimaryRateLimit_DocsExample_ThrottledUntilReset()
    {
        // The docs transcript: Date 2013-08-20T14:50:41Z, x-ratelimit-reset 1377013266 = 15:41:06Z.
        // Wait = 1377013266 - 1377010241 = 3025 s.
        await using var scenario = new GitHubIssueScenario(new DateTimeOffset(2013, 8, 20, 14, 50, 41, TimeSpan.Zero));
        scenario.GitHub.Override = Script.On("GET", "/issues", Script.Fixture("403.primary-rate-limit.docs-example.json"));

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
        scenario.GitHub.Override = Script.On("POST", "/issues", Script.Fixture("403.primary-rate-limit.observed-2026.json", status, headers));

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
        scenario.GitHub.Override = Script.On("GET", "/issues", Script.Fixture("403.primary-rate-limit.docs-example.json", headers: headers));

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
        scenario.GitHub.Override = Script.On("POST", "/comments", Script.Fixture(fixture));
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
        scenario.GitHub.Override = Script.On("GET", "/issues", LoopbackResponse.Json(body, 403, headers));

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
        scenario.GitHub.Override = Script.On("POST", "/issues", LoopbackResponse.Json(Fixtures.ErrorBody("403.secondary-rate-limit.observed-2024.json"), 429, headers));

        var result = await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        // retry-after comes first in GitHub's rules: 30 s, not the reset 3600 s away.
        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Equal(429, result.StatusCode);
    }

    [Fact]
    public async Task SecondAlertOfAGroupThrottled_OnlyTheRestIsReported_ARetryOfEitherDoesNotDuplicate()
    {
        await using var scenario = new GitHubIssueScenario();
        var creates = 0;
        scenario.GitHub.Override = r => r.Method == "POST" && r.Path.EndsWith("/issues", StringComparison.Ordinal) && Interlocked.Increment(ref creates) == 2
            ? Script.Fixture("403.secondary-rate-limit.observed-2024.json")
            : null;
        var group = new[] { GitHubIssueScenario.Alert('a'), GitHubIssueScenario.Alert('b') };

        var first = await scenario.Sink().SendAsync(group);
        var rest = await scenario.Sink().SendAsync(group[^first.AlertCount..]); // what the pipeline's outbox retries
        var wholeAgain = await scenario.Sink().SendAsync(group); // a caller retrying everything anyway

        Assert.Equal(DeliveryStatus.Throttled, first.Status);
        Assert.Equal(1, first.AlertCount); // a's issue was opened; b is left
        Assert.Equal(DeliveryStatus.Delivered, rest.Status);
        Assert.Equal(DeliveryStatus.Delivered, wholeAgain.Status);
        // Two issues, never three: the retry opened b's; the whole-group retry found both by their markers and commented.
        Assert.Equal(2, scenario.GitHub.Issues.Count);
        Assert.Equal(2, scenario.GitHub.Comments.Count);
    }
}
