using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Actions;

public sealed class GitHubActionsCollectorTests
{
    [Fact]
    public async Task CollectAsync_FixtureRuns_OneSnapshotPerRunInTheWindowOldestFirst()
    {
        await using var scenario = new GitHubScenario();

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        // 4 runs over 2 pages; 30433645 (created 2020-01-21T23:59:59Z) lies one second before the window.
        Assert.Equal(
            [DateTimeOffset.Parse("2020-01-22T10:00:00Z"), DateTimeOffset.Parse("2020-01-22T18:00:00Z"), DateTimeOffset.Parse("2020-01-22T19:33:08Z")],
            result.Snapshots.Select(s => s.Timestamp));
        Assert.All(result.Snapshots, s => Assert.Equal("gha", s.Source));
        Assert.Contains(scenario.Logs.GetSnapshot(), r => r.Message.Contains("listed 4 runs of octo-org/octo-repo: 3 snapshots", StringComparison.Ordinal));
        scenario.AssertNoSecret(result);
    }

    [Fact]
    public async Task CollectAsync_FailedRunWithJobs_CountsJobsByConclusionAndDurations()
    {
        await using var scenario = new GitHubScenario();

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var failed = result.Snapshots[1]; // run 30433643
        // Jobs: build success, test failure, deploy skipped. Skipped did not run: job_count = 3 - 1 = 2.
        Assert.Equal(2, failed.GetValue(WellKnownMetrics.JobCount));
        Assert.Equal(1, failed.GetValue(WellKnownMetrics.ErrorCount));
        Assert.Equal(0.5, failed.GetValue(WellKnownMetrics.ErrorRate)); // 1 / 2
        Assert.Equal(0.5, failed.GetValue(WellKnownMetrics.Availability)); // 1 - 0.5
        Assert.Equal(1, failed.GetValue(GitHubActionsMetrics.SuccessCount));
        Assert.Equal(1, failed.GetValue(GitHubActionsMetrics.FailureCount));
        Assert.Equal(1, failed.GetValue(GitHubActionsMetrics.SkippedCount));
        Assert.Equal(0, failed.GetValue(GitHubActionsMetrics.CancelledCount));
        Assert.Equal(0, failed.GetValue(GitHubActionsMetrics.TimedOutCount));
        Assert.Equal(0, failed.GetValue(GitHubActionsMetrics.InProgressCount));
        Assert.Equal(300_000, failed.GetValue(GitHubActionsMetrics.RunDuration)); // updated 18:05:30 - started 18:00:30
        Assert.Equal(30_000, failed.GetValue(GitHubActionsMetrics.RunQueued)); // started 18:00:30 - created 18:00:00
        Assert.Equal(275_000, failed.GetValue(GitHubActionsMetrics.JobDurationMax)); // test: 18:05:20 - 18:00:45
        Assert.Equal(14_000, failed.GetValue(GitHubActionsMetrics.JobQueuedMax)); // test: 18:00:45 - 18:00:31
    }

    [Fact]
    public async Task CollectAsync_SuccessfulRunWithTheDocumentedJob_FullAvailability()
    {
        await using var scenario = new GitHubScenario();

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var success = result.Snapshots[0]; // run 30433644 with the documented job
        Assert.Equal(1, success.GetValue(WellKnownMetrics.JobCount));
        Assert.Equal(0, success.GetValue(WellKnownMetrics.ErrorCount));
        Assert.Equal(0, success.GetValue(WellKnownMetrics.ErrorRate));
        Assert.Equal(1, success.GetValue(WellKnownMetrics.Availability));
        Assert.Equal(120_000, success.GetValue(GitHubActionsMetrics.RunDuration)); // 10:02:00 - 10:00:00
        Assert.Equal(0, success.GetValue(GitHubActionsMetrics.RunQueued));
        Assert.Equal(119_000, success.GetValue(GitHubActionsMetrics.JobDurationMax)); // 17:44:39 - 17:42:40
        Assert.Null(success.GetValue(GitHubActionsMetrics.JobQueuedMax)); // the documented job has no created_at
    }

