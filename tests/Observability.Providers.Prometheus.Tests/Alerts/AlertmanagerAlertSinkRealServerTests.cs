using System.Text.Json;
using static Observability.Providers.Prometheus.Tests.Alerts.AlertmanagerTestAlerts;

namespace Observability.Providers.Prometheus.Tests.Alerts;

/// <summary>The sink against the real Alertmanager 0.25 (started by <see cref="AlertmanagerServerFixture"/>), read back through <c>GET /api/v2/alerts</c>.</summary>
public sealed class AlertmanagerAlertSinkRealServerTests(AlertmanagerServerFixture server) : IClassFixture<AlertmanagerServerFixture>
{
    // Alertmanager lists an alert until its endsAt; times relative to the real clock keep these tests true on any date.
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public async Task SendAsync_FiringAlert_IsActiveWithOurLabelsAndAnnotations()
    {
        var alert = Alert("RealFiring") with { Timestamp = Now.AddMinutes(-2) };
        var result = await Sink(server.Address, o => { o.BearerToken = Token; o.StaticLabels["team"] = "payments"; }).SendAsync([alert]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(200, result.StatusCode);
        var listed = Assert.Single(await server.AlertsAsync("RealFiring"));
        Assert.Equal("active", listed.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["alertname"] = "RealFiring", ["category"] = "error_rate", ["fingerprint"] = new string('c', 64),
                ["service"] = "checkout", ["severity"] = "critical", ["team"] = "payments",
            },
            Strings(listed.GetProperty("labels")));
        var annotations = Strings(listed.GetProperty("annotations"));
        Assert.Equal("Error rate 7.5% above 5%", annotations["summary"]);
        Assert.Equal("error rate 7.5% over 120 jobs", annotations["description"]);
        Assert.Equal("the payment gateway times out", annotations["root_cause"]);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", annotations["trace_id"]);
        Assert.Equal("https://wiki.example.test/runbooks/error-rate", annotations["runbook_url"]);
        Assert.Equal("https://ci.example.test/runs/42", listed.GetProperty("generatorURL").GetString());
        Assert.Equal(alert.Timestamp, listed.GetProperty("startsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task SendAsync_ResolvedAlert_IsNoLongerActive()
    {
        var sink = Sink(server.Address);
        var firing = Alert("RealResolved") with { Timestamp = Now.AddMinutes(-10) };
        Assert.True((await sink.SendAsync([firing])).Succeeded);
        Assert.Single(await server.AlertsAsync("RealResolved"));

        var result = await sink.SendAsync([firing with { Status = AlertStatus.Resolved, EndsAt = Now.AddMinutes(-1) }]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Empty(await server.AlertsAsync("RealResolved")); // the API lists no alert whose endsAt has passed
    }

    [Fact]
    public async Task SendAsync_EndsBeforeItStarts_RealServerAnswers400_Rejected()
    {
        var alert = Alert("RealBackwards") with { Timestamp = Now.AddMinutes(-1), Status = AlertStatus.Resolved, EndsAt = Now.AddMinutes(-5) };

        var result = await Sink(server.Address).SendAsync([alert]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("HTTP 400 BadRequest: \"start time must be before end time\"", result.Error);
    }

    [Fact]
    public async Task SendAsync_UrlThatIsNotTheBaseAddress_RealServerAnswers404_Rejected()
    {
        var result = await Sink(new Uri(server.Address, "not-alertmanager/")).SendAsync([Alert("RealWrongPath")]);

        Assert.Equal(DeliveryStatus.Rejected, result.Status);
        Assert.Equal(404, result.StatusCode);
    }

    [Fact]
    public async Task SendAsync_LabelsThatNeedSanitising_AreAcceptedByTheRealServer()
    {
        var alert = Alert("RealSanitised") with
        {
            Timestamp = Now.AddMinutes(-1),
            Labels = new Dictionary<string, string> { ["k8s.namespace"] = "shop", ["2xx-rate"] = "0.93", ["région"] = "eu" },
        };

        var result = await Sink(server.Address).SendAsync([alert]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var labels = Strings(Assert.Single(await server.AlertsAsync("RealSanitised")).GetProperty("labels"));
        Assert.Equal("shop", labels["k8s_namespace"]);
        Assert.Equal("0.93", labels["_2xx_rate"]);
        Assert.Equal("eu", labels["r_gion"]);
    }

    [Fact]
    public async Task SendAsync_Unreachable_Fails()
    {
        var result = await Sink(new Uri("http://127.0.0.1:1/")).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Failed, result.Status);
        Assert.StartsWith("unreachable", result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Strings(JsonElement element)
        => element.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString()!, StringComparer.Ordinal);
}
