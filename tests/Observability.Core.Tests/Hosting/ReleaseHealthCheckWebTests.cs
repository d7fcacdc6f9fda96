using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Observability.Testing;

namespace Observability.Core.Tests.Hosting;

/// <summary>The release health check in a real WebApplication on Kestrel (127.0.0.1, a free port), queried over HTTP.</summary>
public sealed class ReleaseHealthCheckWebTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task MapHealthChecks_BeforeAnyPass_IsDegradedWith200()
    {
        await using var app = await StartAsync(new ScriptedCollector());

        var (status, body) = await GetAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        var check = body.GetProperty("checks").GetProperty("release-health");
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        Assert.Equal("none", check.GetProperty("data").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task MapHealthChecks_AfterARollbackPass_IsUnhealthyWith503AndTheReasons()
    {
        var collector = new ScriptedCollector().Add(Day(i => i >= 44 ? 0.08 : 0.0004));
        await using var app = await StartAsync(collector);
        var pass = await app.Services.GetRequiredService<IHealthMonitor>().RunOnceAsync();

        var (status, body) = await GetAsync(app);

        Assert.Equal(Decision.Rollback, pass.Verdict.Decision);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var check = body.GetProperty("checks").GetProperty("release-health");
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        var data = check.GetProperty("data");
        Assert.Equal("rollback", data.GetProperty("verdict").GetString());
        Assert.Equal("checkout", data.GetProperty("service").GetString());
        Assert.Equal(Math.Round(pass.Report.Health.Value, 1), data.GetProperty("health").GetDouble());
        Assert.Equal(pass.Report.TraceId, data.GetProperty("traceId").GetString());
        Assert.Equal(pass.Verdict.Reasons.Select(static r => r.Message), data.GetProperty("reasons").EnumerateArray().Select(static r => r.GetString()));
        Assert.Contains("error_rate_critical", data.GetProperty("rules").EnumerateArray().Select(static r => r.GetString()));
        Assert.StartsWith("checkout: rollback: ", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0004, "Healthy", "proceed")]
    [InlineData(0.03, "Degraded", "hold")]
    public async Task MapHealthChecks_AfterAPass_MapsTheVerdict(double lastErrorRate, string expected, string verdict)
    {
        // 3 % in the newest snapshot only: a warning error rate, not yet sustained: hold.
        var collector = new ScriptedCollector().Add(Day(i => i == 47 ? lastErrorRate : 0.0004));
        await using var app = await StartAsync(collector);
        await app.Services.GetRequiredService<IHealthMonitor>().RunOnceAsync();

        var (status, body) = await GetAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        var check = body.GetProperty("checks").GetProperty("release-health");
        Assert.Equal(expected, check.GetProperty("status").GetString());
        Assert.Equal(verdict, check.GetProperty("data").GetProperty("verdict").GetString());
    }

    private static async Task<WebApplication> StartAsync(ScriptedCollector collector)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ObservabilityTestHarness.DefaultStart));
        builder.Services.AddObservability(o => o.ServiceName = "checkout").AddCollector(collector);
        builder.Services.AddHealthChecks().AddObservabilityHealthCheck();
        var app = builder.Build();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync });
        await app.StartAsync();
        return app;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(new Uri(address), "/health"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    // The usual JSON writer of an app that shows its checks' data (the default one writes only the status word).
    private static Task WriteJsonAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                static e => e.Key,
                static e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
    }

    private static IReadOnlyList<MetricSnapshot> Day(Func<int, double> errorRate)
        => TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-24), Interval, 48, (i, t) => TestSnapshots.Service(t, errorRate: errorRate(i)));
}
