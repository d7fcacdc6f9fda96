using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Providers.GitHub.Tests.Infrastructure;

/// <summary>
/// The loopback server answering with the fixture runs of <c>octo-org/octo-repo</c>, and a collector pointed at it.
/// Runs 30433642 (queued), 30433643 (failure), 30433644 (success) lie in <see cref="Window"/>; 30433645 one second before it.
/// </summary>
internal sealed class GitHubScenario : IAsyncDisposable
{
    public const string Owner = "octo-org";
    public const string Repo = "octo-repo";

    /// <summary>A token that must never show in a log line or a result.</summary>
    public const string Token = "ghp_SECRETtoken0123456789abcdefghijklmnop";

    public static readonly CollectionWindow Window = new(new DateTimeOffset(2020, 1, 22, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2020, 1, 23, 0, 0, 0, TimeSpan.Zero));

    public GitHubScenario(DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2020, 1, 23, 0, 0, 0, TimeSpan.Zero));
        Server.Route(RunsPath, () => LoopbackResponse.Json(
            Fixtures.Text("derived/runs.page1.json"),
            headers: new Dictionary<string, string>
            {
                // GitHub may point the next page at /repositories/{id}/...: Octokit must follow the URL as given.
                ["Link"] = $"<{Server.Url(LoopbackGitHubServer.Api("/repositories/1296269/actions/runs?per_page=100&page=2"))}>; rel=\"next\", <{Server.Url(LoopbackGitHubServer.Api("/repositories/1296269/actions/runs?per_page=100&page=2"))}>; rel=\"last\"",
            }));
        Server.Route(LoopbackGitHubServer.Api("/repositories/1296269/actions/runs?page=2"), LoopbackResponse.Json(Fixtures.Text("derived/runs.page2.json")));
        foreach (var run in new[] { 30433642L, 30433643L, 30433644L })
        {
            Server.Route(RunPath(run, "jobs"), LoopbackResponse.Json(Fixtures.Text($"derived/jobs.run-{run}.json")));
            Server.Route(RunPath(run, "logs"), LoopbackResponse.Redirect(Server.OtherHostUrl($"/signed/run-{run}.zip?urlExpires=2020-01-22T20%3A00%3A00Z&urlSigningMethod=HMACV1&urlSignature=abc")));
            Server.Route($"/signed/run-{run}.zip", new LoopbackResponse(200, Fixtures.Bytes("run_log.zip"), "application/zip"));
        }

        Server.Route(LoopbackGitHubServer.Api($"/repos/{Owner}/{Repo}/actions/jobs/399444497/logs"), LoopbackResponse.Redirect(Server.OtherHostUrl("/signed/job-399444497.txt?urlSignature=def")));
        Server.Route("/signed/job-399444497.txt", new LoopbackResponse(200, Fixtures.Bytes("job-log.gha_cancellation_shutdown.txt"), "text/plain"));
    }

    public static string RunsPath => LoopbackGitHubServer.Api($"/repos/{Owner}/{Repo}/actions/runs");

    public LoopbackGitHubServer Server { get; } = new();

    public FakeLogCollector Logs { get; } = new();

    public FakeTimeProvider Time { get; }

    public static string RunPath(long run, string what) => LoopbackGitHubServer.Api($"/repos/{Owner}/{Repo}/actions/runs/{run}/{what}");

    /// <summary>Creates a collector; MaxRuns 200 allows two pages of 100 (the server puts two runs on each page).</summary>
    public GitHubActionsCollector Collector(Action<GitHubActionsCollectorOptions>? configure = null)
    {
        var options = new GitHubActionsCollectorOptions { Owner = Owner, Repository = Repo, Token = Token, ApiUrl = Server.BaseAddress, MaxRuns = 200 };
        configure?.Invoke(options);
        return new GitHubActionsCollector("gha", options, Time, new FakeLoggerFactory(Logs));
    }

    /// <summary>Asserts that the token is in no log line, no log property and no error of the result.</summary>
    public void AssertNoSecret(CollectionResult result)
    {
        foreach (var record in Logs.GetSnapshot())
        {
            Assert.DoesNotContain(Token, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(record.StructuredState ?? [], kv => kv.Value?.Contains(Token, StringComparison.Ordinal) == true);
        }

        Assert.All(result.Errors, e => Assert.DoesNotContain(Token, e.ToString(), StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private sealed class FakeLoggerFactory(FakeLogCollector collector) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new FakeLogger(collector, categoryName);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
