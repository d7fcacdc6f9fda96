using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>Every documented answer of Discord mapped to a <see cref="DeliveryResult"/>, with no token in any error.</summary>
public sealed class DiscordAlertSinkStatusTests
{
    [Fact]
    public async Task SendAsync_429UserTranscript_ThrottledForTheBodysRetryAfter()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit));

        var result = await Sink(server).SendAsync([Alert()]);

        // Body retry_after 64.57 wins over Retry-After: 65 (whole seconds) and X-RateLimit-Reset-After: 64.57.
        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.True(result.IsRetryable);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(1, result.AlertCount);
        Assert.Equal(TimeSpan.FromSeconds(64.57), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_429WithHalfASecond_RetryAfterIsHalfASecond()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit, retryAfter: 0.5));

        var result = await Sink(server).SendAsync([Alert()]);

        Assert.Equal(TimeSpan.FromMilliseconds(500), result.RetryAfter); // the body (0.5 s) is preferred to Retry-After: 65
    }

    [Theory]
    [InlineData(true)] // only the body: 1500 > 1000 is milliseconds
    [InlineData(false)] // Retry-After: 65 disagrees with 1500 seconds, so the body is milliseconds
    public async Task SendAsync_429WithRetryAfterOver1000_IsMilliseconds(bool dropHeader)
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(dropHeader
            ? DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit, 1500, false, "Retry-After", "X-RateLimit-Reset-After")
            : DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit, 1500));

        var result = await Sink(server).SendAsync([Alert()]);

        Assert.Equal(TimeSpan.FromSeconds(1.5), result.RetryAfter); // 1500 ms
    }

    [Fact]
    public async Task SendAsync_429ResourceTranscript_1336SecondsConfirmedByTheHeaderStaySeconds()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.RateLimited(DiscordFixtures.ResourceRateLimit));

        var result = await Sink(server).SendAsync([Alert()]);

        // retry_after 1336.57 with Retry-After: 1337 (|1337 - 1336.57| = 0.43 <= 1): seconds, as the docs' transcript shows.
        Assert.Equal(TimeSpan.FromSeconds(1336.57), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_429GlobalTranscript_Throttled()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.RateLimited(DiscordFixtures.GlobalRateLimit));

        var result = await Sink(server).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(64.57), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_429WithoutBodyValue_FallsBackToRetryAfterThenResetAfter()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(
            DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit, dropRetryAfterBody: true),
            DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit, null, true, "Retry-After"),
            DiscordAnswer.RateLimited(DiscordFixtures.GlobalRateLimit, null, true, "Retry-After"));
        var sink = Sink(server);

        var header = await sink.SendAsync([Alert()]);
        var resetAfter = await sink.SendAsync([Alert()]);
        var nothing = await sink.SendAsync([Alert()]);

        Assert.Equal(TimeSpan.FromSeconds(65), header.RetryAfter); // Retry-After: 65
        Assert.Equal(TimeSpan.FromSeconds(64.57), resetAfter.RetryAfter); // X-RateLimit-Reset-After: 64.57
        Assert.Equal(DeliveryStatus.Throttled, nothing.Status);
        Assert.Null(nothing.RetryAfter); // the global transcript has no bucket headers: no wait known
    }

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

    [Fact]
    public async Task SendAsync_SecondMessageThrottled_ThrottledForTheRest()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Accept(), DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit, retryAfter: 0.75));
        var alerts = Enumerable.Range(1, 25).Select(i => Alert(title: $"alert {i}")).ToList();

        var result = await Sink(server).SendAsync(alerts);

        // 25 alerts = 10 + 10 + 5; the second message is throttled, so 25 - 10 = 15 remain and the third is not sent.
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(15, result.AlertCount);
        Assert.Equal(TimeSpan.FromSeconds(0.75), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_BucketEmptyAfterFirstMessage_RestReportedThrottledWithoutProvokingA429()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Accept(new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "1.25" }));
        var alerts = Enumerable.Range(1, 15).Select(i => Alert(title: $"alert {i}")).ToList();

        var result = await Sink(server).SendAsync(alerts);

        Assert.Single(server.Requests);
        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Null(result.StatusCode); // Discord did not refuse anything; the sink stopped before it would
        Assert.Equal(5, result.AlertCount);
        Assert.Equal(TimeSpan.FromSeconds(1.25), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_BucketEmptyAfterTheLastMessage_Delivered()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Accept(new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "1.25" }));

        var result = await Sink(server).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
    }
}
