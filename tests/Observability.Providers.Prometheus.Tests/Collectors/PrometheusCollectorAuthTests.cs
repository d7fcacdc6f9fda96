using System.Text;
using Microsoft.Extensions.Logging.Testing;
using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Support.TestCollectors;

namespace Observability.Providers.Prometheus.Tests.Collectors;

public sealed class PrometheusCollectorAuthTests
{
    private const string Token = "tok-5ecret-Bearer-9f1c";
    private const string Password = "pa55-w0rd-7e2a";

    [Fact]
    public async Task Bearer_token_is_sent_but_never_logged_or_reported()
    {
        // A failing query makes the collector log and report as much as it can.
        await using var server = new LoopbackHttpServer("""{"status":"error","errorType":"bad_data","error":"parse error"}""", 400);
        var logs = new FakeLogCollector();
        var collector = Create(server.Address, Only("x", more: o => o.BearerToken = Token), logs);

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal("Bearer " + Token, Assert.Single(server.Requests).Headers["Authorization"]);
        AssertNowhere(Token, result, logs);
    }

    [Fact]
    public async Task Basic_credentials_are_sent_but_never_logged_or_reported()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(401, "Unauthorized", "text/plain"));
        var logs = new FakeLogCollector();
        var collector = Create(server.Address, Only("x", more: o => { o.Username = "grafana"; o.Password = Password; }), logs);

        var result = await collector.CollectAsync(FiveMinutes);

        // base64("grafana:pa55-w0rd-7e2a")
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("grafana:" + Password));
        Assert.Equal(expected, Assert.Single(server.Requests).Headers["Authorization"]);
        Assert.Equal(CollectionErrorKind.Unauthorized, Assert.Single(result.Errors).Kind);
        AssertNowhere(Password, result, logs);
        AssertNowhere(expected["Basic ".Length..], result, logs);
    }

    [Fact]
    public async Task Without_credentials_no_authorization_header_is_sent()
    {
        await using var server = new LoopbackHttpServer(EmptyMatrix);
        var collector = Create(server.Address, Only("x"));

        await collector.CollectAsync(FiveMinutes);

        Assert.False(Assert.Single(server.Requests).Headers.ContainsKey("Authorization"));
    }

    private static void AssertNowhere(string secret, CollectionResult result, FakeLogCollector logs)
    {
        Assert.NotEmpty(logs.GetSnapshot());
        foreach (var record in logs.GetSnapshot())
        {
            Assert.DoesNotContain(secret, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, string.Join(" ", record.StructuredState?.Select(static s => s.Value) ?? []), StringComparison.Ordinal);
        }

        Assert.All(result.Errors, e => Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal));
    }
}
