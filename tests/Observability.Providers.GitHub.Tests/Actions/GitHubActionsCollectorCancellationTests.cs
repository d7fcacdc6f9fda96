using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Observability.Providers.GitHub.Tests.Actions;

/// <summary>
/// Octokit takes no CancellationToken; the collector's handler under Octokit must still cancel the HTTP request in
/// flight on the caller's cancellation, and the registered collector must send through its named handler.
/// </summary>
public sealed class GitHubActionsCollectorCancellationTests
{
    private static readonly CollectionWindow Window = new(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CallerCancellation_CancelsTheRequestInFlight()
    {
        using var probe = new HangingHandler();
        var collector = new GitHubActionsCollector("github-actions", Options(), probe, TimeProvider.System, NullLoggerFactory.Instance);
        using var cts = new CancellationTokenSource();

        var collecting = collector.CollectAsync(Window, cts.Token);
        await probe.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collecting.WaitAsync(TimeSpan.FromSeconds(30)));
        await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the request itself was cancelled, not only abandoned
        Assert.Equal("/api/v3/repos/octo-org/octo-repo/actions/runs", probe.Path); // an Enterprise host gets /api/v3/
    }

    [Fact]
    public async Task Registered_SendsThroughItsNamedHandler()
    {
        using var probe = new HangingHandler();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddGitHubActionsCollector(o =>
            {
                o.Owner = "octo-org";
                o.Repository = "octo-repo";
                o.ApiUrl = new Uri("http://127.0.0.1:9/");
            });
        services.AddHttpClient(GitHubActionsCollectorObservabilityBuilderExtensions.HttpClientNamePrefix + "github-actions")
            .ConfigurePrimaryHttpMessageHandler(() => probe);
        await using var provider = services.BuildServiceProvider();
        var collector = Assert.IsType<GitHubActionsCollector>(Assert.Single(provider.GetServices<ICollector>()));
        using var cts = new CancellationTokenSource();

        var collecting = collector.CollectAsync(Window, cts.Token);
        await probe.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collecting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private static GitHubActionsCollectorOptions Options() => new() { Owner = "octo-org", Repository = "octo-repo", ApiUrl = new Uri("http://127.0.0.1:9/") };

    /// <summary>Never answers; tells when a request arrived, its path, and when its token was cancelled.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? Path { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Path = request.RequestUri!.AbsolutePath;
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
