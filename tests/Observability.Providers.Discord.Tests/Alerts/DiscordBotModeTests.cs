using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>
/// The bot-and-channel mode (the logging spec's <c>ALERT_CHANNEL_ID</c> with a bot token) against the loopback Discord:
/// Create Message with <c>Authorization: Bot</c>, the webhook's payload, and Discord's answers handled the same way.
/// </summary>
public sealed class DiscordBotModeTests
{
    [Fact]
    public async Task SendAsync_Bot_PostsCreateMessageWithTheBotAuthorization_AndTheWebhooksEmbedPayload()
    {
        await using var server = new DiscordWebhookServer();
        var alerts = new[] { Alert(), Alert(AlertSeverity.Warning, "Latency p99 above 800 ms", "latency_p99") };

        var bot = await Bot(server).SendAsync(alerts);
        var webhook = await Sink(server).SendAsync(alerts);

        Assert.Equal(DeliveryStatus.Delivered, bot.Status);
        Assert.Equal(2, bot.AlertCount);
        Assert.True(webhook.Succeeded);
        var requests = server.Requests.ToArray();
        Assert.Equal($"/api/v10/channels/{DiscordWebhookServer.ChannelId}/messages", requests[0].Target);
        Assert.Equal("Bot " + DiscordWebhookServer.BotToken, requests[0].Headers["Authorization"]);
        Assert.Equal("application/json", requests[0].Headers["Content-Type"].Split(';')[0]);
        Assert.False(requests[1].Headers.ContainsKey("Authorization")); // the webhook's token is in its path
        Assert.Equal(requests[1].Body, requests[0].Body); // the same message either way

        // The shape of Discord's documented message body (execute-webhook.request.json-with-embeds.json): embeds with title and description.
        using var body = requests[0].Json();
        using var example = JsonDocument.Parse(DiscordFixtures.Read(DiscordFixtures.RequestExample));
        var embeds = body.RootElement.GetProperty("embeds");
        Assert.Equal(2, embeds.GetArrayLength());
        foreach (var property in example.RootElement.GetProperty("embeds")[0].EnumerateObject())
        {
            Assert.Equal(property.Value.ValueKind, embeds[0].GetProperty(property.Name).ValueKind);
        }

        Assert.False(body.RootElement.TryGetProperty("username", out _));
        Assert.Equal(0, body.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal(0, server.BadRequests);
    }

    [Fact]
    public async Task SendAsync_Bot429_ThrottledForRetryAfter_AsTheWebhookIs()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.RateLimited(DiscordFixtures.GlobalRateLimit));

        var result = await Bot(server).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(64.57), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_WrongBotToken_RejectedWithoutTheToken_AndNoLogLineHoldsIt()
    {
        await using var server = new DiscordWebhookServer();
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        const string Wrong = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.WRONGm1XVW7vRze4b7Cq4se7kKWs";
        var sink = new DiscordAlertSink("bot", new DiscordAlertSinkOptions { BotToken = Wrong, ChannelId = DiscordWebhookServer.ChannelId, ApiBaseUrl = server.ApiBaseUrl }, new HttpClient(), TimeProvider.System, loggers);

        var result = await sink.SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains("bot's token", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, result.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.GetSnapshot());
        Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain("WRONGm1XVW7", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_UnknownChannel_Gone()
    {
        await using var server = new DiscordWebhookServer();

        var result = await Bot(server, channel: 42).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Gone, result.Status);
        Assert.Contains("channel does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pipeline_BotFromConfiguration_DeliversPublishedAlert_OnlyWhenAlertsAreEnabled()
    {
        await using var server = new DiscordWebhookServer();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = DiscordWebhookServer.BotToken,
            ["Discord:ChannelId"] = DiscordWebhookServer.ChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl.ToString(),
        }).Build();

        foreach (var enabled in new[] { false, true })
        {
            var services = new ServiceCollection();
            services.AddObservability(o =>
            {
                o.ServiceName = "checkout";
                o.Alerts.Enabled = enabled;
            }).AddDiscordAlertSink(configuration.GetSection("Discord"));
            await using var provider = services.BuildServiceProvider();
            var publisher = provider.GetRequiredService<IAlertPublisher>();
            await publisher.PublishAsync([Alert()]);
            await publisher.FlushAsync();
            Assert.Equal(enabled ? 1 : 0, server.Accepted.Count);
        }
    }

    [Fact]
    public void Options_BotMode_EveryProblemListed_TokenNeverShown()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddDiscordAlertSink(o =>
        {
            o.BotToken = "has space " + DiscordWebhookServer.BotToken;
            o.WebhookUrl = new Uri("https://discord.com/api/webhooks/1/abc");
            o.ApiBaseUrl = new Uri("http://discord.example.test/api/v10/");
            o.Username = "alerts";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<DiscordAlertSinkOptions>>().Get(DiscordAlertSinkOptions.DefaultName));

        Assert.Contains("either WebhookUrl or BotToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("BotToken must be one token", error.Message, StringComparison.Ordinal);
        Assert.Contains("ChannelId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApiBaseUrl must use https", error.Message, StringComparison.Ordinal);
        Assert.Contains("apply to a webhook only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordWebhookServer.BotToken, error.Message, StringComparison.Ordinal);
        var options = new DiscordAlertSinkOptions { BotToken = DiscordWebhookServer.BotToken, ChannelId = 5 };
        Assert.DoesNotContain(DiscordWebhookServer.BotToken, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("BotToken = (set, hidden)", options.ToString(), StringComparison.Ordinal);
    }

    private static DiscordAlertSink Bot(DiscordWebhookServer server, ulong channel = DiscordWebhookServer.ChannelId)
        => new("bot", new DiscordAlertSinkOptions { BotToken = DiscordWebhookServer.BotToken, ChannelId = channel, ApiBaseUrl = server.ApiBaseUrl }, new HttpClient(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
}
