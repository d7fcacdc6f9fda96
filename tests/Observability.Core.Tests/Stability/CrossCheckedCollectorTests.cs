namespace Observability.Core.Tests.Stability;

public sealed class CrossCheckedCollectorTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly CollectionWindow Window = CollectionWindow.Ending(At.AddMinutes(1), TimeSpan.FromMinutes(30));

    [Fact]
    public async Task CollectCheckedAsync_WithinTolerance_AgreesAndUsesThePrimary()
    {
        var chain = Chain(Source("prometheus", 300, 1000), Source("file", 315, 1010));

        var result = await chain.CollectCheckedAsync(Window);

        // latency: |300 - 315| = 15 <= 5 % x 315 = 15.75; requests: |1000 - 1010| = 10 <= absolute 10 (exactly at the tolerance agrees).
        Assert.True(result.Agreed);
        Assert.Equal("prometheus", result.UsedSource);
        Assert.Equal("file", result.CheckedAgainst);
        Assert.Equal(2, result.MetricsCompared);
        Assert.Equal(CollectionStatus.Success, result.Result.Status);
        Assert.Equal("chain", result.Result.CollectorName);
        Assert.Equal(300, result.Result.Snapshots[0].GetValue(WellKnownMetrics.LatencyP99));
    }

    [Fact]
    public async Task CollectCheckedAsync_OutsideTolerance_ReportsBothValuesAndTrustsThePrimary()
    {
        var chain = Chain(Source("prometheus", 300, 1000), Source("file", 400, 1011));

        var result = await chain.CollectCheckedAsync(Window);

        Assert.False(result.Agreed);
        Assert.Equal(2, result.Discrepancies.Count);
        var latency = result.Discrepancies.Single(d => d.Metric == WellKnownMetrics.LatencyP99);
        Assert.Equal("prometheus", latency.TrustedSource);
        Assert.Equal(300, latency.TrustedValue);
        Assert.Equal("file", latency.OtherSource);
        Assert.Equal(400, latency.OtherValue);
        Assert.Equal(100, latency.Difference);
        Assert.Equal(20, latency.Allowed, 9); // 5 % x max(300, 400)
        Assert.Contains("prometheus (higher priority) is trusted", latency.Message, StringComparison.Ordinal);
        var requests = result.Discrepancies.Single(d => d.Metric == WellKnownMetrics.RequestCount);
        Assert.Equal(11, requests.Difference); // 1 over the absolute 10
        Assert.Equal(300, result.Result.Snapshots[0].GetValue(WellKnownMetrics.LatencyP99));
    }

    [Fact]
    public async Task CollectCheckedAsync_PrimaryThrows_FallsBackAndSaysSo()
    {
        var broken = new DelegateCollector("prometheus", (_, _) => throw new HttpRequestException("refused"));
        var chain = Chain(broken, Source("file", 300, 1000));

        var result = await chain.CollectCheckedAsync(Window);

        Assert.Equal("file", result.UsedSource);
        Assert.Null(result.CheckedAgainst);
        Assert.Equal(CollectionStatus.Partial, result.Result.Status);
        var error = Assert.Single(result.Result.Errors);
        Assert.StartsWith("prometheus (fell back to file): the collector threw HttpRequestException: refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Attempts.Count);
    }

    [Fact]
    public async Task CollectCheckedAsync_ExceptionCarriesASecret_SecretIsRedacted()
    {
        var leaky = new DelegateCollector("prometheus", (_, _) => throw new InvalidOperationException("401 for api_key=s3cr3t-value-0001"));

        var result = await Chain(leaky).CollectCheckedAsync(Window);

        var message = Assert.Single(result.Result.Errors).Message;
        Assert.Contains("InvalidOperationException", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectCheckedAsync_NoSourceHasData_Fails()
    {
        var a = new DelegateCollector("a", (_, _) => CollectionResult.Failed("a", new CollectionError(CollectionErrorKind.Timeout, "slow")));
        var b = new DelegateCollector("b", (_, _) => CollectionResult.Failed("b", new CollectionError(CollectionErrorKind.Unreachable, "gone")));

        var result = await Chain(a, b).CollectCheckedAsync(Window);

        Assert.Null(result.UsedSource);
        Assert.Equal(CollectionStatus.Failed, result.Result.Status);
        Assert.Equal("a: slow; b: gone", Assert.Single(result.Result.Errors).Message);
    }

    [Fact]
    public async Task CollectAsync_CrossCheckOff_AsksOnlyUntilTheFirstSourceWithData()
    {
        var second = new ScriptedSpy("file");
        var chain = new CrossCheckedCollector("chain", [Source("prometheus", 300, 1000), second], new CrossCheckOptions { CrossCheck = false });

        var result = await chain.CollectAsync(Window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public void Constructor_BadInput_ThrowsNamingTheProblem()
    {
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => new CrossCheckedCollector("c", [])).ParamName);
        var duplicate = Assert.Throws<ArgumentException>(() => new CrossCheckedCollector("c", [Source("a", 1, 1), Source("a", 1, 1)]));
        Assert.Contains("Two sources are named 'a'", duplicate.Message, StringComparison.Ordinal);
        var options = new CrossCheckOptions();
        options.Metrics["latency_p99_ms"] = new MetricTolerance(-0.1);
        var negative = Assert.Throws<ArgumentException>(() => new CrossCheckedCollector("c", [Source("a", 1, 1)], options));
        Assert.Contains("CrossCheckOptions.Metrics['latency_p99_ms']", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StabilityMonitor_WithChain_RecordsDiscrepanciesPerDay()
    {
        using var run = new StabilityTestRun();
        var primary = new DelegateCollector("prometheus", (_, w) => CollectionResult.Success("prometheus", [StabilityTestRun.Healthy(StabilityTestRun.TickOf(w), 300)]));
        var secondary = new DelegateCollector("file", (call, w) => CollectionResult.Success("file", [StabilityTestRun.Healthy(StabilityTestRun.TickOf(w), call == 2 ? 400 : 300)]));
        var chain = new CrossCheckedCollector("chain", [primary, secondary]);

        var result = await run.RunAsync(chain, run.Options(o => o.Duration = TimeSpan.FromHours(24)));

        var discrepancy = Assert.Single(result.Discrepancies);
        Assert.Equal(WellKnownMetrics.LatencyP99, discrepancy.Metric);
        Assert.Equal(1, result.Days[0].Discrepancies);
        var finding = Assert.Single(result.Findings, f => f.Rule == "cross_check_discrepancy");
        Assert.Equal(300, finding.Observed);
        Assert.Contains(result.Days[0].Summary.Completeness.Warnings, w => w.StartsWith("1 cross-check discrepancy", StringComparison.Ordinal));
    }

    private static CrossCheckedCollector Chain(params ICollector[] sources)
    {
        var options = new CrossCheckOptions();
        options.Metrics[WellKnownMetrics.RequestCount] = new MetricTolerance(0, 10);
        return new CrossCheckedCollector("chain", sources, options);
    }

    private static DelegateCollector Source(string name, double p99, double requests)
        => new(name, (_, _) => CollectionResult.Success(name, [new MetricSnapshot(At, name, new Dictionary<string, double>
        {
            [WellKnownMetrics.LatencyP99] = p99,
            [WellKnownMetrics.RequestCount] = requests,
        })]));

    private sealed class ScriptedSpy(string name) : ICollector
    {
        public int Calls { get; private set; }

        public string Name { get; } = name;

        public Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(CollectionResult.NoData(Name, "spy"));
        }
    }
}
