namespace Observability.Core.Tests.Slo;

public sealed class SloDefinitionTests
{
    [Fact]
    public void Availability_Defaults_ThirtyDaysAndObjectiveAsThreshold()
    {
        var slo = SloDefinition.Availability("checkout", 0.999);

        Assert.Equal(SloKind.Availability, slo.Kind);
        Assert.Equal(TimeSpan.FromDays(30), slo.Period);
        Assert.Equal(0.999, slo.Threshold);
        Assert.Equal(0.001, slo.ErrorBudgetRatio, 12);
        Assert.Null(slo.Percentile);
        Assert.Equal(WellKnownMetrics.Availability, slo.Metric);
    }

    [Fact]
    public void ErrorRate_WithoutThreshold_AllowsOneMinusObjectivePerSnapshot()
    {
        var slo = SloDefinition.ErrorRate("errors", 0.99);

        Assert.Equal(0.01, slo.Threshold, 12);
        Assert.Equal(WellKnownMetrics.ErrorRate, slo.Metric);
        Assert.Equal(0.05, SloDefinition.ErrorRate("errors", 0.99, maxErrorRate: 0.05).Threshold);
    }

    [Theory]
    [InlineData(99, "latency_p99_ms")]
    [InlineData(95, "latency_p95_ms")]
    [InlineData(99.9, "latency_p99.9_ms")]
    public void Latency_Percentile_NamesTheMetric(double percentile, string metric)
    {
        var slo = SloDefinition.Latency("api", 0.99, 500, percentile, TimeSpan.FromDays(7));

        Assert.Equal(metric, slo.Metric);
        Assert.Equal(percentile, slo.Percentile);
        Assert.Equal(500, slo.Threshold);
        Assert.Equal(TimeSpan.FromDays(7), slo.Period);
    }

    [Fact]
    public void Metric_WellKnownPercentiles_MatchTheLibraryNames()
    {
        Assert.Equal(WellKnownMetrics.LatencyP99, SloDefinition.Latency("a", 0.9, 500).Metric);
        Assert.Equal(WellKnownMetrics.LatencyP95, SloDefinition.Latency("a", 0.9, 500, 95).Metric);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Constructor_ObjectiveOutsideOpenUnitInterval_Throws(double objective)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SloDefinition.Availability("checkout", objective));

        Assert.Equal("objective", error.ParamName);
        Assert.Contains("'checkout'", error.Message, StringComparison.Ordinal);
        Assert.Contains("strictly between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LatencyWithoutThreshold_SaysItNeedsMilliseconds()
    {
        var error = Assert.Throws<ArgumentException>(() => new SloDefinition("api", SloKind.LatencyPercentile, 0.99));

        Assert.Equal("threshold", error.ParamName);
        Assert.Contains("threshold in milliseconds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.PositiveInfinity)]
    public void Latency_NonPositiveThreshold_Throws(double threshold)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SloDefinition.Latency("api", 0.99, threshold));

        Assert.Equal("threshold", error.ParamName);
        Assert.Contains("positive number of milliseconds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    [InlineData(101.0)]
    public void Latency_PercentileOutsideZeroToHundred_Throws(double percentile)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SloDefinition.Latency("api", 0.99, 500, percentile));

        Assert.Equal("percentile", error.ParamName);
        Assert.Contains("strictly between 0 and 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PercentileOnAvailability_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new SloDefinition("checkout", SloKind.Availability, 0.999, percentile: 99));

        Assert.Equal("percentile", error.ParamName);
        Assert.Contains("only applies to a LatencyPercentile SLO", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SloKind.Availability, 1.0)]
    [InlineData(SloKind.ErrorRate, 0.0)]
    [InlineData(SloKind.ErrorRate, 1.2)]
    public void Constructor_RatioThresholdOutOfRange_Throws(SloKind kind, double threshold)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SloDefinition("s", kind, 0.99, threshold));

        Assert.Equal("threshold", error.ParamName);
        Assert.Contains("threshold must be a ratio strictly between 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositivePeriod_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SloDefinition.Availability("checkout", 0.999, TimeSpan.Zero));

        Assert.Equal("period", error.ParamName);
        Assert.Contains("period must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BlankNameOrUnknownKind_Throws()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => SloDefinition.Availability(" ", 0.999)).ParamName);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SloDefinition("s", (SloKind)7, 0.999));
        Assert.Equal("kind", error.ParamName);
        Assert.Contains("unknown kind 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Latency_ReadsLikeTheObjective()
    {
        Assert.Equal("api: p99 < 500 ms in 99 % of snapshots over 30 days", SloDefinition.Latency("api", 0.99, 500).ToString());
        Assert.Equal("checkout: Availability 99.9 % over 28 days", SloDefinition.Availability("checkout", 0.999, TimeSpan.FromDays(28)).ToString());
    }
}
