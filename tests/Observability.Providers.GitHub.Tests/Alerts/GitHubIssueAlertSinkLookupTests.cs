using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Alerts;

/// <summary>Finding a fingerprint's open issue: the listing of open issues with the first label, its pages, and search only as a fallback.</summary>
public sealed class GitHubIssueAlertSinkLookupTests
{
    [Fact]
    public async Task SendAsync_LookupListsOpenIssuesWithTheFirstLabel_ThenSearchIsNotNeeded()
    {
        await using var scenario = new GitHubIssueScenario();

        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        var list = Assert.Single(scenario.Requests("GET", "/issues"));
        Assert.Equal("open", list.Query("state"));
        Assert.Equal("observability", list.Query("labels"));
        Assert.Equal("100", list.Query("per_page"));
        Assert.Empty(scenario.Requests("GET", "/search/issues"));
        Assert.All(scenario.Server.Requests, r => Assert.Equal($"Token {GitHubIssueScenario.Token}", r.Authorization));
    }

    [Fact]
    public async Task SendAsync_IssueOpenedByAnotherTool_FoundByItsMarker()
    {
        await using var scenario = new GitHubIssueScenario();
        var marker = $"<!-- observability:fingerprint={GitHubIssueScenario.Fingerprint('d')} -->";
        scenario.GitHub.Seed("unrelated", "no marker here", "observability");
        var seeded = scenario.GitHub.Seed("earlier run", $"opened by yesterday's run\n{marker}", "observability");

        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('d')]);

        Assert.Equal(1348, seeded);
        Assert.Single(scenario.Requests("POST", "/issues/1348/comments"));
        Assert.Empty(scenario.Requests("POST", "/issues"));
    }

    [Fact]
    public async Task SendAsync_ListingCutOffAtTheLimit_AsksSearchWithTheQuotedFingerprint()
    {
        await using var scenario = new GitHubIssueScenario();
        var marker = $"<!-- observability:fingerprint={GitHubIssueScenario.Fingerprint('e')} -->";
        scenario.GitHub.Seed("older, ours", marker, "observability");   // #1347
        scenario.GitHub.Seed("newer, other", "other body", "observability"); // #1348, listed first (newest first)

        // MaxOpenIssuesScanned = 1: the listing returns #1348 only (1 of 1 read = the limit), so search is asked.
        var result = await scenario.Sink(o => o.MaxOpenIssuesScanned = 1).SendAsync([GitHubIssueScenario.Alert('e')]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal("1", Assert.Single(scenario.Requests("GET", "/issues")).Query("per_page"));
        var q = Assert.Single(scenario.Requests("GET", "/search/issues")).Query("q")!;
        Assert.Contains($"\"{GitHubIssueScenario.Fingerprint('e')}\"", q, StringComparison.Ordinal);
        Assert.Contains("repo:octo-org/octo-repo", q, StringComparison.Ordinal);
        Assert.Contains("state:open", q, StringComparison.Ordinal);
        Assert.Contains("type:issue", q, StringComparison.Ordinal);
        Assert.Contains("in:body", q, StringComparison.Ordinal);
        Assert.Single(scenario.Requests("POST", "/issues/1347/comments"));
        Assert.Empty(scenario.Requests("POST", "/issues"));
    }

    [Fact]
    public async Task SendAsync_OwnIssueOnPageTwo_FollowsTheLinkHeader()
    {
        await using var scenario = new GitHubIssueScenario();
        var marker = $"<!-- observability:fingerprint={GitHubIssueScenario.Fingerprint('f')} -->";
        scenario.GitHub.Seed("ours", marker, "observability"); // #1347, the oldest
        for (var i = 0; i < 100; i++)
        {
            scenario.GitHub.Seed($"other {i}", "x", "observability"); // #1348..#1447, listed before ours
        }

        // 101 open issues, 100 per page, newest first: ours is the only one on page 2 (101 - 100 = 1).
        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('f')]);

        var pages = scenario.Requests("GET", "/issues");
        Assert.Equal(2, pages.Count);
        Assert.Equal("2", pages[1].Query("page"));
        Assert.Empty(scenario.Requests("GET", "/search/issues")); // 101 read < 300: the listing was complete
        Assert.Single(scenario.Requests("POST", "/issues/1347/comments"));
    }

    [Fact]
    public async Task SendAsync_SearchNotYetIndexed_ListingStillFindsTheNewIssue()
    {
        await using var scenario = new GitHubIssueScenario();
        scenario.GitHub.SearchIndexesAtOnce = false; // GitHub's search lags behind a new issue

        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);
        await scenario.Sink().SendAsync([GitHubIssueScenario.Alert('a')]);

        Assert.Single(scenario.GitHub.Issues);
        Assert.Single(scenario.GitHub.Comments);
    }
}
