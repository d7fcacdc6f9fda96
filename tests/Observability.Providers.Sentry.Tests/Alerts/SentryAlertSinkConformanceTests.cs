using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observability.Providers.Sentry.Tests.Infrastructure;
using Observability.Tests.Conformance;

namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>
/// The shared sink checks against the loopback Sentry endpoint. The sink's secret is the DSN's public key: it
/// necessarily travels in the <c>X-Sentry-Auth</c> header, but never in an envelope body, a log line or a result.
/// </summary>
public sealed class SentryAlertSinkConformanceTests : AlertSinkConformanceTests, IAsyncLifetime
{
    private const string Key = "c0nf0rmance5e11tryk3y9a8b7c6d5e4";

    private readonly LoopbackSentryServer _server = new(Key);
    private readonly LoopbackSentryServer _hanging = new(Key) { Responder = static _ => null };
    private readonly List<HttpClient> _clients = [];

    protected override string SinkSecret => Key;

    protected override IAlertSink CreateSink(ILoggerFactory loggerFactory) => Create(_server.Dsn, loggerFactory);

    protected override IAlertSink CreateUnreachableSink(ILoggerFactory loggerFactory) => Create(LoopbackSentryServer.UnreachableDsn(Key), loggerFactory);

    protected override IAlertSink CreateHangingSink(ILoggerFactory loggerFactory) => Create(_hanging.Dsn, loggerFactory, TimeSpan.FromMinutes(2));

    protected override void AddSink(IObservabilityBuilder builder) => builder.AddSentryAlertSink(o => o.Dsn = _server.Dsn);

    protected override Task<IReadOnlyList<string>> ReceivedPayloadsAsync()
        => Task.FromResult<IReadOnlyList<string>>(_server.Received.Select(static r => r.Text).ToArray());

    protected override IEnumerable<(string Parameter, Action Construct)> InvalidConstructions()
    {
        var options = new SentryAlertSinkOptions { Dsn = _server.Dsn };
        using var client = new HttpClient();
        var time = TimeProvider.System;
        var logs = NullLoggerFactory.Instance;
        yield return ("name", () => _ = new SentryAlertSink(null!, options, client, time, logs));
        yield return ("name", () => _ = new SentryAlertSink(" ", options, client, time, logs));
        yield return ("options", () => _ = new SentryAlertSink("sentry", null!, client, time, logs));
        yield return ("options", () => _ = new SentryAlertSink("sentry", new SentryAlertSinkOptions(), client, time, logs));
        yield return ("httpClient", () => _ = new SentryAlertSink("sentry", options, null!, time, logs));
        yield return ("timeProvider", () => _ = new SentryAlertSink("sentry", options, client, null!, logs));
        yield return ("loggerFactory", () => _ = new SentryAlertSink("sentry", options, client, time, null!));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _server.DisposeAsync();
        await _hanging.DisposeAsync();
    }

    private SentryAlertSink Create(string dsn, ILoggerFactory loggerFactory, TimeSpan? timeout = null)
    {
        var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _clients.Add(client);
        var options = new SentryAlertSinkOptions { Dsn = dsn, Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        return new SentryAlertSink("sentry", options, client, TimeProvider.System, loggerFactory);
    }
}