    [Fact]
    public async Task CollectAsync_QueuedRun_CountedInProgressNotAsFailure()
    {
        await using var scenario = new GitHubScenario();

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var queued = result.Snapshots[2]; // the documented run 30433642: queued, conclusion null, its job queued
        Assert.Equal(1, queued.GetValue(GitHubActionsMetrics.InProgressCount));
        Assert.Null(queued.GetValue(WellKnownMetrics.JobCount));
        Assert.Null(queued.GetValue(WellKnownMetrics.ErrorRate));
        Assert.Null(queued.GetValue(WellKnownMetrics.Availability));
        Assert.Equal(0, queued.GetValue(GitHubActionsMetrics.FailureCount));
        Assert.Null(queued.GetValue(GitHubActionsMetrics.RunDuration));
    }

    [Fact]
    public async Task CollectAsync_TimedOutAndCancelledJobs_TimedOutFailsCancelledDoesNot()
    {
        await using var scenario = new GitHubScenario();
        var jobs = Fixtures.Text("derived/jobs.run-30433643.json")
            .Replace("\"conclusion\": \"skipped\"", "\"conclusion\": \"timed_out\"", StringComparison.Ordinal)
            .Replace("\"conclusion\": \"success\",\n      \"started_at\"", "\"conclusion\": \"cancelled\",\n      \"started_at\"", StringComparison.Ordinal); // the build job, not its steps
        scenario.Server.Route(GitHubScenario.RunPath(30433643, "jobs"), LoopbackResponse.Json(jobs));

        var result = await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var run = result.Snapshots[1];
        Assert.Equal(1, run.GetValue(GitHubActionsMetrics.CancelledCount));
        Assert.Equal(1, run.GetValue(GitHubActionsMetrics.TimedOutCount));
        Assert.Equal(1, run.GetValue(GitHubActionsMetrics.FailureCount));
        Assert.Equal(0, run.GetValue(GitHubActionsMetrics.SkippedCount));
        Assert.Equal(3, run.GetValue(WellKnownMetrics.JobCount)); // nothing skipped: all three ran
        Assert.Equal(2, run.GetValue(WellKnownMetrics.ErrorCount)); // failure + timed_out; cancelled is not a failure
        Assert.Equal(2.0 / 3, run.GetValue(WellKnownMetrics.ErrorRate)!.Value, 12);
    }

    [Fact]
    public async Task CollectAsync_ReRunAttempt_NoQueueTime()
    {
        await using var scenario = new GitHubScenario();
        var page = Fixtures.Text("derived/runs.page1.json").Replace("\"run_attempt\": 1,", "\"run_attempt\": 2,", StringComparison.Ordinal);
        scenario.Server.Route(GitHubScenario.RunsPath, LoopbackResponse.Json(page));

        var result = await scenario.Collector(o => o.MaxRuns = 100).CollectAsync(GitHubScenario.Window);

        var rerun = result.Snapshots[0]; // 30433643, attempt 2: run_started_at - created_at spans the first attempt
        Assert.Null(rerun.GetValue(GitHubActionsMetrics.RunQueued));
        Assert.Equal(300_000, rerun.GetValue(GitHubActionsMetrics.RunDuration));
    }

