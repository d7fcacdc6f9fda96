using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Providers.Discord.Tests.Support;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>
/// The reliability figures end to end: the alert pipeline (dedupe, grouping, outbox) in front of
/// the real Discord sink, against the loopback webhook that enforces Discord's limits.
/// </summary>
public sealed class DiscordPipelineReliabilityTests
{
    [Fact]
    public async Task Burst_10000AlertsOver100Fingerprints_DiscordReceives100EmbedsAndNo400()
    {
        await using var server = new DiscordWebhookServer();
        await using var provider = Build(server, TimeProvider.System);
        var publisher = provider.GetRequiredService<IAlertPublisher>();
        var alerts = Enumerable.Range(0, 10_000)
            .Select(i => TestAlerts.Alert(rule: $"rule_{i % 100}") with { Fingerprint = null, Message = $"measurement {i}", TraceId = $"{i:x32}" })
            .ToArray();

        await Task.WhenAll(alerts.Chunk(100).Select(chunk => Task.Run(() => publisher.PublishAsync(chunk))));
        using (var flush = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            Assert.True(await publisher.FlushAsync(flush.Token));
        }

        var footers = server.Accepted
            .SelectMany(static body => JsonDocument.Parse(body).RootElement.GetProperty("embeds").EnumerateArray())
            .Select(static e => e.GetProperty("footer").GetProperty("text").GetString()!)
            .ToArray();
        Assert.Equal(0, server.BadRequests);
        Assert.Equal(100, footers.Length); // one notification per fingerprint, not one more
        Assert.Equal(100, footers.Select(static f => f.Split(" · ")[1]).Distinct().Count()); // footer: source · rule · fingerprint · trace
    }

    [Fact]
    public async Task RateLimited_429WithRetryAfter_NextAttemptWaitsAtLeastThatLong()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.RateLimited(DiscordFixtures.UserRateLimit, retryAfter: 2.5));
        var time = new FakeTimeProvider(TestAlerts.At);
        await using var provider = Build(server, time);
        var publisher = provider.GetRequiredService<IAlertPublisher>();

        using var failed = new MetricCollector<long>(provider.GetRequiredService<IMeterFactory>(), "Observability", "observability.alerts.failed");

        var published = await publisher.PublishAsync([TestAlerts.Alert() with { Fingerprint = null }]);
        await WaitUntilAsync(() => server.Requests.Count == 1); // the sender's first attempt, answered 429
        await WaitUntilAsync(() => failed.GetMeasurementSnapshot().Count == 1); // the outbox settled the 429 (its retry time set) at the fake clock's current time
        time.Advance(TimeSpan.FromSeconds(2.4));
        await Task.Delay(300); // room for a wrong early retry to happen
        var before = server.Requests.Count;
        time.Advance(TimeSpan.FromSeconds(0.1));
        await WaitUntilAsync(() => server.Accepted.Count == 1);

        Assert.Equal(DeliveryStatus.Queued, Assert.Single(published.Deliveries).Status); // publishing does not wait for Discord
        Assert.Equal(1, before); // 2.4 s after the 429: no second attempt
        Assert.Equal(2, server.Requests.Count);
    }

    private static ServiceProvider Build(DiscordWebhookServer server, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddMetrics();
        services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;
            o.Alerts.Routes["discord"] = new AlertRoute { RateLimitPerMinute = 6000, RateLimitBurst = 100 };
        }).AddDiscordAlertSink(o => o.WebhookUrl = server.WebhookUrl);
        return services.BuildServiceProvider();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
