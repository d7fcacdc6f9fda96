namespace Observability.Core.Tests.Detection;

public sealed class EwmaDetectorTests
{
    [Fact]
    public void Observe_AlphaHalfOverOneTwoThree_FollowsTheWorkedNumbers()
    {
        var detector = new EwmaDetector(alpha: 0.5, warmUpSamples: 2);

        // 1: the first sample sets the mean; variance 0.
        var first = detector.Observe(1);
        Assert.Equal(AnomalyReadingStatus.WarmingUp, first.Status);
        Assert.Equal(1, detector.Mean);
        Assert.Equal(0, detector.Variance);

        // 2: diff = 2 - 1 = 1, mean = 1 + 0.5 * 1 = 1.5, variance = (1 - 0.5) * (0 + 0.5 * 1 * 1) = 0.25.
        detector.Observe(2);
        Assert.Equal(1.5, detector.Mean);
        Assert.Equal(0.25, detector.Variance);
        Assert.Equal(0.5, detector.StandardDeviation);

        // 3 is scored against the state before it: z = (3 - 1.5) / 0.5 = 3 (high, score 3 / 6 = 0.5).
        // Then diff = 1.5, mean = 1.5 + 0.75 = 2.25, variance = 0.5 * (0.25 + 0.5 * 1.5 * 1.5) = 0.5 * 1.375 = 0.6875.
        var third = detector.Observe(3);
        Assert.Equal(AnomalyReadingStatus.Scored, third.Status);
        Assert.Equal(3, third.Value);
        Assert.Equal(1.5, third.Mean);
        Assert.Equal(0.5, third.StandardDeviation);
        Assert.Equal(3, third.ZScore);
        Assert.Equal(AnomalySeverity.High, third.Severity);
        Assert.Equal(0.5, third.Score);
        Assert.True(third.IsAnomaly);
        Assert.Equal(2.25, detector.Mean);
        Assert.Equal(0.6875, detector.Variance);
        Assert.Equal(3, detector.Count);
    }

    [Fact]
    public void Observe_DuringWarmUp_LearnsButDoesNotScore()
    {
        var detector = new EwmaDetector(alpha: 0.5, warmUpSamples: 3);

        var readings = new[] { 1.0, 2.0, 1000.0 }.Select(detector.Observe).ToArray();

        Assert.All(readings, r => Assert.Equal(AnomalyReadingStatus.WarmingUp, r.Status));
        Assert.All(readings, r => Assert.Equal(0, r.Score));
        Assert.All(readings, r => Assert.Equal(AnomalySeverity.None, r.Severity));
        Assert.Equal(3, detector.Count);
        // 1000 was learned: mean = 1.5 + 0.5 * (1000 - 1.5) = 500.75.
        Assert.Equal(500.75, detector.Mean);
        Assert.Equal(AnomalyReadingStatus.Scored, detector.Observe(500).Status);
    }

    [Fact]
    public void FromSpan_Nineteen_IsAlphaOneTenth()
    {
        // alpha = 2 / (span + 1) = 2 / 20 = 0.1.
        Assert.Equal(0.1, EwmaDetector.FromSpan(19).Alpha);
        Assert.Equal(1.0, EwmaDetector.FromSpan(1).Alpha);
        Assert.Equal(EwmaDetector.DefaultWarmUpSamples, EwmaDetector.FromSpan(19).WarmUpSamples);
    }

    [Fact]
    public void Observe_ConstantHistory_ZeroForTheSameValueMaximumForAnyChange()
    {
        var detector = new EwmaDetector(alpha: 0.1, warmUpSamples: 5);
        for (var i = 0; i < 10; i++)
        {
            detector.Observe(0.1);
        }

        // Variance 0: the same value has z 0, not 0 / 0.
        var same = detector.Observe(0.1);
        Assert.Equal(0, same.ZScore);
        Assert.Equal(0, same.Score);
        Assert.Equal(0, same.StandardDeviation);

        // Any change from a perfectly constant history: infinite z, high, score 1.
        var up = detector.Observe(0.1001);
        Assert.Equal(double.PositiveInfinity, up.ZScore);
        Assert.Equal(AnomalySeverity.High, up.Severity);
        Assert.Equal(1, up.Score);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Observe_NonFiniteSample_IsIgnoredAndLeavesTheStateAsItWas(double bad)
    {
        var detector = new EwmaDetector(alpha: 0.5, warmUpSamples: 2);
        detector.Observe(1);
        detector.Observe(2);

        var reading = detector.Observe(bad);

        Assert.Equal(AnomalyReadingStatus.Ignored, reading.Status);
        Assert.Equal(0, reading.Score);
        Assert.Equal(2, detector.Count);
        Assert.Equal(1.5, detector.Mean);
        Assert.Equal(0.25, detector.Variance);
        Assert.Equal(3, detector.Observe(3).ZScore); // the worked example goes on as if nothing happened
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        var detector = new EwmaDetector(alpha: 0.5, warmUpSamples: 2);
        detector.Observe(100);
        detector.Observe(200);
        detector.Observe(300);

        detector.Reset();

        Assert.Equal(0, detector.Count);
        Assert.Equal(0, detector.Mean);
        Assert.Equal(0, detector.Variance);
        Assert.Equal(AnomalyReadingStatus.WarmingUp, detector.Observe(1).Status);
        Assert.Equal(1, detector.Mean);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_AlphaOutsideZeroToOne_Throws(double alpha)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EwmaDetector(alpha));
        Assert.Equal("alpha", error.ParamName);
        Assert.Equal(alpha, error.ActualValue);
        Assert.Contains("(0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadWarmUpOrSpan_Throws()
    {
        Assert.Equal("warmUpSamples", Assert.Throws<ArgumentOutOfRangeException>(() => new EwmaDetector(0.1, 1)).ParamName);
        Assert.Equal("span", Assert.Throws<ArgumentOutOfRangeException>(() => EwmaDetector.FromSpan(0)).ParamName);
        Assert.Equal(1.0, new EwmaDetector(1.0, 2).Alpha); // alpha 1 is allowed: the mean is the last sample
    }

    [Fact]
    public void Update_ReturnsTheReadingsScore()
    {
        var detector = new EwmaDetector(alpha: 0.5, warmUpSamples: 2);
        Assert.Equal("ewma", detector.Name);
        detector.Update(Series.At(0), 1);
        detector.Update(Series.At(1), 2);

        Assert.Equal(0.5, detector.Update(Series.At(2), 3)); // z = 3 as in the worked example, 3 / 6
    }
}
