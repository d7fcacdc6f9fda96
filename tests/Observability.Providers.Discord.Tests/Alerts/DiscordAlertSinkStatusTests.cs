using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>Every documented answer of Discord mapped to a <see cref="DeliveryResult"/>, with no token in any error.</summary>
public sealed class DiscordAlertSinkStatusTests
{
    [Fact]
    public async Task SendAsync_UnknownWebhook_GoneWithDiscordsCodeAndNoToken()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Json(404, DiscordFixtures.UnknownWebhook));

        var result = await Sink(server).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Gone, result.Status);
        Assert.False(result.IsRetryable);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal("the webhook does not exist (HTTP 404: 10015 Unknown Webhook)", result.Error);
    }

    [Fact]
    public async Task SendAsync_DeletedWebhookId_ServerAnswers404_Gone()
    {
        await using var server = new DiscordWebhookServer();
        var options = new DiscordAlertSinkOptions { WebhookUrl = new Uri($"http://127.0.0.1:{server.Port}/api/webhooks/1/{DiscordWebhookServer.Token}") };
        var sink = new DiscordAlertSink("discord", options, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);

        var result = await sink.SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Gone, result.Status);
        Assert.DoesNotContain(DiscordWebhookServer.Token, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WrongToken_RejectedWith50027()
    {
        await using var server = new DiscordWebhookServer();
        var options = new DiscordAlertSinkOptions { WebhookUrl = new Uri($"http://127.0.0.1:{server.Port}/api/webhooks/{DiscordWebhookServer.WebhookId}/wrong-token") };
        var sink = new DiscordAlertSink("discord", options, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);

        var result = await sink.SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(401, result.StatusCode);
        Assert.Equal("Discord refused the webhook's token (HTTP 401: 50027 Invalid Webhook Token)", result.Error);
        Assert.DoesNotContain("wrong-token", result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DiscordFixtures.ArrayError, "50035 Invalid Form Body (activities.0.platform: Value must be one of ('desktop', 'android', 'ios').; activities.0.type: Value must be one of (0, 1, 2, 3, 4, 5).)")]
    [InlineData(DiscordFixtures.ObjectError, "50035 Invalid Form Body (access_token: This field is required)")]
    [InlineData(DiscordFixtures.TooManyEmbeds, "50035 Invalid Form Body (embeds: Must be 10 or fewer in length.)")]
    [InlineData(DiscordFixtures.LegacyError, "embeds: 0")]
    public async Task SendAsync_400_RejectedWithDiscordsCodeAndFieldErrors(string fixture, string detail)
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.File(400, fixture));

        var result = await Sink(server).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.False(result.IsRetryable);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal($"Discord refused the message (HTTP 400: {detail})", result.Error);
    }

    [Theory]
    [InlineData(500, """{"message": "500: Internal Server Error", "code": 0}""", "HTTP 500: 500: Internal Server Error")]
    [InlineData(502, "<html>bad gateway</html>", "HTTP 502 BadGateway: <html>bad gateway</html>")]
    public async Task SendAsync_5xx_FailedAndRetryable(int status, string body, string error)
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Json(status, body));

        var result = await Sink(server).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.True(result.IsRetryable);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public async Task SendAsync_NoAnswerWithinTheTimeout_FailedTimedOut()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Never);
        var time = new FakeTimeProvider(At);
        var sink = Sink(server, o => o.Timeout = TimeSpan.FromSeconds(10), time);

        var sending = sink.SendAsync([Alert()]);
        while (server.Requests.IsEmpty)
        {
            await Task.Delay(10);
        }

        time.Advance(TimeSpan.FromSeconds(10)); // exactly the timeout
        var result = await sending;

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("timed out", result.Error);
    }

    [Fact]
    public async Task SendAsync_SecondMessageFails_ReportsOnlyTheUndeliveredAlerts()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Accept(), DiscordAnswer.Json(500, """{"message": "500: Internal Server Error", "code": 0}"""));
        var alerts = Enumerable.Range(1, 15).Select(i => Alert(title: $"alert {i}")).ToList();

        var result = await Sink(server).SendAsync(alerts);

        // 15 alerts = message 1 (10 embeds, accepted) + message 2 (5 embeds, 500): 5 alerts are not delivered.
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal(5, result.AlertCount);
        Assert.Equal("message 2 of 2: HTTP 500: 500: Internal Server Error (10 alerts already delivered)", result.Error);
    }
}
