using System.Text.Json;

namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>The event the real Sentry SDK puts on the wire for an alert, read back from the loopback endpoint.</summary>
public sealed class SentryAlertSinkEventTests : SentrySinkTestBase
{
    [Fact]
    public async Task SendAsync_OneAlert_SendsOneEnvelopeWithTheEvent()
    {
        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(1, result.AlertCount);
        Assert.Equal(200, result.StatusCode);
        var received = Server.Single();
        Assert.Equal("/api/42/envelope/", received.Path);
        Assert.Contains("sentry_key=" + PublicKey, received.Auth, StringComparison.Ordinal);
        var sentryEvent = received.Envelope.Event().Json();
        Assert.Equal("error", sentryEvent.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Array, sentryEvent.GetProperty("fingerprint").ValueKind);
        Console.WriteLine(received.Text);
    }
}
