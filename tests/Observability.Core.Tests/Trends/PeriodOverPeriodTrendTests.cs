namespace Observability.Core.Tests.Trends;

public sealed class PeriodOverPeriodTrendTests
{
    [Theory]
    // (105 - 100) / 100 x 100 = +5 %: exactly the band is a move, not flat.
    [InlineData(100, 105, TrendDirection.Up)]
    // +4.99 % is inside the band.
    [InlineData(100, 104.99, TrendDirection.Flat)]
    // -5 % exactly is down; -4.99 % is flat.
    [InlineData(100, 95, TrendDirection.Down)]
    [InlineData(100, 95.01, TrendDirection.Flat)]
    // 0.3 -> 0.315 is +5 % too, though 0.015 / 0.3 x 100 is 5.000000000000004 in doubles.
    [InlineData(0.3, 0.315, TrendDirection.Up)]
    public void Compute_AtAndInsideTheFivePercentBand_FlatOnlyStrictlyInside(double previous, double current, TrendDirection expected)
    {
        var trend = PeriodOverPeriodTrend.Compute(previous, current);

        Assert.Equal(expected, trend.Direction);
        Assert.Equal((current - previous) / previous * 100, trend.ChangePercent!.Value, 9);
    }

    [Fact]
    public void Compute_Rise_GivesChangeAndReasonWithNumbers()
    {
        // 200 ms -> 230 ms: +30 / 200 = +15 %.
        var trend = PeriodOverPeriodTrend.Compute(200, 230, metric: WellKnownMetrics.LatencyP99);

        Assert.Equal(15, trend.ChangePercent!.Value, 9);
        Assert.Equal(30, trend.Change, 9);
        Assert.Equal(TrendDirection.Up, trend.Direction);
        Assert.Equal(WellKnownMetrics.LatencyP99, trend.Metric);
        Assert.Equal("latency_p99_ms rose +15 % (from 200 to 230; flat band +-5 %).", trend.Reason);
    }

    [Fact]
    public void Compute_FromZeroToZero_IsFlatWithZeroChange()
    {
        var trend = PeriodOverPeriodTrend.Compute(0, 0);

        Assert.Equal(0, trend.ChangePercent);
        Assert.Equal(TrendDirection.Flat, trend.Direction);
    }

    [Theory]
    [InlineData(3, TrendDirection.Up)]
    [InlineData(-2, TrendDirection.Down)]
    public void Compute_FromZero_HasNoPercentageButADirection(double current, TrendDirection expected)
    {
        var trend = PeriodOverPeriodTrend.Compute(0, current);

        Assert.Null(trend.ChangePercent); // not Infinity
        Assert.Equal(expected, trend.Direction);
        Assert.Contains("no percentage change from 0", trend.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NegativePrevious_MeasuresAgainstItsMagnitude()
    {
        // -10 -> -5: +5 / |-10| = +50 %, and the value went up.
        var trend = PeriodOverPeriodTrend.Compute(-10, -5);

        Assert.Equal(50, trend.ChangePercent!.Value, 9);
        Assert.Equal(TrendDirection.Up, trend.Direction);
    }

    [Fact]
    public void Compute_WiderBand_KeepsAnEightPercentChangeFlat()
    {
        Assert.Equal(TrendDirection.Flat, PeriodOverPeriodTrend.Compute(100, 108, flatBandPercent: 10).Direction);
        Assert.Equal(TrendDirection.Up, PeriodOverPeriodTrend.Compute(100, 110, flatBandPercent: 10).Direction);
    }

    [Fact]
    public void Compute_ZeroBand_AnyChangeMoves()
    {
        Assert.Equal(TrendDirection.Down, PeriodOverPeriodTrend.Compute(100, 99.9, flatBandPercent: 0).Direction);
        Assert.Equal(TrendDirection.Flat, PeriodOverPeriodTrend.Compute(100, 100, flatBandPercent: 0).Direction);
    }

    [Theory]
    [InlineData(double.NaN, 1, "previous")]
    [InlineData(1, double.PositiveInfinity, "current")]
    public void Compute_NotFinite_Throws(double previous, double current, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PeriodOverPeriodTrend.Compute(previous, current));
        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Compute_InvalidBand_Throws(double band)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PeriodOverPeriodTrend.Compute(1, 2, band));
        Assert.Equal("flatBandPercent", error.ParamName);
    }
}
