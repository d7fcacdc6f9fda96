using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Observability.Internal;
using Observability.Providers.Redis.Tests.Dedupe;
using Observability.Testing;
using StackExchange.Redis;

namespace Observability.Providers.Redis.Tests.State;

/// <summary>The alert state kept in a real Redis: shared by every store over it, merged per fingerprint, and an outage that the pipeline survives.</summary>
[Collection(RedisServerCollection.Name)]
public sealed class RedisAlertStateStoreTests(RedisServerFixture redis)
{
    [Fact]
    public async Task SaveAsync_TwoReplicas_EachSeesTheOthersEntriesAndRemovalsApplied()
    {
        var prefix = RedisServerFixture.UniquePrefix("state");
        await using var firstProvider = Provider(redis.Endpoint, prefix);
        await using var secondProvider = Provider(redis.Endpoint, prefix);
        var first = firstProvider.GetRequiredService<IAlertStateStore>();
        var second = secondProvider.GetRequiredService<IAlertStateStore>();

        await first.SaveAsync(new Dictionary<string, string?> { ["a"] = """{"n":1}""", ["b"] = """{"n":2}""" });
        await second.SaveAsync(new Dictionary<string, string?> { ["a"] = null, ["c"] = """{"n":3}""" });
        var seen = await first.LoadAsync();

        Assert.IsType<RedisAlertStateStore>(first);
        Assert.Equal(["b", "c"], seen.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("""{"n":3}""", seen["c"]);
        Assert.Equal(2, await redis.Database.HashLengthAsync(prefix + RedisAlertStateStore.HashName)); // one hash, one field per fingerprint
    }

    [Fact]
    public async Task LoadAsync_Unreachable_FailsNamingTheEndpointNeverThePassword()
    {
        await using var provider = Unreachable();

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await provider.GetRequiredService<IAlertStateStore>().LoadAsync());

        Assert.True(error is InvalidOperationException or TimeoutException, error.ToString());
        Assert.StartsWith("The Redis dedupe store at 127.0.0.1:1 could not read the alert state: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisServerFixture.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_RedisUnreachable_DecidesInMemoryAndLogsThatTheStateIsKeptThere()
    {
        var sink = new RecordingAlertSink("webhook");
        await using var provider = Unreachable(sink);

        var first = await provider.GetRequiredService<IAlertPublisher>().PublishAsync([RedisTestAlerts.Alert(2)]);
        var repeat = await provider.GetRequiredService<IAlertPublisher>().PublishAsync([RedisTestAlerts.Alert(2)]);

        Assert.Single(first.Raised);
        Assert.Empty(repeat.Raised); // this process's memory still deduplicates
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        var fallback = Assert.Single(logs, static l => l.Id.Id == 2040);
        Assert.Contains("keeping the alert state in this process's memory", fallback.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", fallback.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs, static l => l.Message.Contains(RedisServerFixture.Password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ShareAlertState_DecidesWhetherTheStateHashIsWritten_DedupeSharedEitherWay(bool share)
    {
        var prefix = RedisServerFixture.UniquePrefix(share ? "shared" : "own");
        await using var provider = Provider(redis.Endpoint, prefix, new RecordingAlertSink("webhook"), share);
        await using var other = Provider(redis.Endpoint, prefix, new RecordingAlertSink("webhook"), share);

        var first = await provider.GetRequiredService<IAlertPublisher>().PublishAsync([RedisTestAlerts.Alert(3)]);
        var elsewhere = await other.GetRequiredService<IAlertPublisher>().PublishAsync([RedisTestAlerts.Alert(3)]);

        Assert.Single(first.Raised);
        Assert.Empty(elsewhere.Raised); // the dedupe decision is Redis's in both modes
        Assert.Equal(share, provider.GetService<IAlertStateStore>() is RedisAlertStateStore);
        Assert.Equal(share, await redis.Database.KeyExistsAsync(prefix + RedisAlertStateStore.HashName));
    }

    private static ServiceProvider Provider(string configuration, string prefix, IAlertSink? sink = null, bool shareAlertState = true)
        => Provider(configuration, prefix, TimeSpan.FromSeconds(5), sink, shareAlertState);

    // 5 s for the real server: with 0.5 s a slow first connection on a loaded machine (CI, 2 cores) made the pipeline decide
    // in its own memory, as it should when Redis cannot be reached. The unreachable port gets 0.5 s (it fails fast anyway).
    private static ServiceProvider Unreachable(IAlertSink? sink = null)
        => Provider($"127.0.0.1:1,password={RedisServerFixture.Password}", RedisServerFixture.UniquePrefix("down"), TimeSpan.FromMilliseconds(500), sink, shareAlertState: true);

    private static ServiceProvider Provider(string configuration, string prefix, TimeSpan timeout, IAlertSink? sink, bool shareAlertState)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        var builder = services.AddObservability(o =>
            {
                o.ServiceName = "checkout";
                o.Alerts.Enabled = true;
            })
            .AddRedisDedupeStore(o =>
            {
                o.Configuration = configuration;
                o.KeyPrefix = prefix;
                o.OperationTimeout = timeout;
                o.ConnectTimeout = timeout;
                o.ShareAlertState = shareAlertState;
            });
        if (sink is not null)
        {
            builder.AddAlertSink(sink);
        }

        return services.BuildServiceProvider();
    }
}
