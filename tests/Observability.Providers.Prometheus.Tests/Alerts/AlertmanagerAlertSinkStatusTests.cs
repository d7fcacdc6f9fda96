using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Alerts.AlertmanagerTestAlerts;

namespace Observability.Providers.Prometheus.Tests.Alerts;

/// <summary>How each answer maps to a <see cref="DeliveryResult"/>, against a loopback server answering Alertmanager's real bodies.</summary>
public sealed class AlertmanagerAlertSinkStatusTests
{
    [Theory]
    [InlineData("400.invalid-label-name.json", 400, "HTTP 400 BadRequest: \"invalid label set: invalid name \\\"bad-name\\\"\"")]
    [InlineData("400.start-after-end.json", 400, "HTTP 400 BadRequest: \"start time must be before end time\"")]
    [InlineData("422.generator-url.json", 422, "HTTP 422 UnprocessableEntity: {\"code\":601,\"message\":\"0.generatorURL in body must be of type uri: \\\"not a url\\\"\"}")]
    public async Task SendAsync_RealRefusalBodies_AreRejectedWithTheReason(string fixture, int status, string reason)
    {
        await using var server = new LoopbackHttpServer(Fixture(fixture), status);

        var result = await Sink(server.Address).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.False(result.IsRetryable);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(reason, result.Error);
    }

    [Fact]
    public async Task SendAsync_NotFound_IsRejectedWithAHintAndNoUrl()
    {
        await using var server = new LoopbackHttpServer(Fixture("404.unknown-path.json"), 404);

        var result = await Sink(server.Address).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(404, result.StatusCode);
        Assert.Contains("base address", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task SendAsync_CredentialsRefused_IsRejectedWithoutTheToken(int status)
    {
        await using var server = new LoopbackHttpServer($"token {Token} is not valid", status);
        using var loggers = new FakeLogCollectorFactory();

        var result = await Sink(server.Address, o => o.BearerToken = Token, loggers: loggers.Factory).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(status, result.StatusCode);
        Assert.Contains("credentials were refused", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.ToString(), StringComparison.Ordinal);
        Assert.All(loggers.Collector.GetSnapshot(), r => Assert.DoesNotContain(Token, r.Message, StringComparison.Ordinal));
        Assert.Single(loggers.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task SendAsync_ServerError_IsARetryableFailure(int status)
    {
        await using var server = new LoopbackHttpServer("upstream unavailable", status);

        var result = await Sink(server.Address).SendAsync([Alert(), Alert("other")]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.True(result.IsRetryable);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(2, result.AlertCount);
        Assert.EndsWith(": upstream unavailable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TooManyRequests_IsThrottledForTheRetryAfterSeconds()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(429, "slow down", "text/plain", Headers: new Dictionary<string, string> { ["Retry-After"] = "7" }));

        var result = await Sink(server.Address).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Throttled, result.Status);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_TooManyRequestsWithAnHttpDate_WaitsUntilThatDate()
    {
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        // Retry at 12:01:30 from 12:00:00 = 90 s.
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(429, string.Empty, Headers: new Dictionary<string, string> { ["Retry-After"] = "Sun, 22 Nov 2026 12:01:30 GMT" }));

        var result = await Sink(server.Address, time: new FakeTimeProvider(now)).SendAsync([Alert()]);

        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Fact]
    public async Task SendAsync_NoAnswerWithinTheTimeout_FailsAsTimedOut()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Never);

        var result = await Sink(server.Address, o => o.Timeout = TimeSpan.FromMilliseconds(200)).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.Equal("timed out", result.Error);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new AlertmanagerAlertSinkOptions { Url = new Uri("ftp://am.example.test/"), Timeout = TimeSpan.Zero, BearerToken = Token, Username = "ops" };
        options.StaticLabels["bad-name"] = "x";
        options.StaticLabels["severity"] = "y";

        var error = Assert.Throws<ArgumentException>(() => new AlertmanagerAlertSink("am", options, new HttpClient(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Url must be an absolute http or https address", error.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("either BearerToken or Username/Password", error.Message, StringComparison.Ordinal);
        Assert.Contains("'bad-name' is not a label name", error.Message, StringComparison.Ordinal);
        Assert.Contains("'severity' is set by the sink itself", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("service", "service")]
    [InlineData("k8s.namespace", "k8s_namespace")]
    [InlineData("2xx", "_2xx")]
    [InlineData(" région ", "r_gion")]
    [InlineData("   ", null)]
    public void SanitizeLabelName_MakesAlertmanagerLabelNames(string name, string? expected)
        => Assert.Equal(expected, Observability.Internal.AlertmanagerPayload.SanitizeLabelName(name));

    private sealed class FakeLogCollectorFactory : IDisposable
    {
        public FakeLogCollectorFactory()
        {
            Collector = new FakeLogCollector();
            Factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Collector)));
        }

        public FakeLogCollector Collector { get; }

        public ILoggerFactory Factory { get; }

        public void Dispose() => Factory.Dispose();
    }
}
