namespace Observability.Core.Tests.Detection;

public sealed class BollingerBandDetectorTests
{
    // Period 4 over 9, 11, 9, 11: middle 10, population sd 1; k = 2: upper 12, lower 8.
    private static BollingerBandDetector BandsEightToTwelve()
    {
        var detector = new BollingerBandDetector(period: 4, width: 2);
        foreach (var value in new[] { 9.0, 11, 9, 11 })
        {
            Assert.Equal(AnomalyReadingStatus.WarmingUp, detector.Observe(value).Status);
        }

        return detector;
    }

    [Fact]
    public void Observe_FullWindow_ReportsTheBands()
    {
        var reading = BandsEightToTwelve().Observe(10);

        Assert.Equal(AnomalyReadingStatus.Scored, reading.Status);
        Assert.Equal(10, reading.Middle);
        Assert.Equal(12, reading.Upper);
        Assert.Equal(8, reading.Lower);
        Assert.Equal(0.5, reading.PercentB); // (10 - 8) / (12 - 8)
        Assert.False(reading.IsOutside);
        Assert.Equal(0, reading.Score);
    }

    [Theory]
    // value, %b = (value - 8) / 4, above, below, score = min(|%b - 0.5|, 1)
    [InlineData(12.0, 1.0, false, false, 0.5)]     // exactly on the upper band: inside
    [InlineData(8.0, 0.0, false, false, 0.5)]      // exactly on the lower band: inside
    [InlineData(12.5, 1.125, true, false, 0.625)]  // z = 2.5
    [InlineData(7.0, -0.25, false, true, 0.75)]    // z = -3
    [InlineData(14.0, 1.5, true, false, 1.0)]      // z = 4 = 2k: score 1
    [InlineData(18.0, 2.5, true, false, 1.0)]      // z = 8: capped at 1
    public void Observe_AroundTheBands_PositionsAndScores(double value, double percentB, bool above, bool below, double score)
    {
        var reading = BandsEightToTwelve().Observe(value);

        Assert.Equal(percentB, reading.PercentB, 12);
        Assert.Equal(above, reading.IsAbove);
        Assert.Equal(below, reading.IsBelow);
        Assert.Equal(above || below, reading.IsOutside);
        Assert.Equal(score, reading.Score, 12);
    }

    [Fact]
    public void Observe_SlidesTheWindow()
    {
        var detector = BandsEightToTwelve();
        detector.Observe(13); // window {11, 9, 11, 13}: mean 11, deviations 0, -2, 0, 2: variance 8 / 4 = 2

        Assert.Equal(11, detector.Middle, 12);
        Assert.Equal(11 + 2 * Math.Sqrt(2), detector.Upper, 12);
        Assert.Equal(11 - 2 * Math.Sqrt(2), detector.Lower, 12);
        Assert.Equal(4, detector.Count);
    }

    [Fact]
    public void Observe_ConstantWindow_SameValueInsideAnyOtherOutside()
    {
        var detector = new BollingerBandDetector(period: 3);
        for (var i = 0; i < 3; i++)
        {
            detector.Observe(5);
        }

        var same = detector.Observe(5);
        Assert.Equal(0.5, same.PercentB);
        Assert.False(same.IsOutside);
        Assert.Equal(0, same.Score);

        var above = detector.Observe(5.5); // window still {5, 5, 5}: bands of zero width
        Assert.True(above.IsAbove);
        Assert.Equal(double.PositiveInfinity, above.PercentB);
        Assert.Equal(1, above.Score);
    }

    [Fact]
    public void Observe_NonFiniteSample_IsIgnored()
    {
        var detector = BandsEightToTwelve();

        var reading = detector.Observe(double.NaN);

        Assert.Equal(AnomalyReadingStatus.Ignored, reading.Status);
        Assert.False(reading.IsOutside);
        Assert.Equal(0, reading.Score);
        Assert.Equal(10, detector.Middle);
        Assert.Equal(12, detector.Upper);
    }

    [Fact]
    public void Reset_StartsTheWarmUpAgain()
    {
        var detector = BandsEightToTwelve();

        detector.Reset();

        Assert.Equal(0, detector.Count);
        Assert.Equal(AnomalyReadingStatus.WarmingUp, detector.Observe(100).Status);
        Assert.Equal(100, detector.Middle);
    }

    [Fact]
    public void Constructor_Defaults_AreTwentyAndTwo()
    {
        var detector = new BollingerBandDetector();
        Assert.Equal(20, detector.Period);
        Assert.Equal(2, detector.Width);
        Assert.Equal("bollinger", detector.Name);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_BadWidth_Throws(double width)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBandDetector(20, width));
        Assert.Equal("width", error.ParamName);
        Assert.Equal(width, error.ActualValue);
    }

    [Fact]
    public void Constructor_PeriodBelowTwo_Throws()
        => Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBandDetector(1)).ParamName);
}
