using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Samples.Tests;

/// <summary>
/// The main sample with <c>OBS_GITHUB_TOKEN</c>, <c>OBS_GITHUB_REPOSITORY</c> and <c>OBS_GITHUB_API_URL</c> pointing at
/// a loopback GitHub that keeps its issues: without Redis, a second run finds each open issue by its marker and
/// comments instead of opening another.
/// </summary>
public sealed class GitHubIssuesSampleTests
{
    private const string Token = "ghp_SAMPLErunSECRET0123456789abcdefghijklmn";

    [Fact]
    public async Task Run_TwiceWithoutRedis_OpensEachIssueOnceThenComments()
    {
        await using var server = new LoopbackGitHubServer();
        var github = new FakeGitHubIssues(server);
        var environment = new Dictionary<string, string?>
        {
            ["OBS_GITHUB_TOKEN"] = Token,
            ["OBS_GITHUB_REPOSITORY"] = $"{FakeGitHubIssues.Owner}/{FakeGitHubIssues.Repo}",
            ["OBS_GITHUB_API_URL"] = server.BaseAddress.ToString(),
        };

        using var first = await SampleRun.StartAsync(environment: environment);
        Assert.True(first.Outcome.ExitCode == 0, first.Outcome.ToString());
        var opened = github.Issues.Count;
        var commentsAfterFirst = github.Comments.Count;
        using var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(first.JsonReportPath));
        var critical = report.RootElement.GetProperty("report").GetProperty("alerts").EnumerateArray().Count(a => a.GetProperty("severity").GetString() == "critical");

        using var second = await SampleRun.StartAsync(environment: environment);
        Assert.True(second.Outcome.ExitCode == 0, second.Outcome.ToString());

        Assert.Contains("note: alerts open GitHub issues in the repository of OBS_GITHUB_REPOSITORY", first.Outcome.Stderr, StringComparison.Ordinal);
        Assert.True(critical > 0, first.Outcome.Stdout);
        Assert.Equal(critical, opened); // one issue per critical alert (the route sends GitHub critical only)
        Assert.All(github.Issues, i => Assert.Contains("<!-- observability:fingerprint=", i["body"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(github.Issues, i => Assert.Equal("open", i["state"]!.GetValue<string>()));
        Assert.Equal(0, commentsAfterFirst);
        Assert.Equal(opened, github.Issues.Count); // the second run opened nothing
        Assert.Equal(opened, github.Comments.Count); // it commented on each open issue instead
        foreach (var text in new[] { first.Outcome.Stdout, first.Outcome.Stderr, second.Outcome.Stdout, second.Outcome.Stderr })
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        }
    }
}
