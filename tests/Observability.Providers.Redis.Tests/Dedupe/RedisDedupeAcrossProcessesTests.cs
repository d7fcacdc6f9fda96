using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;

namespace Observability.Providers.Redis.Tests.Dedupe;

/// <summary>
/// Several replicas of a service sharing one real Redis send one notification per fingerprint per window. Each "process"
/// is a service provider of its own (own pipeline, own store with its own owner token, own connection, own sink).
/// </summary>
[Collection(RedisServerCollection.Name)]
public sealed class RedisDedupeAcrossProcessesTests(RedisServerFixture redis)
{
    private const int Distinct = 100;

    [Fact]
    public async Task ThreePipelines_SameHundredAlertsConcurrently_DeliverEachFingerprintOnce_AndASecondRunSendsNothing()
    {
        var prefix = RedisServerFixture.UniquePrefix("replicas");
        var alerts = Enumerable.Range(1, Distinct).Select(RedisTestAlerts.Alert).ToArray();
        var replicas = Enumerable.Range(1, 3).Select(i => Replica(prefix, $"replica-{i}")).ToArray();
        try
        {
            // 3 replicas x 100 alerts = 300 publishes, all in flight at once, one alert per call.
            var published = await Task.WhenAll(replicas.SelectMany(r => alerts.Select(a => Task.Run(() => r.Publisher.PublishAsync([a])))));

            // Each sink's token bucket lets 5 sends go at once; the rest of a replica's alerts wait and go
            // together with the next token (2 s later at the default 30 a minute).
            using (var flush = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                Assert.All(await Task.WhenAll(replicas.Select(r => r.Publisher.FlushAsync(flush.Token))), Assert.True);
            }

            var delivered = replicas.SelectMany(static r => r.Sink.Alerts).ToArray();
            Assert.Equal(Distinct, delivered.Length); // 300 attempts, 100 notifications
            var fingerprints = delivered.Select(static a => a.Fingerprint!).ToArray();
            Assert.Equal(Distinct, fingerprints.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(Distinct, published.Sum(static p => p.Raised.Count));
            Assert.Equal(2 * Distinct, published.Sum(static p => p.Suppressed)); // 300 - 100
            // Every replica computed the same fingerprint for the same condition: 100 keys in Redis, one per fingerprint.
            var keys = redis.Connection.GetServer(redis.Endpoint).Keys(pattern: prefix + "*").Select(static k => k.ToString())
                .Where(k => k != prefix + Internal.RedisAlertStateStore.HashName).ToArray(); // the alert state's one hash aside
            Assert.Equal(fingerprints.Select(f => prefix + f).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.Provider.DisposeAsync();
            }
        }

        // A second run of the "process" within the window (a fresh provider, a new connection) sends nothing new.
        var second = Replica(prefix, "second-run");
        await using (second.Provider)
        {
            var rerun = await second.Publisher.PublishAsync(alerts);
            Assert.True(await second.Publisher.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

            Assert.Empty(rerun.Raised);
            Assert.Equal(Distinct, rerun.Suppressed);
            Assert.Empty(second.Sink.Alerts);
        }
    }

    [Fact]
    public async Task Registration_ReplacesTheInMemoryStore()
    {
        var replica = Replica(RedisServerFixture.UniquePrefix("replace"), "one");
        await using (replica.Provider)
        {
            Assert.IsType<RedisDedupeStore>(replica.Provider.GetRequiredService<IDedupeStore>());
            Assert.Same(replica.Provider.GetRequiredService<RedisDedupeStore>(), replica.Provider.GetRequiredService<IDedupeStore>());
        }
    }

    private (ServiceProvider Provider, IAlertPublisher Publisher, RecordingAlertSink Sink) Replica(string prefix, string name)
    {
        var sink = new RecordingAlertSink(name);
        var services = new ServiceCollection();
        // Inhibition off: half the alerts are warnings of the same service and category as the criticals, which the default rule would mute.
        services.AddObservability(o => { o.ServiceName = "checkout"; o.Alerts.Enabled = true; o.Alerts.Inhibitions.Clear(); })
            .AddRedisDedupeStore(o => { o.Configuration = redis.Endpoint; o.KeyPrefix = prefix; })
            .AddAlertSink(sink);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IAlertPublisher>(), sink);
    }
}
