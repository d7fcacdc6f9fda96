using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>
/// Discord's rate limits: a 429 becomes Throttled with the wait Discord gave (body <c>retry_after</c>, else
/// <c>Retry-After</c>, else <c>X-RateLimit-Reset-After</c>), and an emptied bucket stops a split group early.
/// </summary>
public sealed class DiscordAlertSinkRateLimitTests
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
