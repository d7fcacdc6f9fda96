using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observability.Providers.Discord.Tests.Support;
using Observability.Tests.Conformance;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>The shared sink checks, against the loopback Discord webhook; the secret is the webhook URL's token.</summary>
public sealed class DiscordAlertSinkConformanceTests : AlertSinkConformanceTests, IAsyncLifetime
{
    private readonly DiscordWebhookServer _server = new();
    private readonly DiscordWebhookServer _hanging = new();

    public DiscordAlertSinkConformanceTests()
    {
        _hanging.Enqueue(Enumerable.Repeat(DiscordAnswer.Never, 8).ToArray());
    }

    protected override string SinkSecret => DiscordWebhookServer.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _hanging.DisposeAsync();
    }

    protected override IAlertSink CreateSink(ILoggerFactory loggerFactory) => Create(_server.WebhookUrl, loggerFactory);

    protected override IAlertSink CreateUnreachableSink(ILoggerFactory loggerFactory)
        => Create(new Uri($"http://127.0.0.1:1/api/webhooks/{DiscordWebhookServer.WebhookId}/{DiscordWebhookServer.Token}"), loggerFactory);

    protected override IAlertSink CreateHangingSink(ILoggerFactory loggerFactory) => Create(_hanging.WebhookUrl, loggerFactory);

    protected override void AddSink(IObservabilityBuilder builder) => builder.AddDiscordAlertSink(o => o.WebhookUrl = _server.WebhookUrl);

    protected override Task<IReadOnlyList<string>> ReceivedPayloadsAsync()
        => Task.FromResult<IReadOnlyList<string>>(_server.Requests.Select(static r => r.Body).ToList());

    protected override IEnumerable<(string Parameter, Action Construct)> InvalidConstructions()
    {
        var options = new DiscordAlertSinkOptions { WebhookUrl = _server.WebhookUrl };
        var http = new HttpClient();
        var time = TimeProvider.System;
        var loggers = NullLoggerFactory.Instance;
        yield return ("name", () => _ = new DiscordAlertSink(null!, options, http, time, loggers));
        yield return ("name", () => _ = new DiscordAlertSink(" ", options, http, time, loggers));
        yield return ("options", () => _ = new DiscordAlertSink("discord", null!, http, time, loggers));
        yield return ("options", () => _ = new DiscordAlertSink("discord", new DiscordAlertSinkOptions(), http, time, loggers));
        yield return ("httpClient", () => _ = new DiscordAlertSink("discord", options, null!, time, loggers));
        yield return ("timeProvider", () => _ = new DiscordAlertSink("discord", options, http, null!, loggers));
        yield return ("loggerFactory", () => _ = new DiscordAlertSink("discord", options, http, time, null!));
    }

    private static DiscordAlertSink Create(Uri webhook, ILoggerFactory loggerFactory)
        => new("discord", new DiscordAlertSinkOptions { WebhookUrl = webhook }, new HttpClient(), TimeProvider.System, loggerFactory);
}
