namespace Observability.Core.Tests.Stability;

/// <summary>Every answering source is compared with the highest-priority answering one, not only the first two.</summary>
public sealed class CrossCheckedCollectorSourcesTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly CollectionWindow Window = CollectionWindow.Ending(At.AddMinutes(1), TimeSpan.FromMinutes(30));

    [Fact]
    public async Task ThreeSources_TheThirdDisagrees_IsReportedAgainstThePrimary()
    {
        var chain = Chain(Source("prometheus", 300, 1000), Source("ci", 315, 1010), Source("file", 400, 1000));

        var result = await chain.CollectCheckedAsync(Window);

        Assert.Equal("prometheus", result.UsedSource);
        Assert.Equal("ci", result.CheckedAgainst);
        Assert.Equal(["ci", "file"], result.ComparedSources);
        Assert.Equal(4, result.MetricsCompared); // 2 metrics x 2 compared sources
        Assert.False(result.Agreed);
        // ci: |300 - 315| = 15 <= 5 % x 315 = 15.75 and |1000 - 1010| = 10 <= 10 absolute: agrees.
        // file: |300 - 400| = 100 > 5 % x 400 = 20: one discrepancy; requests 1000 = 1000.
        var d = Assert.Single(result.Discrepancies);
        Assert.Equal((WellKnownMetrics.LatencyP99, "prometheus", 300.0, "file", 400.0, 100.0), (d.Metric, d.TrustedSource, d.TrustedValue, d.OtherSource, d.OtherValue, d.Difference));
        Assert.Equal(20, d.Allowed, 9);
        Assert.Equal(new MetricTolerance(0.05), d.Tolerance);
        Assert.Equal(
            "latency_p99_ms: prometheus reports 300, file reports 400; the difference 100 exceeds the 20 allowed (tolerance 0.05 relative, 0 absolute). prometheus (higher priority) is trusted.",
            d.Message);
        // The primary's values are served, and the discrepancy travels with the result as a warning.
        Assert.Equal(CollectionStatus.Success, result.Result.Status);
        Assert.Equal(300, result.Result.Snapshots[0].GetValue(WellKnownMetrics.LatencyP99));
        Assert.Equal([d.Message], result.Result.Warnings);
    }

    [Fact]
    public async Task EverySourceThatDisagrees_GetsItsOwnDiscrepancy_InPriorityOrderThenByMetric()
    {
        var chain = Chain(Source("prometheus", 300, 1000), Source("ci", 200, 1011), Source("file", 400, 1000), Source("synthetic", 300, 1000));

        var result = await chain.CollectCheckedAsync(Window);

        // ci: p99 |300 - 200| = 100 > 5 % x 300 = 15; requests |1000 - 1011| = 11 > 10. file: p99 100 > 20. synthetic agrees.
        Assert.Equal(
            [
                ("ci", WellKnownMetrics.LatencyP99, 200.0, 15.0),
                ("ci", WellKnownMetrics.RequestCount, 1011.0, 10.0),
                ("file", WellKnownMetrics.LatencyP99, 400.0, 20.0),
            ],
            result.Discrepancies.Select(d => (d.OtherSource, d.Metric, d.OtherValue, Math.Round(d.Allowed, 9))));
        Assert.All(result.Discrepancies, d => Assert.Equal("prometheus", d.TrustedSource));
        Assert.Equal(new MetricTolerance(0, 10), result.Discrepancies[1].Tolerance); // the metric's own tolerance
        Assert.Contains("(tolerance 0 relative, 10 absolute)", result.Discrepancies[1].Message, StringComparison.Ordinal);
        Assert.Equal(["ci", "file", "synthetic"], result.ComparedSources);
        Assert.Equal(6, result.MetricsCompared); // 2 metrics x 3 sources
        Assert.Equal(3, result.Result.Warnings.Count);
    }

    [Fact]
    public async Task AbsoluteToleranceExactlyMet_Agrees_AndHalfAUnitMore_Disagrees()
    {
        // requests: |1000 - 1010| = 10 = the absolute 10 -> agrees; |1000 - 1010.5| = 10.5 > 10 -> disagrees.
        var chain = Chain(Source("prometheus", 300, 1000), Source("ci", 300, 1010), Source("file", 300, 1010.5));

        var result = await chain.CollectCheckedAsync(Window);

        var d = Assert.Single(result.Discrepancies);
        Assert.Equal(("file", WellKnownMetrics.RequestCount, 10.5, 10.0), (d.OtherSource, d.Metric, d.Difference, d.Allowed));
    }

    [Fact]
    public async Task PrimaryFails_TheNextAnsweringSourceIsTrusted_AndEveryLaterOneIsCheckedAgainstIt()
    {
        var down = new DelegateCollector("prometheus", (_, _) => CollectionResult.Failed("prometheus", new CollectionError(CollectionErrorKind.Unreachable, "refused")));
        var chain = Chain(down, Source("ci", 300, 1000), Source("file", 330, 1000), Source("synthetic", 300, 1000));

        var result = await chain.CollectCheckedAsync(Window);

        Assert.Equal("ci", result.UsedSource);
        Assert.Equal(["file", "synthetic"], result.ComparedSources);
        // file: |300 - 330| = 30 > 5 % x 330 = 16.5.
        var d = Assert.Single(result.Discrepancies);
        Assert.Equal(("ci", "file", 30.0), (d.TrustedSource, d.OtherSource, d.Difference));
        Assert.Equal(CollectionStatus.Partial, result.Result.Status);
        Assert.Equal("prometheus (fell back to ci): refused", Assert.Single(result.Result.Errors).Message);
        Assert.Equal(4, result.Attempts.Count);
    }

    [Fact]
    public async Task SourcesWithoutData_AreSkipped_AndDoNotCountAsCompared()
    {
        var empty = new DelegateCollector("ci", (_, _) => CollectionResult.NoData("ci", "nothing in the window"));
        var chain = Chain(Source("prometheus", 300, 1000), empty, Source("file", 300, 1000));

        var result = await chain.CollectCheckedAsync(Window);

        Assert.True(result.Agreed);
        Assert.Equal(["file"], result.ComparedSources);
        Assert.Equal("file", result.CheckedAgainst);
        Assert.Equal(2, result.MetricsCompared);
        Assert.Equal(CollectionStatus.Success, result.Result.Status); // a lower source's gap does not degrade the result
        Assert.Empty(result.Result.Warnings);
        Assert.Equal(3, result.Attempts.Count);
    }

    [Fact]
    public async Task UsedSourcesWarnings_AreKeptPrefixedWithItsName_BeforeTheDiscrepancies()
    {
        var warned = new DelegateCollector("prometheus", (_, _) => Result("prometheus", 300, 1000).WithWarnings(["query 'p99': PromQL info: metric might not be a counter"]));
        var chain = Chain(warned, Source("file", 400, 1000));

        var result = await chain.CollectCheckedAsync(Window);

        Assert.Equal(2, result.Result.Warnings.Count);
        Assert.Equal("prometheus: query 'p99': PromQL info: metric might not be a counter", result.Result.Warnings[0]);
        Assert.StartsWith("latency_p99_ms: prometheus reports 300, file reports 400", result.Result.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSourceHasData_TheSourcesWarningsAreKeptOnTheFailure()
    {
        var a = new DelegateCollector("prometheus", (_, _) => CollectionResult.NoData("prometheus", "empty").WithWarnings(["query 'p99': store eu-1 did not answer"]));
        var b = new DelegateCollector("file", (_, _) => CollectionResult.NoData("file", "no rows"));

        var result = await Chain(a, b).CollectCheckedAsync(Window);

        Assert.Equal(CollectionStatus.NoData, result.Result.Status);
        Assert.Equal(["prometheus: query 'p99': store eu-1 did not answer"], result.Result.Warnings);
        Assert.Empty(result.ComparedSources);
    }

    [Fact]
    public async Task CrossCheckOn_AsksEverySource_Off_StopsAtTheFirstWithData()
    {
        var calls = new int[3];
        ICollector[] Sources() =>
        [
            new DelegateCollector("a", (_, _) => { calls[0]++; return Result("a", 300, 1000); }),
            new DelegateCollector("b", (_, _) => { calls[1]++; return Result("b", 300, 1000); }),
            new DelegateCollector("c", (_, _) => { calls[2]++; return Result("c", 300, 1000); }),
        ];

        await new CrossCheckedCollector("chain", Sources()).CollectAsync(Window);
        Assert.Equal([1, 1, 1], calls);

        await new CrossCheckedCollector("chain", Sources(), new CrossCheckOptions { CrossCheck = false }).CollectAsync(Window);
        Assert.Equal([2, 1, 1], calls);
    }

    [Fact]
    public async Task CrossChecking_AsksTheSourcesSideBySide_AndStillTrustsThePriorityOrder()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = 0;
        var bothAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ICollector Gated(string name, double p99) => new GatedCollector(name, async ct =>
        {
            if (Interlocked.Increment(ref entered) == 2)
            {
                bothAsked.SetResult();
            }

            await release.Task.WaitAsync(ct);
            return Result(name, p99, 1000);
        });
        var chain = Chain(Gated("prometheus", 300), Gated("ci", 305));

        var collecting = chain.CollectCheckedAsync(Window);
        await bothAsked.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the second was asked while the first still waited
        release.SetResult();
        var result = await collecting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("prometheus", result.UsedSource);
        Assert.Equal(["ci"], result.ComparedSources);
    }

    private sealed class GatedCollector(string name, Func<CancellationToken, Task<CollectionResult>> answer) : ICollector
    {
        public string Name => name;

        public Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default) => answer(cancellationToken);
    }

    private static CrossCheckedCollector Chain(params ICollector[] sources)
    {
        var options = new CrossCheckOptions();
        options.Metrics[WellKnownMetrics.RequestCount] = new MetricTolerance(0, 10);
        return new CrossCheckedCollector("chain", sources, options);
    }

    private static DelegateCollector Source(string name, double p99, double requests)
        => new(name, (_, _) => Result(name, p99, requests));

    private static CollectionResult Result(string name, double p99, double requests)
        => CollectionResult.Success(name, [new MetricSnapshot(At, name, new Dictionary<string, double>
        {
            [WellKnownMetrics.LatencyP99] = p99,
            [WellKnownMetrics.RequestCount] = requests,
        })]);
}
