namespace Observability.Testing.Tests;

public sealed class ScriptedCollectorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CollectAsync_AddedSnapshots_ServesOnlyThoseInTheHalfOpenWindow()
    {
        var collector = new ScriptedCollector().Add(
            TestSnapshots.Service(T0.AddMinutes(-1)),
            TestSnapshots.Service(T0),
            TestSnapshots.Service(T0.AddMinutes(30)),
            TestSnapshots.Service(T0.AddHours(1)));

        var result = await collector.CollectAsync(new CollectionWindow(T0, T0.AddHours(1)));

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal([T0, T0.AddMinutes(30)], result.Snapshots.Select(static s => s.Timestamp));
        Assert.Equal("scripted", result.CollectorName);
    }

    [Fact]
    public async Task CollectAsync_NothingInWindow_ReturnsNoData()
    {
        var collector = new ScriptedCollector().Add(TestSnapshots.Service(T0.AddDays(-2)));

        var result = await collector.CollectAsync(new CollectionWindow(T0, T0.AddHours(1)));

        Assert.Equal(CollectionStatus.NoData, result.Status);
    }

    [Fact]
    public async Task CollectAsync_ScriptedResults_AreServedFirstInOrderThenData()
    {
        var first = CollectionResult.Failed("scripted", new CollectionError(CollectionErrorKind.Timeout, "slow"));
        var second = CollectionResult.NoData("scripted", "quiet");
        var collector = new ScriptedCollector()
            .Add(TestSnapshots.Service(T0))
            .EnqueueResult(first)
            .EnqueueResult(second);
        var window = new CollectionWindow(T0, T0.AddHours(1));

        var results = new[]
        {
            await collector.CollectAsync(window),
            await collector.CollectAsync(window),
            await collector.CollectAsync(window),
        };

        Assert.Same(first, results[0]);
        Assert.Same(second, results[1]);
        Assert.Equal(CollectionStatus.Success, results[2].Status);
        Assert.Single(results[2].Snapshots);
    }

    [Fact]
    public async Task CollectAsync_ScriptedException_IsThrownOnceAndRequestRecorded()
    {
        var exception = new InvalidOperationException("collector broke");
        var collector = new ScriptedCollector().EnqueueException(exception);
        var window = new CollectionWindow(T0, T0.AddHours(1));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => collector.CollectAsync(window));
        var next = await collector.CollectAsync(window);

        Assert.Same(exception, thrown);
        Assert.Equal(CollectionStatus.NoData, next.Status);
        Assert.Equal([window, window], collector.Requests);
    }

    [Fact]
    public async Task CollectAsync_Requests_AreRecordedInOrder()
    {
        var collector = new ScriptedCollector("primary");
        var first = new CollectionWindow(T0, T0.AddHours(1));
        var second = new CollectionWindow(T0.AddHours(1), T0.AddHours(2));

        await collector.CollectAsync(first);
        await collector.CollectAsync(second);

        Assert.Equal([first, second], collector.Requests);
        Assert.Equal("primary", collector.Name);
    }

    [Fact]
    public async Task CollectAsync_CancelledToken_ThrowsAndRecordsNothing()
    {
        var collector = new ScriptedCollector().EnqueueResult(CollectionResult.NoData("scripted", "quiet"));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collector.CollectAsync(new CollectionWindow(T0, T0.AddHours(1)), cts.Token));

        Assert.Empty(collector.Requests);
        var result = await collector.CollectAsync(new CollectionWindow(T0, T0.AddHours(1)));
        Assert.Equal("quiet", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Members_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => new ScriptedCollector(" "));
        Assert.Throws<ArgumentNullException>(() => new ScriptedCollector().EnqueueResult(null!));
        Assert.Throws<ArgumentNullException>(() => new ScriptedCollector().EnqueueException(null!));
    }
}
