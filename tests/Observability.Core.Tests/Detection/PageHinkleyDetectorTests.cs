namespace Observability.Core.Tests.Detection;

public sealed class PageHinkleyDetectorTests
{
    [Fact]
    public void Observe_WorkedExample_ComparesWithTheRunningMean()
    {
        // Warm-up 9, 11, 9, 11: scale (population sd) 1, running mean 10.
        var detector = new PageHinkleyDetector(threshold: 5, drift: 1, warmUpSamples: 4);
        foreach (var value in new[] { 9.0, 11, 9, 11 })
        {
            Assert.Equal(AnomalyReadingStatus.WarmingUp, detector.Observe(Series.At(0), value).Status);
        }

        Assert.Equal(1, detector.Scale);

        // 14: running mean 54 / 5 = 10.8, z = 3.2, upper = 3.2 - 1 = 2.2.
        // 14: running mean 68 / 6 = 11.333, z = 2.667, upper = 2.2 + 1.667 = 3.867.
        // 14: running mean 82 / 7 = 11.714, z = 2.286, upper = 3.867 + 1.286 = 5.152 > 5: a change up.
        var readings = Enumerable.Range(4, 3).Select(i => detector.Observe(Series.At(i), 14)).ToArray();

        Assert.Equal(2.2, readings[0].UpperStatistic, 12);
        Assert.Equal(3.2 + 8.0 / 3 - 2, readings[1].UpperStatistic, 12);
        Assert.Equal(3.2 + 8.0 / 3 + 16.0 / 7 - 3, readings[2].UpperStatistic, 12);
        Assert.Equal([false, false, true], readings.Select(r => r.IsChange));
        Assert.Equal(ChangeDirection.Up, readings[2].Direction);
        Assert.Equal(new ChangePoint(6, Series.At(6), 14, ChangeDirection.Up), detector.LastChange);
        Assert.Equal(14, detector.Mean); // the running mean starts again at the detecting sample
        Assert.False(detector.IsWarm);
    }

    [Fact]
    public void Observe_StepFromTenToTwenty_IsDetectedUpWithinAFewSamples()
    {
        var values = Series.Step(seed: 7, count: 150, stepAt: 100, before: 10, after: 20, standardDeviation: 1);
        var detector = new PageHinkleyDetector();

        var change = Assert.Single(values.Select((v, i) => detector.Observe(Series.At(i), v)), r => r.IsChange);

        Assert.Equal(ChangeDirection.Up, change.Direction);
        Assert.InRange(change.Index, 100, 102);
        Assert.Equal(Series.At(change.Index), change.Timestamp);
    }

    [Fact]
    public void Observe_StepDown_IsDetectedDown()
    {
        var values = Series.Step(seed: 8, count: 150, stepAt: 100, before: 20, after: 10, standardDeviation: 1);
        var detector = new PageHinkleyDetector();

        var change = Assert.Single(values.Select((v, i) => detector.Observe(Series.At(i), v)), r => r.IsChange);

        Assert.Equal(ChangeDirection.Down, change.Direction);
        Assert.InRange(change.Index, 100, 102);
    }

    [Fact]
    public void Observe_StationaryGaussianNoise_IsNotFlagged()
    {
        var detector = new PageHinkleyDetector();

        var changes = Series.Gaussian(seed: 42, count: 1_000, mean: 10, standardDeviation: 1)
            .Select((v, i) => detector.Observe(Series.At(i), v))
            .Count(r => r.IsChange);

        Assert.Equal(0, changes);
        Assert.Equal(0, detector.ChangeCount);
    }

    [Fact]
    public void Observe_ConstantWarmUp_AnyChangeIsDetectedAtOnce()
    {
        var detector = new PageHinkleyDetector(warmUpSamples: 3);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(0, detector.Observe(Series.At(i), 7).Score);
        }

        var change = detector.Observe(Series.At(8), 7.25);

        Assert.Equal(ChangeDirection.Up, change.Direction);
        Assert.Equal(1, change.Score);
    }

    [Fact]
    public void Observe_NonFinite_IsIgnored()
    {
        var detector = new PageHinkleyDetector(warmUpSamples: 2);
        detector.Observe(Series.At(0), 1);
        detector.Observe(Series.At(1), 3);

        var ignored = detector.Observe(Series.At(2), double.NegativeInfinity);

        Assert.Equal(AnomalyReadingStatus.Ignored, ignored.Status);
        Assert.Equal(2, ignored.Index);
        Assert.Equal(2, detector.Mean);
        Assert.Equal(1, detector.Scale);
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        var detector = new PageHinkleyDetector(warmUpSamples: 2);
        detector.Observe(Series.At(0), 1);
        detector.Observe(Series.At(1), 3);
        detector.Observe(Series.At(2), 100);

        detector.Reset();

        Assert.Equal(0, detector.ChangeCount);
        Assert.Null(detector.LastChange);
        Assert.False(detector.IsWarm);
        Assert.Equal(0, detector.Observe(Series.At(0), 5).Index);
    }

    [Fact]
    public void Constructor_BadParameters_Throw()
    {
        var threshold = Assert.Throws<ArgumentOutOfRangeException>(() => new PageHinkleyDetector(threshold: -5));
        Assert.Equal("threshold", threshold.ParamName);
        Assert.Equal(-5.0, threshold.ActualValue);
        Assert.Equal("drift", Assert.Throws<ArgumentOutOfRangeException>(() => new PageHinkleyDetector(drift: double.PositiveInfinity)).ParamName);
        Assert.Equal("warmUpSamples", Assert.Throws<ArgumentOutOfRangeException>(() => new PageHinkleyDetector(warmUpSamples: 0)).ParamName);
        Assert.Equal("page_hinkley", new PageHinkleyDetector().Name);
    }
}
