using Microsoft.Extensions.Time.Testing;
using Observability.Providers.Sentry.Tests.Infrastructure;

namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>How each documented answer of Sentry's envelope endpoint, or none at all, becomes a delivery result.</summary>
public sealed class SentryAlertSinkStatusTests : SentrySinkTestBase
{
    [Theory]
    [InlineData("response-429.rate-limited.categories.json")] // 60:transaction:key, 2700:default;error;security:organization -> events wait 2700 s
    [InlineData("response-429.rate-limited.empty-categories.json")] // 60::organization, 2700::organization -> all categories, the longest: 2700 s
    [InlineData("response-429.rate-limited.metric-bucket.json")] // only metric buckets limited -> Retry-After: 2700
    public async Task SendAsync_429Fixture_IsThrottledForTheDocumentedWait(string fixture)
    {
        Server.Responder = _ => SentryResponse.Fixture(fixture);

        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.True(result.IsRetryable);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2700), result.RetryAfter);
        Assert.Single(Server.Received);
        AssertNoKeyLogged();
    }

    [Fact]
    public async Task SendAsync_429WithoutHeaders_WaitsTheDocumentedSixtySeconds()
    {
        Server.Responder = _ => SentryResponse.Bare(429);

        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(60), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_400Fixture_IsRejectedWithSentrysReason()
    {
        Server.Responder = _ => SentryResponse.Fixture("response-400.bad-request.json");

        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.False(result.IsRetryable);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("HTTP 400 BadRequest: failed to read request body", result.Error);
        AssertNoKeyLogged();
    }

    [Theory]
    [InlineData(413)]
    [InlineData(422)]
    public async Task SendAsync_ContentRefused_IsRejected(int status)
    {
        Server.Responder = _ => SentryResponse.Bare(status);

        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(status, result.StatusCode);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task SendAsync_KeyRefused_IsRejectedWithAClearReasonAndNoKey(int status)
    {
        Server.Responder = _ => SentryResponse.Bare(status);

        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(status, result.StatusCode);
        Assert.Contains("the DSN's key was refused", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicKey, result.ToString(), StringComparison.Ordinal);
        AssertNoKeyLogged();
    }

    [Fact]
    public async Task SendAsync_WrongKeyInDsn_TheEndpointAnswers403AndTheSinkRejects()
    {
        var wrong = Server.Dsn.Replace(PublicKey, "0000aaaa1111bbbb2222cccc3333dddd", StringComparison.Ordinal);

        var result = await Sink(dsn: wrong).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(403, result.StatusCode);
        Assert.Equal(["403 /api/42/envelope/"], Server.Refused);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task SendAsync_ServerError_FailsRetryably(int status)
    {
        Server.Responder = _ => SentryResponse.Bare(status);

        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.True(result.IsRetryable);
        Assert.Equal(status, result.StatusCode);
    }

    [Fact]
    public async Task SendAsync_200WithRateLimitHeader_IsDelivered()
    {
        // The docs: X-Sentry-Rate-Limits can come on a 200 too; the event was still accepted.
        var throttled = SentryResponse.Fixture("response-429.rate-limited.categories.json");
        Server.Responder = _ => SentryResponse.Accepted with { Headers = new Dictionary<string, string>(SentryResponse.Accepted.Headers) { ["X-Sentry-Rate-Limits"] = throttled.Headers["X-Sentry-Rate-Limits"] } };

        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
    }

    [Fact]
    public async Task SendAsync_SecondOfThreeThrottled_StopsThereAndReportsTheRest()
    {
        var calls = 0;
        Server.Responder = _ => Interlocked.Increment(ref calls) == 2 ? SentryResponse.Fixture("response-429.rate-limited.categories.json") : SentryResponse.Accepted;
        var alerts = Enumerable.Range(0, 3).Select(i => Alert() with { Fingerprint = new string((char)('a' + i), 64) }).ToArray();

        var result = await Sink().SendAsync(alerts);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(2, result.AlertCount); // the second and the third: the first went out and is not retried
        Assert.Equal(2, Server.Received.Count); // the third was never sent
    }

    [Fact]
    public async Task SendAsync_Unreachable_FailsRetryablyWithoutTheKey()
    {
        var result = await Sink(dsn: LoopbackSentryServer.UnreachableDsn(PublicKey)).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("unreachable (ConnectionRefused)", result.Error);
        Assert.Null(result.StatusCode);
        Assert.DoesNotContain(PublicKey, result.ToString(), StringComparison.Ordinal);
        AssertNoKeyLogged();
    }

    [Fact]
    public async Task SendAsync_EndpointNeverAnswers_FailsAsTimedOut()
    {
        Server.Responder = _ => null;

        var result = await Sink(o => o.Timeout = TimeSpan.FromMilliseconds(500)).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("timed out", result.Error);
        Assert.True(Server.HangReached.Task.IsCompleted);
    }

    [Fact]
    public async Task SendAsync_EndpointNeverAnswers_TimesOutOnTheInjectedClock()
    {
        Server.Responder = _ => null;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var sending = Sink(o => o.Timeout = TimeSpan.FromSeconds(30), time: time).SendAsync([Alert()]);
        await Server.HangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The sink's timeout runs on its TimeProvider: 30 s of fake time end the attempt, not 30 s of waiting.
        time.Advance(TimeSpan.FromSeconds(30));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("timed out", result.Error);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsWhileWaiting_ThrowsOperationCanceled()
    {
        Server.Responder = _ => null;
        using var cts = new CancellationTokenSource();
        var sending = Sink(o => o.Timeout = TimeSpan.FromMinutes(1)).SendAsync([Alert()], cts.Token);
        await Server.HangReached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }
}
