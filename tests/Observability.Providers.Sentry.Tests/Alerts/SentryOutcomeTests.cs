using Observability.Internal;

namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>The rate-limit header reading and the masking of the DSN's key, without a server.</summary>
public sealed class SentryOutcomeTests
{
    [Theory]
    [InlineData("60:transaction:key, 2700:default;error;security:organization", 2700)] // the docs' example: events are "error"/"default"
    [InlineData("60::organization, 2700::organization", 2700)] // empty categories mean all; the longest wins
    [InlineData("60:error:key, 30:default:organization", 60)] // both concern events: the longer
    [InlineData("1.5:error:key", 1.5)] // fractional seconds
    [InlineData("60:error:key:quota_exceeded:ignored:extra", 60)] // extra fields are ignored
    public void RateLimitWait_ItemsConcerningEvents_GiveTheLongestWait(string header, double seconds)
        => Assert.Equal(TimeSpan.FromSeconds(seconds), SentryOutcome.RateLimitWait(header));

    [Theory]
    [InlineData("2700:metric_bucket:organization:quota_exceeded:custom")] // the docs' metric-bucket example
    [InlineData("60:transaction:key")]
    [InlineData("soon:error:key")]
    [InlineData("")]
    [InlineData(null)]
    public void RateLimitWait_NothingAboutEvents_IsNull(string? header)
        => Assert.Null(SentryOutcome.RateLimitWait(header));

    [Fact]
    public void ToResult_BodyEchoingTheKey_MasksIt()
    {
        var attempt = new SentryAttempt(500, "upstream failed for key f3a9c2e1b7d84a6c", null, null, null, null);

        var result = SentryOutcome.ToResult("sentry", 1, attempt, timedOut: false, publicKey: "f3a9c2e1b7d84a6c");

        Assert.Equal("HTTP 500 InternalServerError: upstream failed for key ***", result.Error);
    }

    [Fact]
    public void ToResult_CancelledBySinkTimeout_IsTimedOut()
    {
        var attempt = new SentryAttempt(null, null, null, null, null, new TaskCanceledException());

        var result = SentryOutcome.ToResult("sentry", 2, attempt, timedOut: true, publicKey: "k");

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("timed out", result.Error);
        Assert.Equal(2, result.AlertCount);
    }
}
