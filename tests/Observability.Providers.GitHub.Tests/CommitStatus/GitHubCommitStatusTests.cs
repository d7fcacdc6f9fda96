using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observability.Providers.GitHub.Tests.Infrastructure;
using Observability.Testing;

namespace Observability.Providers.GitHub.Tests.CommitStatus;

/// <summary>The verdict of every pass as a commit status, through a real pass, the real Octokit client and the loopback GitHub.</summary>
public sealed class GitHubCommitStatusTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task RunOnceAsync_Rollback_PostsFailureOnTheShaWithVerdictHealthAndReason()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        await using var harness = scenario.Harness(o => o.TargetUrl = new Uri("https://github.com/octo-org/octo-repo/actions/runs/42"));
        harness.Collector.Add(Day(i => i >= 44 ? 0.08 : 0.0004));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Rollback, result.Verdict.Decision);
        var request = Assert.Single(scenario.StatusRequests());
        Assert.Equal("/api/v3/repos/octo-org/octo-repo/statuses/6dcb09b5b57875f334f61aebed695e2e4193db5e", request.Path);
        Assert.Equal($"Token {GitHubCommitStatusScenario.Token}", request.Authorization); // as Octokit writes it
        var sent = scenario.SentStatus();
        Assert.Equal("failure", sent["state"]!.GetValue<string>());
        Assert.Equal("observability/release-health", sent["context"]!.GetValue<string>());
        Assert.Equal("https://github.com/octo-org/octo-repo/actions/runs/42", sent["target_url"]!.GetValue<string>());
        var description = sent["description"]!.GetValue<string>();
        Assert.InRange(description.Length, 1, 140);
        Assert.StartsWith($"Roll back, health {result.Report.Health.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}: ", description, StringComparison.Ordinal);
        Assert.Contains(result.Verdict.Reasons[0].Message[..20], description, StringComparison.Ordinal);
        Assert.Contains(scenario.Logs.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("set observability/release-health on 6dcb09b5b578 of octo-org/octo-repo to failure (Rollback", StringComparison.Ordinal));
        scenario.AssertNoSecret();
    }

    [Theory]
    [InlineData("proceed", false, "success")]
    [InlineData("hold", false, "pending")]
    [InlineData("hold", true, "failure")]
    [InlineData("rollback", false, "failure")]
    [InlineData("no_data", false, "error")]
    public async Task RunOnceAsync_EachVerdict_PostsItsState(string verdict, bool failOnHold, string state)
    {
        await using var scenario = new GitHubCommitStatusScenario();
        await using var harness = scenario.Harness(o => o.FailOnHold = failOnHold);
        var expected = verdict switch
        {
            "proceed" => Decision.Proceed,
            "hold" => Decision.Hold,
            "rollback" => Decision.Rollback,
            _ => Decision.NoData,
        };
        if (expected == Decision.NoData)
        {
            harness.Collector.EnqueueResult(CollectionResult.Failed("scripted", new CollectionError(CollectionErrorKind.Unreachable, "connection refused")));
        }
        else
        {
            // Hold: only the newest snapshot fails, a warning not yet sustained (as the monitor's own tests judge it).
            harness.Collector.Add(Day(i => expected switch { Decision.Hold => i == 47 ? 0.10 : 0.0004, Decision.Rollback => i >= 44 ? 0.08 : 0.0004, _ => 0.0004 }));
        }

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(expected, result.Verdict.Decision);
        var sent = scenario.SentStatus();
        Assert.Equal(state, sent["state"]!.GetValue<string>());
        var description = sent["description"]!.GetValue<string>();
        Assert.StartsWith(expected switch { Decision.Proceed => "Proceed, health ", Decision.Hold => "Hold, health ", Decision.Rollback => "Roll back, health ", _ => "No data: " }, description, StringComparison.Ordinal);
        Assert.Null(sent["target_url"]);
        Assert.Empty(scenario.ObserverWarnings());
    }

    [Fact]
    public async Task OnPassCompletedAsync_LongReason_DescriptionCutTo140Characters()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        var reason = "Error rate " + new string('x', 300);

        await scenario.Observer().OnPassCompletedAsync(GitHubCommitStatusScenario.Pass(Decision.Hold, 71.26, reason, "second reason"), CancellationToken.None);

        var description = scenario.SentStatus()["description"]!.GetValue<string>();
        Assert.Equal(140, description.Length);
        Assert.StartsWith("Hold, health 71.3: Error rate xxx", description, StringComparison.Ordinal);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPassCompletedAsync_ReasonQuotingTheToken_TokenNotSent()
    {
        await using var scenario = new GitHubCommitStatusScenario();

        await scenario.Observer().OnPassCompletedAsync(GitHubCommitStatusScenario.Pass(Decision.Rollback, 10, $"probe failed with {GitHubCommitStatusScenario.Token}"), CancellationToken.None);

        Assert.Equal("Roll back, health 10: probe failed with ***", scenario.SentStatus()["description"]!.GetValue<string>());
        scenario.AssertNoSecret();
    }

    [Fact]
    public async Task OnPassCompletedAsync_ContextPerService_SentAsConfigured()
    {
        await using var scenario = new GitHubCommitStatusScenario();

        await scenario.Observer(o => o.Context = "observability/release-health (checkout)").OnPassCompletedAsync(GitHubCommitStatusScenario.Pass(Decision.Proceed, 98), CancellationToken.None);

        var sent = scenario.SentStatus();
        Assert.Equal("observability/release-health (checkout)", sent["context"]!.GetValue<string>());
        Assert.Equal("Proceed, health 98: error rate, health and SLOs within their thresholds", sent["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunOnceAsync_AnEarlierObserverThrows_PassStandsAndStatusStillPosted()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        await using var harness = scenario.Harness(build: b => b.Services.AddSingleton<IMonitoringPassObserver, ThrowingObserver>());
        harness.Collector.Add(Day(_ => 0.0004));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        Assert.Equal("success", scenario.SentStatus()["state"]!.GetValue<string>());
        var warning = Assert.Single(scenario.Warnings());
        Assert.Contains("Pass observer ThrowingObserver failed (InvalidOperationException: dashboard down)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceAsync_TwoPasses_OneStatusEach()
    {
        await using var scenario = new GitHubCommitStatusScenario();
        await using var harness = scenario.Harness();
        harness.Collector.EnqueueResult(CollectionResult.Success("scripted", Day(i => i >= 44 ? 0.08 : 0.0004)));
        harness.Collector.EnqueueResult(CollectionResult.Success("scripted", Day(_ => 0.0004)));

        await harness.Monitor.RunOnceAsync();
        await harness.Monitor.RunOnceAsync();

        Assert.Equal(["failure", "success"], scenario.GitHub.Statuses.Select(s => s["state"]!.GetValue<string>()));
    }

    private static IReadOnlyList<MetricSnapshot> Day(Func<int, double> errorRate)
        => TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-24), Interval, 48, (i, t) => TestSnapshots.Service(t, errorRate: errorRate(i)));

    private sealed class ThrowingObserver : IMonitoringPassObserver
    {
        public Task OnPassCompletedAsync(MonitoringPassResult result, CancellationToken cancellationToken)
            => throw new InvalidOperationException("dashboard down");
    }
}
