using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Alerts.AlertmanagerTestAlerts;

namespace Observability.Providers.Prometheus.Tests.Alerts;

/// <summary>The exact body the sink posts, read by a loopback server that answers 200 with an empty body as Alertmanager does.</summary>
public sealed class AlertmanagerAlertSinkPayloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendAsync_FiringAlert_PostsTheExactJson()
    {
        await using var server = new LoopbackHttpServer(string.Empty);
        var alert = Alert() with
        {
            Labels = new Dictionary<string, string>
            {
                [AlertLabels.Service] = "checkout",
                [AlertLabels.Category] = "error_rate",
                ["bad-name"] = "v",     // '-' is not allowed in a label name: bad_name
                ["9lives"] = "x",       // a leading digit is not allowed: _9lives
                ["empty"] = string.Empty, // Alertmanager drops empty values: left out
                ["severity"] = "loud",  // the sink's own severity wins
            },
        };
        var sink = Sink(server.Address, o => { o.BearerToken = Token; o.StaticLabels["team"] = "payments"; }, new FakeTimeProvider(Now));

        var result = await sink.SendAsync([alert]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(200, result.StatusCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v2/alerts", request.Path);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal($"Bearer {Token}", request.Headers["Authorization"]);
        const string expected = """
            [{"labels":{"_9lives":"x","alertname":"HighErrorRate","bad_name":"v","category":"error_rate","fingerprint":"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc","service":"checkout","severity":"critical","team":"payments"},"annotations":{"summary":"Error rate 7.5% above 5%","description":"error rate 7.5% over 120 jobs","root_cause":"the payment gateway times out","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","source":"observability","runbook_url":"https://wiki.example.test/runbooks/error-rate","links":"CI run: https://ci.example.test/runs/42\nRunbook: https://wiki.example.test/runbooks/error-rate"},"startsAt":"2026-11-22T10:00:00.000Z","generatorURL":"https://ci.example.test/runs/42"}]
            """;
        Assert.Equal(expected, request.Body);
    }

    [Fact]
    public async Task SendAsync_ResolvedAlert_CarriesItsEndsAt()
    {
        await using var server = new LoopbackHttpServer(string.Empty);
        var ended = Start.AddMinutes(30);
        await Sink(server.Address, time: new FakeTimeProvider(Now)).SendAsync([Alert() with { Status = AlertStatus.Resolved, EndsAt = ended }]);

        var alert = Single(server);
        Assert.Equal("2026-11-22T10:30:00.000Z", alert.GetProperty("endsAt").GetString());
        Assert.Equal("2026-11-22T10:00:00.000Z", alert.GetProperty("startsAt").GetString());
    }

    [Fact]
    public async Task SendAsync_ResolvedAlertWithoutEndsAt_EndsNow()
    {
        await using var server = new LoopbackHttpServer(string.Empty);
        await Sink(server.Address, time: new FakeTimeProvider(Now)).SendAsync([Alert() with { Status = AlertStatus.Resolved, EndsAt = null }]);

        Assert.Equal("2026-11-22T12:00:00.000Z", Single(server).GetProperty("endsAt").GetString());
    }

    [Fact]
    public async Task SendAsync_FiringWithResolveTimeout_EndsAtNowPlusTimeout()
    {
        await using var server = new LoopbackHttpServer(string.Empty);
        // 12:00:00 + 15 min = 12:15:00
        await Sink(server.Address, o => o.ResolveTimeout = TimeSpan.FromMinutes(15), new FakeTimeProvider(Now)).SendAsync([Alert()]);

        Assert.Equal("2026-11-22T12:15:00.000Z", Single(server).GetProperty("endsAt").GetString());
    }

    [Fact]
    public async Task SendAsync_NoLinks_UsesTheGeneratorUrlOption_AndOmitsLinkAnnotations()
    {
        await using var server = new LoopbackHttpServer(string.Empty);
        await Sink(server.Address, o => o.GeneratorUrl = new Uri("https://status.example.test/checkout")).SendAsync([Alert() with { Links = [], RootCause = null, TraceId = null }]);

        var alert = Single(server);
        Assert.Equal("https://status.example.test/checkout", alert.GetProperty("generatorURL").GetString());
        var annotations = alert.GetProperty("annotations").EnumerateObject().Select(static p => p.Name).ToArray();
        Assert.Equal(["summary", "description", "source"], annotations);
        Assert.False(alert.TryGetProperty("endsAt", out _)); // firing, no resolve timeout: Alertmanager applies its own
    }

    [Fact]
    public async Task SendAsync_Group_IsOnePostWithEveryAlert()
    {
        await using var server = new LoopbackHttpServer(string.Empty);
        var alerts = Enumerable.Range(1, 3).Select(i => Alert($"rule_{i}") with { Severity = (AlertSeverity)(i - 1) }).ToArray();

        var result = await Sink(server.Address).SendAsync(alerts);

        Assert.Equal(3, result.AlertCount);
        var body = JsonDocument.Parse(Assert.Single(server.Requests).Body).RootElement;
        Assert.Equal(3, body.GetArrayLength());
        // AlertSeverity 0, 1, 2 are Info, Warning, Error, lowercased.
        Assert.Equal(["info", "warning", "error"], body.EnumerateArray().Select(static a => a.GetProperty("labels").GetProperty("severity").GetString()!).ToArray());
    }

    [Fact]
    public async Task SendAsync_UrlWithPathPrefix_PostsUnderIt_WithBasicAuth()
    {
        await using var server = new LoopbackHttpServer(string.Empty);
        await Sink(new Uri(server.Address, "alertmanager"), o => { o.Username = "ops"; o.Password = "s3cret-pw"; }).SendAsync([Alert()]);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/alertmanager/api/v2/alerts", request.Path);
        // base64("ops:s3cret-pw") = b3BzOnMzY3JldC1wdw==
        Assert.Equal("Basic b3BzOnMzY3JldC1wdw==", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task SendAsync_LinkWithCredentials_IsNeverSent()
    {
        await using var server = new LoopbackHttpServer(string.Empty);
        var alert = Alert() with { Links = [new AlertLink("Runbook", new Uri("https://bob:hunter2@wiki.example.test/runbook")), new AlertLink("CI run", new Uri("https://ci.example.test/runs/42"))] };

        await Sink(server.Address).SendAsync([alert]);

        var body = Assert.Single(server.Requests).Body;
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
        var sent = Single(server);
        Assert.Equal("https://ci.example.test/runs/42", sent.GetProperty("generatorURL").GetString());
        Assert.Equal("CI run: https://ci.example.test/runs/42", sent.GetProperty("annotations").GetProperty("links").GetString());
        Assert.False(sent.GetProperty("annotations").TryGetProperty("runbook_url", out _));
    }

    private static JsonElement Single(LoopbackHttpServer server)
    {
        using var document = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        return Assert.Single(document.RootElement.EnumerateArray().ToArray()).Clone();
    }
}
