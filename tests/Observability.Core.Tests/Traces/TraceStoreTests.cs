using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Core.Tests.Traces;

public sealed class TraceStoreTests
{
    private static readonly DateTimeOffset Start = new(2025, 10, 16, 18, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("abc123de-456f-789g-hij0", "abc123de")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f35")]
    [InlineData("short", "short")]
    [InlineData("", "unknown")]
    [InlineData("   ", "unknown")]
    [InlineData(null, "unknown")]
    public void Fingerprint_FirstEightCharacters_UnknownWhenNone(string? traceId, string expected)
        => Assert.Equal(expected, TraceFingerprint.Of(traceId));

    [Fact]
    public void Defaults_AreTheSpecs()
    {
        var options = new TraceOptions();

        Assert.Equal(100, options.PerUserCapacity);
        Assert.Equal(1000, options.Capacity);
        Assert.False(options.EnableDebugCommand);
    }

    [Fact]
    public void Add_MoreThanPerUserCapacity_KeepsTheNewestHundredOfThatUser()
    {
        var store = new TraceStore();
        for (var i = 0; i < 150; i++)
        {
            store.Add(Trace("alice", i));
        }

        store.Add(Trace("bob", 0));

        var alice = store.GetRecent("alice");
        Assert.Equal(100, alice.Count);
        Assert.Equal("cmd-149", alice[0].Command);
        Assert.Equal("cmd-50", alice[^1].Command);
        Assert.Equal("cmd-149", store.GetLast("alice")!.Command);
        Assert.Equal("bob", store.GetLast()!.UserId);
        Assert.Single(store.GetRecent("bob"));
    }

    [Fact]
    public void Add_MoreThanCapacityOverManyUsers_KeepsTheNewestThousand_AndForgetsEmptyUsers()
    {
        var store = new TraceStore();
        for (var i = 0; i < 5000; i++)
        {
            store.Add(Trace($"user-{i}", i)); // one trace per user: the users themselves must not pile up
        }

        Assert.Equal(1000, store.Count);
        Assert.Null(store.GetLast("user-0"));
        Assert.Empty(store.GetRecent("user-3999"));
        Assert.NotNull(store.GetLast("user-4000"));
        Assert.Equal("cmd-4999", store.GetLast()!.Command);
    }

    [Fact]
    public void Add_SmallConfiguredBounds_AreHonoured()
    {
        var store = new TraceStore(new TraceOptions { PerUserCapacity = 2, Capacity = 3 });
        store.Add(Trace("a", 1));
        store.Add(Trace("a", 2));
        store.Add(Trace("a", 3));
        store.Add(Trace("b", 4));
        store.Add(Trace(null, 5));

        Assert.Equal(3, store.Count);
        Assert.Equal(["cmd-3"], store.GetRecent("a").Select(t => t.Command));
        Assert.Equal("cmd-5", store.GetLast(null, serviceOnly: true)!.Command);
        Assert.Equal(["cmd-5", "cmd-4", "cmd-3"], store.GetRecent().Select(t => t.Command));
    }

    [Fact]
    public void Add_TracesDroppedFromAUsersRing_LeaveTheStore_SoOtherUsersKeepTheirPlaces()
    {
        var store = new TraceStore(new TraceOptions { PerUserCapacity = 2, Capacity = 4 });
        store.Add(Trace("bob", 0));
        store.Add(Trace("carol", 1));
        for (var i = 2; i < 50; i++)
        {
            store.Add(Trace("alice", i)); // a chatty user: only her last two stay, and only they take places
        }

        Assert.Equal(4, store.Count);
        Assert.Equal(["cmd-49", "cmd-48", "cmd-1", "cmd-0"], store.GetRecent().Select(t => t.Command));
        Assert.Equal("cmd-0", store.GetLast("bob")!.Command);
        Assert.Equal("cmd-1", store.GetLast("carol")!.Command);
        Assert.Equal("cmd-49", store.GetLast("alice")!.Command);
    }

    [Fact]
    public void Constructor_BoundsBelowOne_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TraceStore(new TraceOptions { PerUserCapacity = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TraceStore(new TraceOptions { Capacity = 0 }));
    }

    [Fact]
    public void AddObservability_TraceBoundsBelowOne_FailAtStartNamingBoth()
    {
        var services = new ServiceCollection();
        services.AddObservability(o =>
        {
            o.ServiceName = "bot";
            o.Traces.Capacity = 0;
            o.Traces.PerUserCapacity = -1;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value);

        Assert.Contains("Observability:Traces:Capacity must be at least 1 (was 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Observability:Traces:PerUserCapacity must be at least 1 (was -1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_FromManyThreadsAtOnce_StaysBoundedAndConsistent()
    {
        var store = new TraceStore();
        const int Threads = 8;
        const int PerThread = 5000;
        using var start = new ManualResetEventSlim();
        var readers = 0L;
        var tasks = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < PerThread; i++)
            {
                store.Add(Trace($"user-{(t * PerThread + i) % 37}", t * PerThread + i));
                if (i % 100 == 0)
                {
                    // Readers run during the writes: every view is bounded and holds only its user's traces.
                    var user = $"user-{i % 37}";
                    var mine = store.GetRecent(user);
                    Assert.True(mine.Count <= 100);
                    Assert.All(mine, x => Assert.Equal(user, x.UserId));
                    Assert.True(store.Count <= 1000);
                    Interlocked.Increment(ref readers);
                }
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(tasks);

        Assert.Equal(1000, store.Count);
        Assert.Equal(1000, store.GetRecent().Count);
        var perUser = Enumerable.Range(0, 37).Select(u => store.GetRecent($"user-{u}")).ToArray();
        Assert.All(perUser, list => Assert.InRange(list.Count, 1, 100));
        Assert.Equal(1000, perUser.Sum(static l => l.Count)); // 1,000 over 37 users is under 100 each: every kept trace is in its user's ring
        Assert.Equal(Threads * PerThread / 100, Interlocked.Read(ref readers));
    }

    private static ExecutionTrace Trace(string? user, int i) => new()
    {
        TraceId = i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
        Command = $"cmd-{i}",
        UserId = user,
        StartedAt = Start.AddSeconds(i),
        Duration = TimeSpan.FromMilliseconds(10),
        Steps = [],
    };
}