    [Fact]
    public async Task CollectAsync_WithoutJobs_CountsEachRunAsOneUnit()
    {
        await using var scenario = new GitHubScenario();

        var result = await scenario.Collector(o => o.IncludeJobs = false).CollectAsync(GitHubScenario.Window);

        Assert.Equal([1d, 1d, null], result.Snapshots.Select(s => s.GetValue(WellKnownMetrics.JobCount)));
        Assert.Equal([0d, 1d, null], result.Snapshots.Select(s => s.GetValue(WellKnownMetrics.ErrorRate)));
        Assert.Equal([0d, 0d, 1d], result.Snapshots.Select(s => s.GetValue(GitHubActionsMetrics.InProgressCount)));
        Assert.DoesNotContain(scenario.Server.Requests, r => r.PathAndQuery.Contains("/jobs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectAsync_Requests_FilterByCreatedWindowFollowTheLinkAndSendTheToken()
    {
        await using var scenario = new GitHubScenario();

        await scenario.Collector().CollectAsync(GitHubScenario.Window);

        var requests = scenario.Server.Requests.ToArray();
        var first = requests.First(r => r.PathAndQuery.StartsWith(GitHubScenario.RunsPath, StringComparison.Ordinal));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + first.PathAndQuery).Query);
        Assert.Equal("2020-01-22T00:00:00Z..2020-01-23T00:00:00Z", query["created"]);
        Assert.Equal("100", query["per_page"]);
        Assert.Contains(requests, r => r.PathAndQuery.StartsWith("/api/v3/repositories/1296269/actions/runs", StringComparison.Ordinal));
        Assert.Equal("Token " + GitHubScenario.Token, first.Authorization); // Octokit's scheme for a token
        // Jobs of the three runs in the window only.
        Assert.Equal(3, requests.Count(r => r.PathAndQuery.Contains("/jobs", StringComparison.Ordinal)));
        Assert.DoesNotContain(requests, r => r.PathAndQuery.Contains("30433645", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectAsync_ApiUrlAlreadyEndingInApiV3_SameRoutes()
    {
        await using var scenario = new GitHubScenario();

        // A GitHub Enterprise address is often given as https://host/api/v3/; Octokit resolves both forms to /api/v3/.
        var result = await scenario.Collector(o => o.ApiUrl = new Uri(scenario.Server.BaseAddress, "api/v3/")).CollectAsync(GitHubScenario.Window);

        Assert.Equal(3, result.Snapshots.Count);
    }

    [Fact]
    public async Task CollectAsync_NoToken_AnonymousRequests()
    {
        await using var scenario = new GitHubScenario();

        var result = await scenario.Collector(o => o.Token = null).CollectAsync(GitHubScenario.Window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.All(scenario.Server.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task CollectAsync_WorkflowFileAndBranch_UseTheWorkflowRoute()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(LoopbackGitHubServer.Api($"/repos/{GitHubScenario.Owner}/{GitHubScenario.Repo}/actions/workflows/ci.yml/runs"), LoopbackResponse.Json(Fixtures.Text("derived/runs.page2.json")));

        var result = await scenario.Collector(o => { o.Workflow = "ci.yml"; o.Branch = "main"; }).CollectAsync(GitHubScenario.Window);

        Assert.Single(result.Snapshots); // page 2 holds 30433644 in the window and 30433645 before it
        var request = scenario.Server.Requests.First(r => r.PathAndQuery.Contains("/workflows/", StringComparison.Ordinal));
        Assert.Contains("branch=main", request.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_NumericWorkflow_UsesTheWorkflowId()
    {
        await using var scenario = new GitHubScenario();
        scenario.Server.Route(LoopbackGitHubServer.Api($"/repos/{GitHubScenario.Owner}/{GitHubScenario.Repo}/actions/workflows/159038/runs"), LoopbackResponse.Json(Fixtures.Text("derived/runs.page2.json")));

        var result = await scenario.Collector(o => o.Workflow = "159038").CollectAsync(GitHubScenario.Window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Single(result.Snapshots);
    }

    [Fact]
    public async Task CollectAsync_MaxRunsOne_ReadsOnePageAndKeepsTheNewestRun()
    {
        await using var scenario = new GitHubScenario();

        var result = await scenario.Collector(o => o.MaxRuns = 1).CollectAsync(GitHubScenario.Window);

        var snapshot = Assert.Single(result.Snapshots);
        Assert.Equal(DateTimeOffset.Parse("2020-01-22T19:33:08Z"), snapshot.Timestamp);
        Assert.DoesNotContain(scenario.Server.Requests, r => r.PathAndQuery.Contains("/repositories/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectAsync_NoRunInTheWindow_NoData()
    {
        await using var scenario = new GitHubScenario();
        var window = new CollectionWindow(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2021, 1, 2, 0, 0, 0, TimeSpan.Zero));

        var result = await scenario.Collector().CollectAsync(window);

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.Contains("octo-org/octo-repo", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatedRange_Window_FormatsUtcSecondsInclusiveRange()
    {
        var window = new CollectionWindow(new DateTimeOffset(2020, 1, 22, 2, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2020, 1, 22, 1, 30, 15, TimeSpan.Zero));

        // 02:00+02:00 is 00:00Z.
        Assert.Equal("2020-01-22T00:00:00Z..2020-01-22T01:30:15Z", GitHubActionsCollector.CreatedRange(window));
    }
}
