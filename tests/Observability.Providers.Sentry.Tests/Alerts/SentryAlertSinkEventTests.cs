using System.Text.Json;

namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>The event the real Sentry SDK puts on the wire for an alert, read back from the loopback endpoint.</summary>
public sealed class SentryAlertSinkEventTests : SentrySinkTestBase
{
    [Fact]
    public async Task SendAsync_OneAlert_SendsOneGzippedEnvelopeWithTheAuthKey()
    {
        var result = await Sink().SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(1, result.AlertCount);
        Assert.Equal(200, result.StatusCode);
        var received = Server.Single();
        Assert.Equal("/api/42/envelope/", received.Path);
        Assert.StartsWith("Sentry ", received.Auth, StringComparison.Ordinal);
        Assert.Contains("sentry_version=7", received.Auth, StringComparison.Ordinal);
        Assert.Contains("sentry_key=" + PublicKey, received.Auth, StringComparison.Ordinal);
        Assert.Equal("gzip", received.ContentEncoding);

        // One event item; the envelope header names the same event id as the event.
        var item = Assert.Single(received.Envelope.Items);
        Assert.Equal("event", item.Type);
        Assert.Equal(item.Payload.Length, item.Header.GetProperty("length").GetInt32());
        var sentryEvent = item.Json();
        Assert.Equal(received.Envelope.Header.GetProperty("event_id").GetString(), sentryEvent.GetProperty("event_id").GetString());
        Assert.Empty(Server.Refused);
    }

