namespace Observability.Abstractions.Tests.Snapshots;

public sealed class WellKnownMetricsTests
{
    [Fact]
    public void ForRegion_NamesTheMetricAtTheRegion()
        => Assert.Equal("latency_p95_ms@eu-west-1", WellKnownMetrics.ForRegion(WellKnownMetrics.LatencyP95, "eu-west-1"));

    [Fact]
    public void TryParseRegional_RoundTripsForRegion()
    {
        Assert.True(WellKnownMetrics.TryParseRegional(WellKnownMetrics.ForRegion("latency_p95_ms", "us-east-1"), out var metric, out var region));
        Assert.Equal("latency_p95_ms", metric);
        Assert.Equal("us-east-1", region);
    }

    [Theory]
    [InlineData("latency_p95_ms")]
    [InlineData("@eu")]
    [InlineData("latency_p95_ms@")]
    public void TryParseRegional_NotARegionalName_IsFalse(string name)
    {
        Assert.False(WellKnownMetrics.TryParseRegional(name, out var metric, out var region));
        Assert.Empty(metric);
        Assert.Empty(region);
    }

    [Fact]
    public void ForRegion_BadArguments_SayWhich()
    {
        Assert.Throws<ArgumentException>(() => WellKnownMetrics.ForRegion(" ", "eu"));
        Assert.Throws<ArgumentException>(() => WellKnownMetrics.ForRegion("latency_p95_ms", ""));
        var twice = Assert.Throws<ArgumentException>(() => WellKnownMetrics.ForRegion("latency_p95_ms@eu", "us"));
        Assert.Equal("metric", twice.ParamName);
    }
}
