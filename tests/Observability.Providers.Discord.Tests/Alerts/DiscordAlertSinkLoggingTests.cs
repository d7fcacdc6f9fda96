using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>What the sink logs for each answer, and that no line ever holds the webhook token or an alert's text.</summary>
public sealed class DiscordAlertSinkLoggingTests
{
    public static TheoryData<string> Answers => ["ok", "bucket-empty", "429", "404", "400", "500"];

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task SendAsync_AnyAnswer_LogsNeitherTheTokenNorAlertText(string answer)
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(answer switch
        {
            "bucket-empty" => DiscordAnswer.Accept(new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "2" }),
            "429" => DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit),
            "404" => DiscordAnswer.Json(404, DiscordFixtures.UnknownWebhook),
            "400" => DiscordAnswer.File(400, DiscordFixtures.ArrayError),
            "500" => DiscordAnswer.Json(500, """{"message": "500: Internal Server Error", "code": 0}"""),
            _ => DiscordAnswer.Accept(),
        });
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var sink = new DiscordAlertSink("discord", new DiscordAlertSinkOptions { WebhookUrl = server.WebhookUrl }, new HttpClient(), TimeProvider.System, loggers);

        await sink.SendAsync([Alert() with { Message = "secret-message-text" }]);

        var records = collector.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.DoesNotContain(DiscordWebhookServer.Token, r.Message, StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain("secret-message-text", r.Message, StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain(DiscordWebhookServer.WebhookId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_Gone_WarnsThatTheWebhookNoLongerExists()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Json(404, DiscordFixtures.UnknownWebhook));
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var sink = new DiscordAlertSink("oncall", new DiscordAlertSinkOptions { WebhookUrl = server.WebhookUrl }, new HttpClient(), TimeProvider.System, loggers);

        await sink.SendAsync([Alert()]);

        var warning = Assert.Single(collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Equal("Discord sink oncall: the webhook no longer exists (HTTP 404: 10015 Unknown Webhook); the sink should be disabled", warning.Message);
    }
}