    [Fact]
    public async Task SendAsync_Alert_MapsMessageFingerprintTagsAndAlertContext()
    {
        await Sink().SendAsync([Alert()]);

        var sentryEvent = Server.Single().Envelope.Event().Json();
        Assert.Equal("error", sentryEvent.GetProperty("level").GetString());
        Assert.Equal("checkout: error rate 7.5% above 5%\nerror rate 7.5% over 120 jobs", sentryEvent.GetProperty("logentry").GetProperty("formatted").GetString());
        Assert.Equal(["0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"], Strings(sentryEvent.GetProperty("fingerprint")));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["severity"] = "error",
                ["rule"] = "error_rate_high",
                ["alert_status"] = "firing",
                ["category"] = "error_rate",
                ["service"] = "checkout",
                ["region"] = "eu-west-1",
            },
            Tags(sentryEvent));

        var alert = sentryEvent.GetProperty("contexts").GetProperty("alert");
        Assert.Equal("error_rate_high", alert.GetProperty("rule").GetString());
        Assert.Equal("firing", alert.GetProperty("status").GetString());
        Assert.Equal("a dependency started failing", alert.GetProperty("root_cause").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", alert.GetProperty("trace_id").GetString());
        Assert.Equal("2026-11-22T10:00:00.0000000+00:00", alert.GetProperty("timestamp").GetString());
        var link = Assert.Single(alert.GetProperty("links").EnumerateArray());
        Assert.Equal("CI run", link.GetProperty("title").GetString());
        Assert.Equal("https://ci.example.test/runs/42", link.GetProperty("url").GetString());
        Assert.Equal("eu-west-1", alert.GetProperty("labels").GetProperty("region").GetString());

        // The SDK's details about the sending process are left out; so is its installation id as a user.
        var contexts = sentryEvent.GetProperty("contexts").EnumerateObject().Select(static p => p.Name).ToArray();
        Assert.DoesNotContain("Memory Info", contexts);
        Assert.DoesNotContain("ThreadPool Info", contexts);
        Assert.False(sentryEvent.TryGetProperty("user", out var user) && user.TryGetProperty("id", out _));
    }

    [Theory]
    [InlineData(AlertSeverity.Info, "info")]
    [InlineData(AlertSeverity.Warning, "warning")]
    [InlineData(AlertSeverity.Error, "error")]
    [InlineData(AlertSeverity.Critical, "fatal")]
    public async Task SendAsync_Severity_MapsToSentryLevel(AlertSeverity severity, string level)
    {
        await Sink().SendAsync([Alert(severity)]);

        var sentryEvent = Server.Single().Envelope.Event().Json();
        Assert.Equal(level, sentryEvent.GetProperty("level").GetString());
        Assert.Equal(severity.ToString().ToLowerInvariant(), Tags(sentryEvent)["severity"]);
    }

    [Fact]
    public async Task SendAsync_RolloutInContext_BecomesTheRolloutContext()
    {
        var rollout = new ReleaseRollout { Percentage = 25, Processor = "stripe", Repository = "acme/checkout", AutoRollbackEnabled = true, ErrorRate = 0.075 };
        var alert = Alert() with
        {
            Context = new Dictionary<string, object?> { [ReleaseRollout.ContextKey] = rollout.ToContext(), ["observed"] = 0.075, ["window"] = new[] { "10:00", "10:05" } },
        };

        await Sink().SendAsync([alert]);

        var contexts = Server.Single().Envelope.Event().Json().GetProperty("contexts");
        var sent = contexts.GetProperty("rollout");
        Assert.Equal(25, sent.GetProperty("percentage").GetDouble());
        Assert.Equal("stripe", sent.GetProperty("processor").GetString());
        Assert.Equal("acme/checkout", sent.GetProperty("repository").GetString());
        Assert.True(sent.GetProperty("auto_rollback_enabled").GetBoolean());
        Assert.Equal(0.075, sent.GetProperty("error_rate").GetDouble());

        // The rest of the alert's context goes to the alert context's details, the rollout not twice.
        var details = contexts.GetProperty("alert").GetProperty("details");
        Assert.Equal(0.075, details.GetProperty("observed").GetDouble());
        Assert.Equal(["10:00", "10:05"], Strings(details.GetProperty("window")));
        Assert.False(details.TryGetProperty(ReleaseRollout.ContextKey, out _));
    }

    [Fact]
    public async Task SendAsync_NoRollout_SendsNoRolloutContext()
    {
        await Sink().SendAsync([Alert()]);

        Assert.False(Server.Single().Envelope.Event().Json().GetProperty("contexts").TryGetProperty("rollout", out _));
    }

    [Fact]
    public async Task SendAsync_OptionsEnvironmentReleaseServerName_SetTheEvent()
    {
        await Sink(o => { o.Environment = "staging"; o.Release = "checkout@2.4.1"; o.ServerName = "monitor-1"; }).SendAsync([Alert()]);

        var sentryEvent = Server.Single().Envelope.Event().Json();
        Assert.Equal("staging", sentryEvent.GetProperty("environment").GetString());
        Assert.Equal("checkout@2.4.1", sentryEvent.GetProperty("release").GetString());
        Assert.Equal("monitor-1", sentryEvent.GetProperty("server_name").GetString());
    }

    [Fact]
    public async Task SendAsync_EnvironmentLabelWithoutOption_SetsTheEnvironmentNotATag()
    {
        var alert = Alert() with { Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Environment] = "canary" } };

        await Sink().SendAsync([alert]);

        var sentryEvent = Server.Single().Envelope.Event().Json();
        Assert.Equal("canary", sentryEvent.GetProperty("environment").GetString());
        Assert.False(Tags(sentryEvent).ContainsKey("environment"));
    }

    [Fact]
    public async Task SendAsync_EnvironmentLabelSentryRefuses_LeavesTheSdkDefault()
    {
        var alert = Alert() with { Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout", [AlertLabels.Environment] = "prod/eu" } };

        await Sink().SendAsync([alert]);

        Assert.Equal(SdkDefaultEnvironment, Server.Single().Envelope.Event().Json().GetProperty("environment").GetString());
    }

    [Fact]
    public async Task SendAsync_NoFingerprint_GroupsByRuleServiceAndSeverity()
    {
        await Sink().SendAsync([Alert(AlertSeverity.Warning) with { Fingerprint = null }]);

        Assert.Equal(["error_rate_high", "checkout", "Warning"], Strings(Server.Single().Envelope.Event().Json().GetProperty("fingerprint")));
    }

    [Fact]
    public async Task SendAsync_GroupOfThree_SendsThreeEventsInOrder()
    {
        var alerts = Enumerable.Range(0, 3).Select(i => Alert() with { Fingerprint = new string((char)('a' + i), 64), Title = $"alert {i}" }).ToArray();

        var result = await Sink().SendAsync(alerts);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(3, result.AlertCount);
        var fingerprints = Server.Received.Select(static r => Strings(r.Envelope.Event().Json().GetProperty("fingerprint")).Single()).ToArray();
        Assert.Equal([new string('a', 64), new string('b', 64), new string('c', 64)], fingerprints);
    }

    internal static string[] Strings(JsonElement array) => array.EnumerateArray().Select(static e => e.GetString()!).ToArray();

    internal static Dictionary<string, string> Tags(JsonElement sentryEvent)
    {
        var tags = sentryEvent.GetProperty("tags");

        // The protocol allows an object or an array of [key, value] pairs; the .NET SDK has written both over time.
        return tags.ValueKind == JsonValueKind.Array
            ? tags.EnumerateArray().ToDictionary(static p => p[0].GetString()!, static p => p[1].GetString()!)
            : tags.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString()!);
    }

    // The SDK's own default: SENTRY_ENVIRONMENT when the machine sets it, else "production".
    private static string SdkDefaultEnvironment => Environment.GetEnvironmentVariable("SENTRY_ENVIRONMENT") is { Length: > 0 } set ? set : "production";
}
