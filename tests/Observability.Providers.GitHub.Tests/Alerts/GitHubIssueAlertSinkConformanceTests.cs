using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observability.Providers.GitHub.Tests.Infrastructure;
using Observability.Tests.Conformance;

namespace Observability.Providers.GitHub.Tests.Alerts;

/// <summary>The shared alert-sink checks against the stateful loopback GitHub.</summary>
public sealed class GitHubIssueAlertSinkConformanceTests : AlertSinkConformanceTests, IAsyncLifetime
{
    private readonly LoopbackGitHubServer _server = new();
    private readonly LoopbackGitHubServer _hanging = new();
    private readonly List<IDisposable> _owned = [];

    public GitHubIssueAlertSinkConformanceTests()
    {
        _ = new FakeGitHubIssues(_server);
        _ = new FakeGitHubIssues(_hanging) { Override = _ => FakeGitHubIssues.Hang };
    }

    protected override string SinkSecret => GitHubIssueScenario.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _hanging.DisposeAsync();
        _owned.ForEach(static o => o.Dispose());
    }

    protected override IAlertSink CreateSink(ILoggerFactory loggerFactory) => Create(_server.BaseAddress, loggerFactory);

    protected override IAlertSink CreateUnreachableSink(ILoggerFactory loggerFactory) => Create(new Uri("http://127.0.0.1:1/"), loggerFactory);

    protected override IAlertSink CreateHangingSink(ILoggerFactory loggerFactory) => Create(_hanging.BaseAddress, loggerFactory);

    protected override void AddSink(IObservabilityBuilder builder)
        => builder.AddGitHubIssueAlertSink(o => Configure(o, _server.BaseAddress));

    protected override Task<IReadOnlyList<string>> ReceivedPayloadsAsync()
        => Task.FromResult<IReadOnlyList<string>>([.. _server.Requests.Where(static r => r.Body.Length > 0).Select(static r => r.Body)]);

    protected override IEnumerable<(string Parameter, Action Construct)> InvalidConstructions()
    {
        var options = Options(_server.BaseAddress);
        var handler = new SocketsHttpHandler();
        _owned.Add(handler);
        var time = TimeProvider.System;
        var loggers = NullLoggerFactory.Instance;
        yield return ("name", () => _ = new GitHubIssueAlertSink(null!, options, handler, time, loggers));
        yield return ("name", () => _ = new GitHubIssueAlertSink(" ", options, handler, time, loggers));
        yield return ("options", () => _ = new GitHubIssueAlertSink("gh", null!, handler, time, loggers));
        yield return ("options", () => _ = new GitHubIssueAlertSink("gh", new GitHubIssueAlertSinkOptions { Token = GitHubIssueScenario.Token }, handler, time, loggers));
        yield return ("options", () => _ = new GitHubIssueAlertSink("gh", new GitHubIssueAlertSinkOptions { Repository = GitHubIssueScenario.Repository }, handler, time, loggers));
        yield return ("handler", () => _ = new GitHubIssueAlertSink("gh", options, null!, time, loggers));
        yield return ("timeProvider", () => _ = new GitHubIssueAlertSink("gh", options, handler, null!, loggers));
        yield return ("loggerFactory", () => _ = new GitHubIssueAlertSink("gh", options, handler, time, null!));
    }

    private static GitHubIssueAlertSinkOptions Options(Uri apiUrl)
    {
        var options = new GitHubIssueAlertSinkOptions();
        Configure(options, apiUrl);
        return options;
    }

    private static void Configure(GitHubIssueAlertSinkOptions options, Uri apiUrl)
    {
        options.Repository = GitHubIssueScenario.Repository;
        options.Token = GitHubIssueScenario.Token;
        options.ApiUrl = apiUrl;
    }

    private GitHubIssueAlertSink Create(Uri apiUrl, ILoggerFactory loggerFactory)
    {
        var handler = new SocketsHttpHandler();
        _owned.Add(handler);
        return new GitHubIssueAlertSink("github-issues", Options(apiUrl), handler, TimeProvider.System, loggerFactory);
    }
}
