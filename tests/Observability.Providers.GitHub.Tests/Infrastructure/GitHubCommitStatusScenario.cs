using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Providers.GitHub.Tests.Infrastructure;

/// <summary>The loopback GitHub (its statuses side), a fake clock, a log collector, and commit status observers pointed at them.</summary>
internal sealed class GitHubCommitStatusScenario : IAsyncDisposable
{
    public const string Token = "ghp_STATUSpassSECRET0123456789abcdefghijk";

    public const string Sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    public const string Repository = FakeGitHubIssues.Owner + "/" + FakeGitHubIssues.Repo;

    private readonly List<IDisposable> _owned = [];

    public GitHubCommitStatusScenario()
    {
        GitHub = new FakeGitHubIssues(Server);
        Loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
    }

    public LoopbackGitHubServer Server { get; } = new();

    public FakeGitHubIssues GitHub { get; }

    public FakeTimeProvider Time { get; } = new(ObservabilityTestHarness.DefaultStart);

    public FakeLogCollector Logs { get; } = new();

    public ILoggerFactory Loggers { get; }

    /// <summary>The path GitHub documents: <c>/repos/{owner}/{repo}/statuses/{sha}</c>, under Octokit's <c>/api/v3</c> for a non-github.com host.</summary>
    public static string StatusPath(string sha = Sha) => LoopbackGitHubServer.Api($"/repos/{Repository}/statuses/{sha}");

    public GitHubCommitStatusOptions Options(Action<GitHubCommitStatusOptions>? configure = null)
    {
        var options = new GitHubCommitStatusOptions { Repository = Repository, Token = Token, Sha = Sha, ApiUrl = Server.BaseAddress };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>An observer built by hand, sending through a handler that follows no redirect (as the builder's does).</summary>
    public GitHubCommitStatusObserver Observer(Action<GitHubCommitStatusOptions>? configure = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        _owned.Add(handler);
        return new GitHubCommitStatusObserver("github-commit-status", Options(configure), handler, Time, Loggers);
    }

    /// <summary>A real pipeline (scripted collector, recording sink) with <c>AddGitHubCommitStatus</c> and this scenario's logs and clock.</summary>
    public ObservabilityTestHarness Harness(Action<GitHubCommitStatusOptions>? configure = null, Action<IObservabilityBuilder>? build = null)
    {
        var options = Options(configure);
        return ObservabilityTestHarness.Create(build: b =>
        {
            b.Services.AddSingleton(Loggers);
            build?.Invoke(b);
            b.AddGitHubCommitStatus(o =>
            {
                o.Repository = options.Repository;
                o.Token = options.Token;
                o.Sha = options.Sha;
                o.ApiUrl = options.ApiUrl;
                o.Context = options.Context;
                o.TargetUrl = options.TargetUrl;
                o.FailOnHold = options.FailOnHold;
                o.Timeout = options.Timeout;
            });
        });
    }

    public IReadOnlyList<LoopbackRequest> StatusRequests(string sha = Sha)
        => [.. Server.Requests.Where(r => r.Method == "POST" && r.Path == StatusPath(sha))];

    /// <summary>The one status body posted.</summary>
    public JsonObject SentStatus() => JsonNode.Parse(Assert.Single(StatusRequests()).Body)!.AsObject();

    public IReadOnlyList<FakeLogRecord> Warnings() => [.. Logs.GetSnapshot().Where(static r => r.Level == LogLevel.Warning)];

    /// <summary>The commit status's own warnings (a pass without data also has the collector's).</summary>
    public IReadOnlyList<FakeLogRecord> ObserverWarnings() => [.. Warnings().Where(static r => r.Category == typeof(GitHubCommitStatusObserver).FullName)];

    /// <summary>Asserts the token is in no log line, property or exception, and in no request body or query.</summary>
    public void AssertNoSecret()
    {
        foreach (var record in Logs.GetSnapshot())
        {
            Assert.DoesNotContain(Token, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(record.StructuredState ?? [], kv => kv.Value?.Contains(Token, StringComparison.Ordinal) == true);
            Assert.DoesNotContain(Token, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.All(Server.Requests, r =>
        {
            Assert.DoesNotContain(Token, r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, r.PathAndQuery, StringComparison.Ordinal);
        });
    }

    /// <summary>A pass result with the given verdict, health and reasons, as the monitor builds it.</summary>
    public static MonitoringPassResult Pass(Decision decision, double health = 42, params string[] reasons)
    {
        var window = CollectionWindow.Ending(ObservabilityTestHarness.DefaultStart, TimeSpan.FromHours(24));
        var findings = reasons.Select(static r => new Finding("error_rate_critical", AlertSeverity.Critical, r)).ToArray();
        var report = new HealthReport
        {
            Service = "checkout",
            Window = window,
            EvaluationWindow = window,
            GeneratedAt = ObservabilityTestHarness.DefaultStart,
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            Verdict = new Verdict(decision, $"{decision}: {reasons.FirstOrDefault()}", findings),
            Health = new HealthScore(health, HealthStatus.Healthy, []),
            Stability = new StabilityScore(90, "A", null, null, null),
            DataQuality = new DataQualitySummary(48, 48, 0, []),
            Findings = findings,
        };
        return new MonitoringPassResult(report, [], [], [], 0);
    }

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(Server.HandlerErrors);
        await Server.DisposeAsync();
        Loggers.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
