using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Observability.Providers.Redis.Tests.Dedupe;

/// <summary>The store against the real Redis: reservations, their expiry, release, ownership, the key prefix.</summary>
[Collection(RedisServerCollection.Name)]
public sealed class RedisDedupeStoreTests(RedisServerFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private readonly List<RedisDedupeStore> _stores = [];

    [Fact]
    public async Task TryReserveAsync_FreeKey_ReservesIt_ThenADuplicateIsRefused()
    {
        var store = Store(RedisServerFixture.UniquePrefix("dup"));

        Assert.True(await store.TryReserveAsync("fp-1", FiveMinutes));
        Assert.False(await store.TryReserveAsync("fp-1", FiveMinutes));
        Assert.True(await store.TryReserveAsync("fp-2", FiveMinutes)); // another fingerprint is independent
    }

    [Fact]
    public async Task TryReserveAsync_WritesThePrefixedKey_WithTheOwnerToken_AndAMillisecondTtlWithinTheWindow()
    {
        var prefix = RedisServerFixture.UniquePrefix("prefix");
        var store = Store(prefix);

        Assert.True(await store.TryReserveAsync("abc", FiveMinutes));

        var key = (RedisKey)(prefix + "abc");
        Assert.Equal(store.OwnerToken, (string?)await redis.Database.StringGetAsync(key));
        // PTTL in ms: 5 min = 300,000 ms; the reservation is younger than the window, so 0 < PTTL <= 300,000.
        var ttl = (long)await redis.Database.ExecuteAsync("PTTL", key);
        Assert.InRange(ttl, 1, 300_000);
        Assert.False(await redis.Database.KeyExistsAsync("abc")); // nothing written without the prefix
    }

    [Fact]
    public async Task TryReserveAsync_SubSecondWindow_IsSentAsMilliseconds()
    {
        var prefix = RedisServerFixture.UniquePrefix("px");
        var store = Store(prefix);

        Assert.True(await store.TryReserveAsync("short", TimeSpan.FromMilliseconds(1_500)));

        // 1.5 s as EX would round to 1 s or 2 s; as PX it is 1,500 ms, so the TTL left is at most 1,500 ms.
        var ttl = (long)await redis.Database.ExecuteAsync("PTTL", (RedisKey)(prefix + "short"));
        Assert.InRange(ttl, 1, 1_500);
    }

    [Fact]
    public async Task TryReserveAsync_AfterTheWindow_ReservesAgain()
    {
        var store = Store(RedisServerFixture.UniquePrefix("expiry"));
        var window = TimeSpan.FromMilliseconds(300);
        Assert.True(await store.TryReserveAsync("fp", window));
        Assert.False(await store.TryReserveAsync("fp", window));

        // Redis expires the key by itself; poll (bounded) instead of asserting how long that takes.
        var reservedAgain = false;
        var deadline = Stopwatch.StartNew();
        while (!reservedAgain && deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
            reservedAgain = await store.TryReserveAsync("fp", FiveMinutes);
        }

        Assert.True(reservedAgain, "the 300 ms reservation never expired");
    }

    [Fact]
    public async Task ReleaseAsync_OwnReservation_FreesIt()
    {
        var prefix = RedisServerFixture.UniquePrefix("release");
        var store = Store(prefix);
        Assert.True(await store.TryReserveAsync("fp", FiveMinutes));

        await store.ReleaseAsync("fp");

        Assert.False(await redis.Database.KeyExistsAsync(prefix + "fp"));
        Assert.True(await store.TryReserveAsync("fp", FiveMinutes));
    }

    [Fact]
    public async Task ReleaseAsync_AnotherReplicasReservation_LeavesItInPlace()
    {
        var prefix = RedisServerFixture.UniquePrefix("owner");
        var replicaA = Store(prefix);
        var replicaB = Store(prefix);
        Assert.True(await replicaA.TryReserveAsync("fp", FiveMinutes));
        Assert.False(await replicaB.TryReserveAsync("fp", FiveMinutes));

        await replicaB.ReleaseAsync("fp"); // B does not own the key: the compare-and-delete leaves it

        Assert.Equal(replicaA.OwnerToken, (string?)await redis.Database.StringGetAsync(prefix + "fp"));
        Assert.False(await replicaB.TryReserveAsync("fp", FiveMinutes));
        await replicaA.ReleaseAsync("fp");
        Assert.True(await replicaB.TryReserveAsync("fp", FiveMinutes));
    }

    [Fact]
    public async Task ReleaseAsync_MissingKey_DoesNothing()
    {
        var store = Store(RedisServerFixture.UniquePrefix("missing"));
        await store.ReleaseAsync("never-reserved");
        Assert.True(await store.TryReserveAsync("never-reserved", FiveMinutes));
    }

    [Fact]
    public async Task TwoStores_RacingForOneKey_ExactlyOneWins()
    {
        var prefix = RedisServerFixture.UniquePrefix("race");
        var stores = Enumerable.Range(0, 8).Select(_ => Store(prefix)).ToArray();

        var wins = await Task.WhenAll(stores.Select(s => Task.Run(async () => await s.TryReserveAsync("contended", FiveMinutes))));

        Assert.Single(wins, static w => w);
    }

    [Fact]
    public async Task ExistingConnection_IsUsed_AndNotDisposedWithTheStore()
    {
        var prefix = RedisServerFixture.UniquePrefix("existing");
        var store = new RedisDedupeStore(redis.Connection, new RedisDedupeStoreOptions { KeyPrefix = prefix }, TimeProvider.System, NullLoggerFactory.Instance);

        Assert.True(await store.TryReserveAsync("fp", FiveMinutes));
        await store.DisposeAsync();

        Assert.True(redis.Connection.IsConnected);
        Assert.True(await redis.Database.KeyExistsAsync(prefix + "fp"));
    }

    [Fact]
    public async Task Arguments_AreGuarded()
    {
        var store = Store(RedisServerFixture.UniquePrefix("guards"));
        var empty = await Assert.ThrowsAsync<ArgumentException>(async () => await store.TryReserveAsync(string.Empty, FiveMinutes));
        Assert.Equal("key", empty.ParamName);
        var zero = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.TryReserveAsync("fp", TimeSpan.Zero));
        Assert.Equal("window", zero.ParamName);
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.ReleaseAsync(null!));
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new RedisDedupeStore(null!, TimeProvider.System, NullLoggerFactory.Instance)).ParamName);
        Assert.Equal("connection", Assert.Throws<ArgumentNullException>(() => new RedisDedupeStore((IConnectionMultiplexer)null!, new RedisDedupeStoreOptions(), TimeProvider.System, NullLoggerFactory.Instance)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => new RedisDedupeStore(new RedisDedupeStoreOptions { Configuration = redis.Endpoint }, null!, NullLoggerFactory.Instance)).ParamName);
    }

    [Fact]
    public async Task TryReserveAsync_CancelledBeforehand_Throws()
    {
        var store = Store(RedisServerFixture.UniquePrefix("cancel"));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TryReserveAsync("fp", FiveMinutes, cts.Token));
    }

    [Fact]
    public async Task DisposedStore_Throws()
    {
        var store = Store(RedisServerFixture.UniquePrefix("disposed"));
        Assert.True(await store.TryReserveAsync("fp", FiveMinutes));
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.TryReserveAsync("fp2", FiveMinutes));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private RedisDedupeStore Store(string prefix)
    {
        var store = new RedisDedupeStore(new RedisDedupeStoreOptions { Configuration = redis.Endpoint, KeyPrefix = prefix }, TimeProvider.System, NullLoggerFactory.Instance);
        _stores.Add(store);
        return store;
    }
}
