using Microsoft.Extensions.DependencyInjection;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Actions;

public sealed class GitHubActionsCollectorLogTests
{
    [Fact]
    public async Task CollectAsync_DownloadLogs_FollowsTheRedirectsAndCountsFilesAndErrorLines()
    {
        await using var scenario = new GitHubScenario();

        var result = await scenario.Collector(o => o.DownloadLogs = true).CollectAsync(GitHubScenario.Window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        var (success, failed, queued) = (result.Snapshots[0], result.Snapshots[1], result.Snapshots[2]);
        // run_log.zip: 9 step .txt files once __MACOSX/ and .DS_Store are left out; its placeholder lines hold no ##[error].
        Assert.Equal(9, success.GetValue(GitHubActionsMetrics.LogFiles));
        Assert.Equal(0, success.GetValue(GitHubActionsMetrics.LogErrorLines));
        Assert.Null(success.GetValue(GitHubActionsMetrics.FailedJobLogErrorLines)); // no failed job
        Assert.Equal(9, failed.GetValue(GitHubActionsMetrics.LogFiles));
        // Failed job 399444497: the real pytorch log (shutdown signal, then "A task was canceled") has 2 ##[error] lines, both cancelled.
        Assert.Equal(2, failed.GetValue(GitHubActionsMetrics.FailedJobLogErrorLines));
        Assert.Equal(2, failed.GetValue("failed_job_log_error_lines@cancelled"));
        Assert.Equal(["failed_job_log_error_lines@cancelled"], CategoryMetrics(failed));
        Assert.Empty(CategoryMetrics(success)); // no error line, no category
        Assert.Null(queued.GetValue(GitHubActionsMetrics.LogFiles)); // not completed: no download
        var requests = scenario.Server.Requests.ToArray();
        Assert.DoesNotContain(requests, r => r.PathAndQuery.Contains("/runs/30433642/logs", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.PathAndQuery.StartsWith("/signed/run-30433643.zip", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.PathAndQuery.StartsWith("/signed/job-399444497.txt", StringComparison.Ordinal));
        // The signed URLs live on another host (localhost here): the token must not follow the redirect there.
        Assert.Equal(["<none>"], requests.Where(r => r.PathAndQuery.StartsWith("/signed/", StringComparison.Ordinal)).Select(r => r.Authorization ?? "<none>").Distinct());
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task CollectAsync_ArchiveWithErrorLines_CountsThemPerCategorySummingToLogErrorLines()
    {
        await using var scenario = new GitHubScenario();
        // Run 30433643's archive: the real job log as a whole job log, beside its step file (counted once).
        var jobLog = Fixtures.Text("job-log.gha_cancellation_shutdown.txt");
        scenario.Server.Route("/signed/run-30433643.zip", new LoopbackResponse(200, ActionsLogReaderTests.Zip(("0_test.txt", jobLog), ("test/1_Set up job.txt", jobLog)), "application/zip"));

        var result = await scenario.Collector(o => o.DownloadLogs = true).CollectAsync(GitHubScenario.Window);

        var failed = result.Snapshots[1];
        Assert.Equal(2, failed.GetValue(GitHubActionsMetrics.LogErrorLines));
        Assert.Equal(2, failed.GetValue(GitHubActionsMetrics.LogErrorLinesIn(CiErrorCategories.Cancelled)));
        Assert.Equal(
            ["failed_job_log_error_lines@cancelled", "log_error_lines@cancelled"],
            CategoryMetrics(failed));
    }

    [Fact]
    public async Task AddGitHubActionsCollector_ClassifierRegisteredBefore_IsTheOneUsed()
    {
        await using var scenario = new GitHubScenario();
        var services = new ServiceCollection();
        services.AddSingleton<ICiErrorClassifier>(new FixedClassifier("runner_lost"));
        services.AddObservability(o => o.ServiceName = "x").AddGitHubActionsCollector(o =>
        {
            o.Owner = GitHubScenario.Owner;
            o.Repository = GitHubScenario.Repo;
            o.ApiUrl = scenario.Server.BaseAddress;
            o.MaxRuns = 200;
            o.DownloadLogs = true;
        });
        await using var provider = services.BuildServiceProvider();

        var result = await Assert.Single(provider.GetServices<ICollector>()).CollectAsync(GitHubScenario.Window);

        var failed = result.Snapshots[1];
        Assert.Equal(2, failed.GetValue("failed_job_log_error_lines@runner_lost"));
        Assert.Equal(["failed_job_log_error_lines@runner_lost"], CategoryMetrics(failed));
    }

    [Fact]
    public void LogErrorLinesIn_Category_IsTheRegionalNameOfTheCount()
    {
        Assert.Equal("log_error_lines@timeout", GitHubActionsMetrics.LogErrorLinesIn(CiErrorCategories.Timeout));
        Assert.Equal("failed_job_log_error_lines@network", GitHubActionsMetrics.FailedJobLogErrorLinesIn(CiErrorCategories.Network));
        Assert.Throws<ArgumentException>(() => GitHubActionsMetrics.LogErrorLinesIn(""));
    }

    [Fact]
    public async Task CollectAsync_TruncatedZip_PartialWithInvalidDataAndTheRunKept()
    {
        await using var scenario = new GitHubScenario();
        var zip = Fixtures.Bytes("run_log.zip");
        scenario.Server.Route("/signed/run-30433644.zip", new LoopbackResponse(200, zip[..(zip.Length / 2)], "application/zip"));

        var result = await scenario.Collector(o => o.DownloadLogs = true).CollectAsync(GitHubScenario.Window);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.InvalidData, error.Kind);
        Assert.Equal("run 30433644", error.Location);
        Assert.Contains("truncated or not a ZIP", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Snapshots.Count);
        Assert.Equal(1, result.Snapshots[0].GetValue(WellKnownMetrics.JobCount)); // the run's jobs are kept
        Assert.Null(result.Snapshots[0].GetValue(GitHubActionsMetrics.LogFiles));
        Assert.Equal(9, result.Snapshots[1].GetValue(GitHubActionsMetrics.LogFiles)); // the other run's archive still read
    }

    [Fact]
    public async Task CollectAsync_LogsExpired_PartialAndTheRunKept()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(GitHubScenario.RunPath(30433644, "logs"), LoopbackResponse.Json("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}""", 404));

        var result = await scenario.Collector(o => o.DownloadLogs = true).CollectAsync(GitHubScenario.Window);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.BadQuery, error.Kind);
        Assert.Equal("run 30433644", error.Location);
        Assert.Equal(3, result.Snapshots.Count);
    }

    /// <summary>The snapshot's per-category error-line metrics (<c>…_error_lines@category</c>), sorted.</summary>
    private static string[] CategoryMetrics(MetricSnapshot snapshot)
        => snapshot.Metrics.Keys
            .Where(name => WellKnownMetrics.TryParseRegional(name, out var metric, out _)
                && (metric == GitHubActionsMetrics.LogErrorLines || metric == GitHubActionsMetrics.FailedJobLogErrorLines))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Puts every error line in one category.</summary>
    private sealed class FixedClassifier(string category) : ICiErrorClassifier
    {
        public Classification Classify(CiLogAnnotation signal) => new(category, 1, "fixed");

        public Classification ClassifyLines(IEnumerable<string> lines) => new(category, 1, "fixed");

        public Classification ClassifyLog(CiLogAnalysis analysis, IEnumerable<string>? lines = null) => new(category, 1, "fixed");
    }
}
