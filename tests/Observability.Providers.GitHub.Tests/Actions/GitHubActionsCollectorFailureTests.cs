using Microsoft.Extensions.Logging;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Actions;

public sealed class GitHubActionsCollectorFailureTests
{
    // Written for the tests in the shape of GitHub's basic-error schema (no public recording; see the fixture INDEX).
    private const string BadCredentials = """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}""";
    private const string NotFound = """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository","status":"404"}""";

    [Fact]
    public async Task CollectAsync_401_UnauthorizedWithoutTheToken()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json(BadCredentials, 401));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.Unauthorized);
        Assert.Contains("401 Bad credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("octo-org/octo-repo", error.Message, StringComparison.Ordinal);
        Assert.Contains(scenario.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("Unauthorized", StringComparison.Ordinal));
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task CollectAsync_404_BadQueryNamingTheRepository()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json(NotFound, 404));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.BadQuery);
        // Octokit words the 404 itself: "repos/octo-org/octo-repo/actions/runs was not found."
        Assert.Contains("404 repos/octo-org/octo-repo/actions/runs was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("octo-org/octo-repo", error.Message, StringComparison.Ordinal);
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task CollectAsync_403PrimaryRateLimitFromTheDocs_RateLimitedWithTheResetTime()
    {
        await using var scenario = new GitHubScenario(new DateTimeOffset(2013, 8, 20, 14, 50, 41, TimeSpan.Zero)); // the transcript's Date header
        const string fixture = "403.primary-rate-limit.docs-example.json";
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json(Fixtures.ErrorBody(fixture), 403, Fixtures.ErrorHeaders(fixture)));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.RateLimited);
        // x-ratelimit-reset 1377013266 s = 2013-08-20T15:41:06Z; 15:41:06 - 14:50:41 = 50 min 25 s = 3025 s.
        Assert.Contains("resets at 2013-08-20T15:41:06", error.Message, StringComparison.Ordinal);
        Assert.Contains("in 3025 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 of 60", error.Message, StringComparison.Ordinal);
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task CollectAsync_403PrimaryRateLimitObserved2026_RateLimited()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json(Fixtures.ErrorBody("403.primary-rate-limit.observed-2026.json"), 403, new Dictionary<string, string>
        {
            ["x-ratelimit-limit"] = "5000",
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-reset"] = "1785282393", // 2026-07-28T23:46:33Z, the body's own timestamp (headers not recorded)
        }));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.RateLimited);
        Assert.Contains("resets at 2026-07-28T23:46:33", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_403SecondaryRateLimit_RateLimitedWaitAtLeastAMinute()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json(Fixtures.ErrorBody("403.secondary-rate-limit.observed-2024.json"), 403));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.RateLimited);
        Assert.Contains("secondary rate limit", error.Message, StringComparison.Ordinal);
        Assert.Contains("wait at least 60 s", error.Message, StringComparison.Ordinal); // no retry-after, no reset header
    }

    [Fact]
    public async Task CollectAsync_429WithRetryAfter_RateLimitedRetryAfterIt()
    {
        await using var scenario = new GitHubScenario();
        // Invented: GitHub documents retry-after but no recorded value exists (see the fixture INDEX).
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json(Fixtures.ErrorBody("403.secondary-rate-limit.observed-2024.json"), 429, new Dictionary<string, string> { ["retry-after"] = "30" }));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.RateLimited);
        Assert.Contains("retry after 30 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_RateLimitedOnJobs_PartialAndNoFurtherRequests()
    {
        await using var scenario = new GitHubScenario();
        const string fixture = "403.primary-rate-limit.docs-example.json";
        scenario.Server.Route(GitHubScenario.RunPath(30433643, "jobs"), LoopbackResponse.Json(Fixtures.ErrorBody(fixture), 403, Fixtures.ErrorHeaders(fixture)));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.RateLimited, error.Kind);
        Assert.Equal("run 30433643", error.Location);
        // Runs go newest first: 30433642 read, 30433643 limited, 30433644 never asked for; all three keep a snapshot.
        Assert.Equal(3, result.Snapshots.Count);
        Assert.DoesNotContain(scenario.Server.Requests, r => r.PathAndQuery.Contains("30433644/jobs", StringComparison.Ordinal));
        Assert.Equal(1, result.Snapshots[0].GetValue(WellKnownMetrics.JobCount)); // 30433644 counted as a run
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task CollectAsync_ServerError_Execution()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json("""{"message":"Server Error"}""", 500));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.Execution);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_MalformedJson_InvalidData()
    {
        await using var scenario = new GitHubScenario();
        var body = Fixtures.Text("derived/runs.page1.json");
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json(body[..(body.Length / 3)]));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.InvalidData);
        Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task CollectAsync_UnreachableHost_Unreachable()
    {
        await using var scenario = new GitHubScenario();
        var closed = new Uri($"http://127.0.0.1:{LoopbackGitHubServer.FreePort()}/");

        var result = await scenario.Collector(o => o.ApiUrl = closed).CollectAsync(GitHubScenario.Window);

        var error = AssertFailed(result, CollectionErrorKind.Unreachable);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task CollectAsync_CancelledWhileGitHubHangs_Throws()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackGitHubServer.Hang);
        using var cts = new CancellationTokenSource();

        var collecting = scenario.Collector().CollectAsync(GitHubScenario.Window, cts.Token);
        await scenario.Server.HangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collecting);
    }

    [Fact]
    public async Task CollectAsync_CancelledWhileJobsHang_Throws()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(GitHubScenario.RunPath(30433643, "jobs"), LoopbackGitHubServer.Hang);
        using var cts = new CancellationTokenSource();

        var collecting = scenario.Collector().CollectAsync(GitHubScenario.Window, cts.Token);
        await scenario.Server.HangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collecting);
    }

    [Fact]
    public async Task CollectAsync_AlreadyCancelled_ThrowsWithoutARequest()
    {
        await using var scenario = new GitHubScenario();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scenario.Collector().CollectAsync(GitHubScenario.Window, new CancellationToken(canceled: true)));
        Assert.Empty(scenario.Server.Requests);
    }

    private static CollectionError AssertFailed(CollectionResult result, CollectionErrorKind kind)
    {
        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.True(kind == error.Kind, $"expected {kind}, got {error}");
        return error;
    }
}
