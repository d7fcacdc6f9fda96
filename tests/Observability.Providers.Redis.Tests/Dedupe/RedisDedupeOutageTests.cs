using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;
using Observability.Tests.Redis;
using StackExchange.Redis;

namespace Observability.Providers.Redis.Tests.Dedupe;

/// <summary>
/// A real Redis that the test kills and restarts: while it is down the pipeline decides in its own memory (one
/// notification per fingerprint, not one per publish), and once it is back the shared store decides again.
/// </summary>
public sealed class RedisDedupeOutageTests : IAsyncLifetime
{
    private const int Distinct = 20;
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task PublishAsync_RedisKilledThenRestarted_EachFingerprintNotifiedOnce_AndRedisUsedAgain()
    {
        var prefix = RedisServerFixture.UniquePrefix("outage");
        var alerts = Enumerable.Range(1, Distinct).Select(RedisTestAlerts.Alert).ToArray();
        var during = RedisTestAlerts.Alert(99); // first seen while Redis is down
        var (provider, publisher, sink) = Replica(prefix, "replica");
        await using (provider)
        {
            Assert.Equal(Distinct, (await publisher.PublishAsync(alerts)).Raised.Count);

            _redis.Stop();
            var raisedDuringOutage = 0;
            for (var i = 0; i < 10; i++)
            {
                raisedDuringOutage += (await publisher.PublishAsync([.. alerts, during])).Raised.Count;
            }

            Assert.Equal(1, raisedDuringOutage); // only the new fingerprint, once (not 10 x 21)

            await _redis.RestartAsync(); // empty: no persistence
            await using var inspector = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
            var server = inspector.GetServer(_redis.Endpoint);
            var raisedAfter = 0;
            var keys = 0;

            // The store's connection comes back on its own (bounded wait); until then its memory decides.
            for (var attempt = 0; attempt < 120 && keys < Distinct + 1; attempt++)
            {
                raisedAfter += (await publisher.PublishAsync([.. alerts, during])).Raised.Count;
                keys = server.Keys(pattern: prefix + "*").Count(k => k != prefix + Internal.RedisAlertStateStore.HashName); // the alert state's hash aside
                await Task.Delay(keys < Distinct + 1 ? 250 : 0);
            }

            // The shared store decides again: the publishes after the restart wrote every fingerprint back to Redis.
            Assert.Equal(Distinct + 1, keys);
            Assert.Equal(0, raisedAfter);
            using (var flush = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                Assert.True(await publisher.FlushAsync(flush.Token));
            }

            Assert.Equal(Distinct + 1, sink.Alerts.Count);
            Assert.Equal(Distinct + 1, sink.Alerts.Select(static a => a.Fingerprint).Distinct().Count());
        }

        // Another replica (its own memory empty) sends nothing: Redis holds every fingerprint. Redis is up, so it gets the
        // default timeouts: with the outage replica's 500 ms, a slow first connection on a loaded machine would make it
        // decide in its own (empty) memory, as it should when Redis cannot be reached, and send everything again.
        var (other, otherPublisher, otherSink) = Replica(prefix, "other", TimeSpan.FromSeconds(5));
        await using (other)
        {
            var rerun = await otherPublisher.PublishAsync([.. alerts, during]);
            Assert.True(await otherPublisher.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));
            Assert.Empty(rerun.Raised);
            Assert.Empty(otherSink.Alerts);
        }
    }

    private (ServiceProvider Provider, IAlertPublisher Publisher, RecordingAlertSink Sink) Replica(string prefix, string name, TimeSpan? timeout = null)
    {
        var sink = new RecordingAlertSink(name);
        var services = new ServiceCollection();
        services.AddObservability(o =>
            {
                o.ServiceName = "checkout";
                o.Alerts.Enabled = true;
                o.Alerts.Inhibitions.Clear();
                o.Alerts.Delivery.RateLimitPerMinute = 6000;
                o.Alerts.Delivery.RateLimitBurst = 1000;
            })
            .AddRedisDedupeStore(o =>
            {
                o.Configuration = _redis.Endpoint;
                o.KeyPrefix = prefix;
                o.OperationTimeout = timeout ?? TimeSpan.FromMilliseconds(500);
                o.ConnectTimeout = timeout ?? TimeSpan.FromMilliseconds(500);
            })
            .AddAlertSink(sink);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IAlertPublisher>(), sink);
    }
}
