namespace Observability.Core.Tests.Detection;

public sealed class ZScoreDetectorTests
{
    // A window of 9 and 11: mean 10, population variance ((9-10)^2 + (11-10)^2) / 2 = 1, sd 1,
    // so the z-score of x is simply x - 10.
    private static ZScoreDetector MeanTenSdOne()
    {
        var detector = new ZScoreDetector(windowSize: 2, warmUpSamples: 2);
        detector.Observe(9);
        detector.Observe(11);
        return detector;
    }

    [Theory]
    [InlineData(11.999, AnomalySeverity.None)]   // z = 1.999
    [InlineData(12.0, AnomalySeverity.Low)]      // z = 2.0 exactly: low
    [InlineData(12.499, AnomalySeverity.Low)]    // z = 2.499
    [InlineData(12.5, AnomalySeverity.Medium)]   // z = 2.5 exactly: medium
    [InlineData(12.999, AnomalySeverity.Medium)] // z = 2.999
    [InlineData(13.0, AnomalySeverity.High)]     // z = 3.0 exactly: high
    [InlineData(8.001, AnomalySeverity.None)]    // z = -1.999
    [InlineData(8.0, AnomalySeverity.Low)]       // z = -2.0
    [InlineData(7.5, AnomalySeverity.Medium)]    // z = -2.5
    [InlineData(7.0, AnomalySeverity.High)]      // z = -3.0
    public void Observe_AtTheSeverityBoundaries_ClassifiesByAbsoluteZ(double value, AnomalySeverity expected)
    {
        var reading = MeanTenSdOne().Observe(value);

        Assert.Equal(10, reading.Mean);
        Assert.Equal(1, reading.StandardDeviation);
        Assert.Equal(value - 10, reading.ZScore, 12);
        Assert.Equal(expected, reading.Severity);
        Assert.Equal(Math.Abs(value - 10) / 6, reading.Score, 12);
    }

    [Fact]
    public void Observe_RollingWindow_ScoresAgainstTheLastNSamplesOnly()
    {
        var detector = new ZScoreDetector(windowSize: 3, warmUpSamples: 3);
        detector.Observe(100); // leaves the window when 4 arrives
        detector.Observe(1);
        detector.Observe(2);
        detector.Observe(3);

        // Window {1, 2, 3}: mean 2, population variance (1 + 0 + 1) / 3 = 2/3, sd 0.8165;
        // z(4) = (4 - 2) / 0.8165 = 2.449: low.
        var reading = detector.Observe(4);

        Assert.Equal(2, reading.Mean, 12);
        Assert.Equal(Math.Sqrt(2.0 / 3), reading.StandardDeviation, 12);
        Assert.Equal(2 / Math.Sqrt(2.0 / 3), reading.ZScore, 12);
        Assert.Equal(AnomalySeverity.Low, reading.Severity);
        Assert.Equal(3, detector.Count);
        Assert.Equal(3, detector.Mean, 12); // {2, 3, 4} after learning 4
    }

    [Fact]
    public void Observe_WarmUp_DefaultsToTenAndScoresFromTheEleventhSample()
    {
        var detector = new ZScoreDetector();
        Assert.Equal(30, detector.WindowSize);
        Assert.Equal(10, detector.WarmUpSamples);

        var statuses = Enumerable.Range(0, 11).Select(i => detector.Observe(i % 2).Status).ToArray();

        Assert.All(statuses[..10], s => Assert.Equal(AnomalyReadingStatus.WarmingUp, s));
        Assert.Equal(AnomalyReadingStatus.Scored, statuses[10]);
        Assert.Equal(2, new ZScoreDetector(windowSize: 2).WarmUpSamples); // capped at the window size
    }

    [Fact]
    public void Observe_ConstantWindow_ZeroForTheSameValueMaximumForAnyChange()
    {
        var detector = new ZScoreDetector(windowSize: 5, warmUpSamples: 5);
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(0, detector.Observe(0.1).ZScore); // wraps twice: the recomputed mean is exactly 0.1
        }

        var down = detector.Observe(0.09);
        Assert.Equal(double.NegativeInfinity, down.ZScore);
        Assert.Equal(AnomalySeverity.High, down.Severity);
        Assert.Equal(1, down.Score);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Observe_NonFiniteSample_IsIgnored(double bad)
    {
        var detector = MeanTenSdOne();

        var reading = detector.Observe(bad);

        Assert.Equal(AnomalyReadingStatus.Ignored, reading.Status);
        Assert.Equal(0, reading.Score);
        Assert.Equal(2, detector.Count);
        Assert.Equal(AnomalySeverity.High, detector.Observe(13).Severity); // still mean 10, sd 1
    }

    [Fact]
    public void Reset_EmptiesTheWindow()
    {
        var detector = MeanTenSdOne();

        detector.Reset();

        Assert.Equal(0, detector.Count);
        Assert.Equal(AnomalyReadingStatus.WarmingUp, detector.Observe(50).Status);
        Assert.Equal(50, detector.Mean);
    }

    [Fact]
    public void Constructor_BadParameters_Throw()
    {
        var window = Assert.Throws<ArgumentOutOfRangeException>(() => new ZScoreDetector(windowSize: 1));
        Assert.Equal("windowSize", window.ParamName);
        Assert.Equal(1, window.ActualValue);
        var tooLong = Assert.Throws<ArgumentOutOfRangeException>(() => new ZScoreDetector(windowSize: 5, warmUpSamples: 6));
        Assert.Equal("warmUpSamples", tooLong.ParamName);
        Assert.Contains("window size 5", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal("warmUpSamples", Assert.Throws<ArgumentOutOfRangeException>(() => new ZScoreDetector(windowSize: 5, warmUpSamples: 1)).ParamName);
    }

    [Fact]
    public void Update_ReturnsTheReadingsScore()
    {
        var detector = MeanTenSdOne();
        Assert.Equal("zscore", detector.Name);
        Assert.Equal(0.5, detector.Update(Series.At(2), 13)); // z = 3, 3 / 6
    }
}
