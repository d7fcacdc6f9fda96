namespace Observability.Core.Tests.Detection;

public sealed class RollingSuccessRateTests
{
    [Theory]
    // successes out of 100, in one observation: the bands are [0.98, 1] healthy, [0.90, 0.98) trend degradation, below 0.90 critical.
    [InlineData(100, SuccessRateStatus.Healthy)]
    [InlineData(98, SuccessRateStatus.Healthy)]           // 0.98 exactly: healthy
    [InlineData(97, SuccessRateStatus.TrendDegradation)]  // 0.97
    [InlineData(90, SuccessRateStatus.TrendDegradation)]  // 0.90 exactly: still degradation, not critical
    [InlineData(89, SuccessRateStatus.Critical)]          // 0.89
    [InlineData(0, SuccessRateStatus.Critical)]
    public void Status_AtTheBounds_IsInclusiveOnTheBetterSide(double successes, SuccessRateStatus expected)
    {
        var rate = new RollingSuccessRate();

        rate.Add(successes, 100);

        Assert.Equal(successes / 100, rate.Rate);
        Assert.Equal(expected, rate.Status);
        Assert.Equal(expected == SuccessRateStatus.TrendDegradation, rate.IsTrendDegradation);
    }

    [Theory]
    [InlineData(0.98, SuccessRateStatus.Healthy)]
    [InlineData(0.9799, SuccessRateStatus.TrendDegradation)]
    [InlineData(0.9, SuccessRateStatus.TrendDegradation)]
    [InlineData(0.8999, SuccessRateStatus.Critical)]
    public void Classify_Boundaries(double rate, SuccessRateStatus expected)
        => Assert.Equal(expected, new RollingSuccessRate().Classify(rate));

    [Fact]
    public void Rate_WeighsObservationsByVolume()
    {
        var rate = new RollingSuccessRate(windowSize: 3);

        rate.Add(990, 1_000); // 99 %
        rate.Add(5, 10);      // 50 %, but only 10 attempts

        // (990 + 5) / (1000 + 10) = 995 / 1010 = 0.98515: healthy, where the mean of the two ratios (0.745) would be critical.
        Assert.Equal(995.0 / 1010, rate.Rate);
        Assert.Equal(SuccessRateStatus.Healthy, rate.Status);
        Assert.Equal(995, rate.Successes);
        Assert.Equal(1010, rate.Total);
    }

    [Fact]
    public void Add_BeyondTheWindow_DropsTheOldest()
    {
        var rate = new RollingSuccessRate(windowSize: 2);
        rate.Add(0, 100);    // leaves when the third arrives
        rate.Add(95, 100);
        Assert.Equal(SuccessRateStatus.Critical, rate.Status); // 95 / 200 = 0.475

        rate.Add(99, 100);

        Assert.Equal(2, rate.Count);
        Assert.Equal(194.0 / 200, rate.Rate); // (95 + 99) / 200 = 0.97
        Assert.Equal(SuccessRateStatus.TrendDegradation, rate.Status);
    }

    [Fact]
    public void Add_Ratios_CountAsOneAttemptEach()
    {
        var rate = new RollingSuccessRate(windowSize: 4);
        foreach (var ratio in new[] { 1.0, 0.96, 0.9, 0.98 })
        {
            rate.Add(ratio);
        }

        // (1 + 0.96 + 0.9 + 0.98) / 4 = 3.84 / 4 = 0.96: trend degradation.
        Assert.Equal(0.96, rate.Rate!.Value, 12);
        Assert.Equal(SuccessRateStatus.TrendDegradation, rate.Status);
    }

    [Fact]
    public void Status_WithoutVolume_IsNoData()
    {
        var rate = new RollingSuccessRate(windowSize: 2);
        Assert.Equal(SuccessRateStatus.NoData, rate.Status);
        Assert.Null(rate.Rate);

        rate.Add(0, 0); // an interval without traffic takes a slot but says nothing

        Assert.Equal(1, rate.Count);
        Assert.Equal(SuccessRateStatus.NoData, rate.Status);
    }

    [Fact]
    public void Add_NonFinite_IsIgnored()
    {
        var rate = new RollingSuccessRate(windowSize: 2);
        rate.Add(97, 100);

        Assert.False(rate.Add(double.NaN));
        Assert.False(rate.Add(double.NaN, 100));
        Assert.False(rate.Add(5, double.PositiveInfinity));

        Assert.Equal(1, rate.Count);
        Assert.Equal(0.97, rate.Rate);
    }

    [Fact]
    public void Add_InvalidCounts_Throw()
    {
        var rate = new RollingSuccessRate();

        var tooMany = Assert.Throws<ArgumentOutOfRangeException>(() => rate.Add(11, 10));
        Assert.Equal("successes", tooMany.ParamName);
        Assert.Equal(11.0, tooMany.ActualValue);
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => rate.Add(-1, 10)).ParamName);
        Assert.Equal("total", Assert.Throws<ArgumentOutOfRangeException>(() => rate.Add(0, -1)).ParamName);
        Assert.Equal("ratio", Assert.Throws<ArgumentOutOfRangeException>(() => rate.Add(1.01)).ParamName);
        Assert.Equal(0, rate.Count);
    }

    [Fact]
    public void Constructor_CustomBounds_AreUsedAndValidated()
    {
        var rate = new RollingSuccessRate(windowSize: 5, degradationBound: 0.999, criticalBound: 0.99);
        rate.Add(995, 1_000);
        Assert.Equal(SuccessRateStatus.TrendDegradation, rate.Status); // 0.995 in [0.99, 0.999)

        Assert.Equal("windowSize", Assert.Throws<ArgumentOutOfRangeException>(() => new RollingSuccessRate(0)).ParamName);
        Assert.Equal("degradationBound", Assert.Throws<ArgumentOutOfRangeException>(() => new RollingSuccessRate(5, 1.1)).ParamName);
        var critical = Assert.Throws<ArgumentOutOfRangeException>(() => new RollingSuccessRate(5, 0.9, 0.95));
        Assert.Equal("criticalBound", critical.ParamName);
        Assert.Equal(0.95, critical.ActualValue);
    }

    [Fact]
    public void Reset_EmptiesTheWindow()
    {
        var rate = new RollingSuccessRate(windowSize: 2);
        rate.Add(1, 100);

        rate.Reset();

        Assert.Equal(0, rate.Count);
        Assert.Equal(SuccessRateStatus.NoData, rate.Status);
        rate.Add(99, 100);
        Assert.Equal(SuccessRateStatus.Healthy, rate.Status);
    }
}
