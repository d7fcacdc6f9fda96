using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Observability.Providers.GitHub.Tests.Infrastructure;

namespace Observability.Providers.GitHub.Tests.Alerts;

/// <summary>
/// Octokit's calls take no CancellationToken; the sink's handler under Octokit must still cancel the HTTP request
/// itself (not only stop waiting for it) on the caller's cancellation and on the timeout.
/// </summary>
public sealed class GitHubIssueAlertSinkCancellationTests
{
    [Fact]
    public async Task CallerCancellation_CancelsTheRequestInFlight()
    {
        using var probe = new HangingHandler();
        var sink = Sink(probe, TimeProvider.System);
        using var cts = new CancellationTokenSource();

        var sending = sink.SendAsync([GitHubIssueScenario.Alert('a')], cts.Token);
        await probe.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
        await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Timeout_CancelsTheRequestInFlight_AndFails()
    {
        using var probe = new HangingHandler();
        var time = new FakeTimeProvider(GitHubIssueScenario.Now);
        var sink = Sink(probe, time);

        var sending = sink.SendAsync([GitHubIssueScenario.Alert('a')]);
        await probe.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(10)); // the default Timeout
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("listing the open issues of octo-org/octo-repo: timed out", result.Error);
        await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ConcurrentCallsForOneFingerprint_OpenOneIssue()
    {
        await using var scenario = new GitHubIssueScenario();
        var sink = scenario.Sink();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sink.SendAsync([GitHubIssueScenario.Alert('a')])));

        Assert.All(results, r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
        Assert.Single(scenario.GitHub.Issues);
        Assert.Equal(3, scenario.GitHub.Comments.Count); // 4 calls: 1 opens, 3 comment
    }

    private static GitHubIssueAlertSink Sink(HttpMessageHandler handler, TimeProvider time)
        => new("github-issues", new GitHubIssueAlertSinkOptions { Repository = GitHubIssueScenario.Repository, Token = GitHubIssueScenario.Token, ApiUrl = new Uri("http://127.0.0.1:9/") }, handler, time, NullLoggerFactory.Instance);

    /// <summary>Never answers; tells when a request arrived and when its token was cancelled.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Reached.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Cancelled.TrySetResult();
                throw;
            }

            throw new InvalidOperationException("unreachable");
        }
    }
}
