using Microsoft.Extensions.Time.Testing;

namespace Observability.Core.Tests.Alerts;

public sealed class InMemoryDedupeStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TryReserveAsync_FirstTime_ReturnsTrue()
    {
        var store = new InMemoryDedupeStore(_time);

        Assert.True(await store.TryReserveAsync("fp-1", Window));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task TryReserveAsync_WhileReserved_ReturnsFalse()
    {
        var store = new InMemoryDedupeStore(_time);
        await store.TryReserveAsync("fp-1", Window);

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.False(await store.TryReserveAsync("fp-1", Window));
    }

    [Fact]
    public async Task ReleaseAsync_ReservedKey_IsFreeAgainAtOnce()
    {
        var store = new InMemoryDedupeStore(_time);
        await store.TryReserveAsync("fp-1", Window);
        await store.TryReserveAsync("fp-2", Window);

        await store.ReleaseAsync("fp-1");

        Assert.True(await store.TryReserveAsync("fp-1", Window));
        Assert.False(await store.TryReserveAsync("fp-2", Window));
    }

    [Fact]
    public async Task ReleaseAsync_UnknownKeyOrBadArguments_BehavesAsDocumented()
    {
        var store = new InMemoryDedupeStore(_time);
        await store.ReleaseAsync("never-reserved"); // no-op, no throw
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ReleaseAsync(string.Empty).AsTask());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReleaseAsync("fp-1", cts.Token).AsTask());
    }

    [Fact]
    public async Task TryReserveAsync_OneTickBeforeWindowEnds_ReturnsFalse()
    {
        var store = new InMemoryDedupeStore(_time);
        await store.TryReserveAsync("fp-1", Window);

        _time.Advance(Window - TimeSpan.FromTicks(1));

        Assert.False(await store.TryReserveAsync("fp-1", Window));
    }

    [Fact]
    public async Task TryReserveAsync_ExactlyAtWindowEnd_ReturnsTrue()
    {
        // The reservation covers [reserved, reserved + window): the key is free at the boundary.
        var store = new InMemoryDedupeStore(_time);
        await store.TryReserveAsync("fp-1", Window);

        _time.Advance(Window);

        Assert.True(await store.TryReserveAsync("fp-1", Window));
    }

    [Fact]
    public async Task TryReserveAsync_AfterReReservation_StartsANewWindow()
    {
        var store = new InMemoryDedupeStore(_time);
        await store.TryReserveAsync("fp-1", Window);
        _time.Advance(Window);
        await store.TryReserveAsync("fp-1", Window);

        _time.Advance(Window - TimeSpan.FromSeconds(1));

        Assert.False(await store.TryReserveAsync("fp-1", Window));
    }

    [Fact]
    public async Task TryReserveAsync_RejectedRepeat_DoesNotExtendTheWindow()
    {
        var store = new InMemoryDedupeStore(_time);
        await store.TryReserveAsync("fp-1", Window);
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(await store.TryReserveAsync("fp-1", Window));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await store.TryReserveAsync("fp-1", Window));
    }

    [Fact]
    public async Task TryReserveAsync_DifferentKeys_AreIndependent()
    {
        var store = new InMemoryDedupeStore(_time);

        Assert.True(await store.TryReserveAsync("fp-1", Window));
        Assert.True(await store.TryReserveAsync("fp-2", Window));
        Assert.False(await store.TryReserveAsync("fp-1", Window));
        Assert.False(await store.TryReserveAsync("fp-2", Window));
    }

    [Fact]
    public async Task TryReserveAsync_KeysDifferingOnlyInCase_AreDistinct()
    {
        var store = new InMemoryDedupeStore(_time);

        Assert.True(await store.TryReserveAsync("abc", Window));
        Assert.True(await store.TryReserveAsync("ABC", Window));
    }

    [Fact]
    public async Task TryReserveAsync_PerKeyWindows_ExpireIndependently()
    {
        var store = new InMemoryDedupeStore(_time);
        await store.TryReserveAsync("short", TimeSpan.FromMinutes(1));
        await store.TryReserveAsync("long", TimeSpan.FromMinutes(10));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await store.TryReserveAsync("short", Window));
        Assert.False(await store.TryReserveAsync("long", Window));
    }

    [Fact]
    public async Task TryReserveAsync_InvalidKey_Throws()
    {
        var store = new InMemoryDedupeStore(_time);

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.TryReserveAsync(null!, Window));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.TryReserveAsync(string.Empty, Window));
        Assert.Equal(0, store.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task TryReserveAsync_NonPositiveWindow_Throws(int seconds)
    {
        var store = new InMemoryDedupeStore(_time);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.TryReserveAsync("fp-1", TimeSpan.FromSeconds(seconds)));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task TryReserveAsync_PreCancelledToken_ThrowsAndReservesNothing()
    {
        var store = new InMemoryDedupeStore(_time);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TryReserveAsync("fp-1", Window, cts.Token));
        Assert.True(await store.TryReserveAsync("fp-1", Window));
    }

    [Fact]
    public async Task TryReserveAsync_MaximumWindow_ReservesWithoutOverflow()
    {
        // A positive window passes the guard, so "never repeat" (TimeSpan.MaxValue) must work too.
        var store = new InMemoryDedupeStore(_time);

        Assert.True(await store.TryReserveAsync("fp-1", TimeSpan.MaxValue));
        _time.Advance(TimeSpan.FromDays(365));
        Assert.False(await store.TryReserveAsync("fp-1", TimeSpan.MaxValue));
    }

    [Fact]
    public void Constructor_NullTimeProvider_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new InMemoryDedupeStore(null!));
    }

    [Fact]
    public async Task TryReserveAsync_ManyKeys_PrunesExpiredAndKeepsLiveReservations()
    {
        var store = new InMemoryDedupeStore(_time);
        for (var i = 0; i < 1100; i++)
        {
            Assert.True(await store.TryReserveAsync($"old-{i}", TimeSpan.FromMinutes(1)));
        }

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await store.TryReserveAsync("young", Window));
        Assert.False(await store.TryReserveAsync("old-7", Window));
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await store.TryReserveAsync("trigger", Window));

        Assert.Equal(2, store.Count); // the 1100 expired reservations were pruned
        Assert.False(await store.TryReserveAsync("young", Window));
        Assert.False(await store.TryReserveAsync("trigger", Window));
        Assert.True(await store.TryReserveAsync("old-7", Window));
        Assert.False(await store.TryReserveAsync("old-7", Window));
    }

    [Fact]
    public async Task ExpiredReservations_AreSweptTogether_AtMostOncePerEighthOfTheShortestWindow()
    {
        var store = new InMemoryDedupeStore(_time);
        var window = TimeSpan.FromSeconds(80); // sweeps at most every 10 s
        Assert.True(await store.TryReserveAsync("a", window));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await store.TryReserveAsync("b", window));

        _time.Advance(TimeSpan.FromSeconds(75)); // "a" has expired: the first sweep
        Assert.True(await store.TryReserveAsync("c", window));
        Assert.Equal(2, store.Count);

        _time.Advance(TimeSpan.FromSeconds(6)); // "b" has expired, but the last sweep is 6 s old
        Assert.True(await store.TryReserveAsync("d", window));
        Assert.Equal(3, store.Count);
        Assert.True(await store.TryReserveAsync("b", window)); // expired is expired, swept or not
        Assert.Equal(3, store.Count);

        _time.Advance(TimeSpan.FromSeconds(80)); // everything so far has expired, and the sweep is due
        Assert.True(await store.TryReserveAsync("e", window));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task AClockSetBack_DoesNotHoldSweepsOff()
    {
        var clock = new SettableClock { Now = new DateTimeOffset(2025, 1, 6, 13, 0, 0, TimeSpan.Zero) };
        var store = new InMemoryDedupeStore(clock);
        var window = TimeSpan.FromSeconds(10);
        Assert.True(await store.TryReserveAsync("late", window));
        clock.Now += TimeSpan.FromSeconds(20);
        Assert.True(await store.TryReserveAsync("sweeps", window)); // sweeps "late" out at 13:00:20

        clock.Now -= TimeSpan.FromHours(1); // set back an hour
        Assert.True(await store.TryReserveAsync("early", window));
        clock.Now += TimeSpan.FromSeconds(20);
        Assert.True(await store.TryReserveAsync("next", window));

        Assert.Equal(2, store.Count); // "early" was swept though the last sweep is an hour "ahead"; "sweeps" (expiring then) and "next" remain
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task TryReserveAsync_ManyLiveKeys_KeepsEveryReservation()
    {
        var store = new InMemoryDedupeStore(_time);
        for (var i = 0; i < 1100; i++)
        {
            await store.TryReserveAsync($"key-{i}", Window);
        }

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await store.TryReserveAsync("key-0", Window));
        Assert.False(await store.TryReserveAsync("key-1099", Window));
        Assert.Equal(1100, store.Count);
    }

    [Fact]
    public async Task TryReserveAsync_ParallelCallersOnOneKey_ExactlyOneWins()
    {
        for (var round = 0; round < 20; round++)
        {
            var store = new InMemoryDedupeStore(_time);
            using var start = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, 16)
                .Select(_ => Task.Run(async () =>
                {
                    start.Wait();
                    return await store.TryReserveAsync("shared", Window);
                }))
                .ToArray();

            start.Set();
            var results = await Task.WhenAll(tasks);

            Assert.Equal(1, results.Count(static r => r));
        }
    }

    [Fact]
    public async Task TryReserveAsync_ParallelCallersAfterExpiry_ExactlyOneWins()
    {
        for (var round = 0; round < 20; round++)
        {
            var store = new InMemoryDedupeStore(_time);
            await store.TryReserveAsync("shared", Window);
            _time.Advance(Window);
            using var start = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, 16)
                .Select(_ => Task.Run(async () =>
                {
                    start.Wait();
                    return await store.TryReserveAsync("shared", Window);
                }))
                .ToArray();

            start.Set();
            var results = await Task.WhenAll(tasks);

            Assert.Equal(1, results.Count(static r => r));
        }
    }

    [Fact]
    public async Task FingerprintKeys_AreHeldAsDigests_AndBehaveAsTheirText()
    {
        var store = new InMemoryDedupeStore(_time);
        var fingerprint = new AlertFingerprinter(new AlertingOptions()).Compute(new Alert { Rule = "r", Severity = AlertSeverity.Critical, Title = "t" });
        var other = string.Concat(fingerprint[..^1], fingerprint[^1] == '0' ? "1" : "0"); // the last hex digit differs

        Assert.True(await store.TryReserveAsync(fingerprint, Window));
        Assert.False(await store.TryReserveAsync(fingerprint, Window));
        Assert.True(await store.TryReserveAsync(other, Window)); // another digest
        Assert.True(await store.TryReserveAsync("resolved:" + fingerprint, Window)); // the resolved key is its own
        Assert.False(await store.TryReserveAsync("resolved:" + fingerprint, Window));
        Assert.True(await store.TryReserveAsync(fingerprint.ToUpperInvariant(), Window)); // upper-case hex is other text, as before
        Assert.Equal(4, store.Count);

        await store.ReleaseAsync(fingerprint);
        Assert.True(await store.TryReserveAsync(fingerprint, Window));
        Assert.False(await store.TryReserveAsync("resolved:" + fingerprint, Window)); // releasing one kept the other
    }

    [Fact]
    public async Task FingerprintKeys_ExpireThroughTheQueue_AndARenewalSurvivesItsOldExpiry()
    {
        var store = new InMemoryDedupeStore(_time);
        var keys = Enumerable.Range(0, 100).Select(static i => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))).ToArray();
        foreach (var key in keys)
        {
            Assert.True(await store.TryReserveAsync(key, Window));
        }

        _time.Advance(Window);
        Assert.True(await store.TryReserveAsync(keys[0], TimeSpan.FromHours(1))); // expired: taken again, for longer
        Assert.Equal(1, store.Count); // the other 99 left through the expiry queue
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.True(await store.TryReserveAsync("x", Window));
        Assert.False(await store.TryReserveAsync(keys[0], Window)); // its first expiry did not remove the renewal
    }
}
