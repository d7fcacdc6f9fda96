namespace Observability.Core.Tests.Detection;

public sealed class CusumDetectorTests
{
    // Warm-up 9, 11, 9, 11: reference mean 10, population sd 1, so z = x - 10.
    private static CusumDetector ReferenceTenSdOne()
    {
        var detector = new CusumDetector(threshold: 5, drift: 1, warmUpSamples: 4);
        foreach (var value in new[] { 9.0, 11, 9, 11 })
        {
            detector.Update(Series.At(0), value);
        }

        Assert.True(detector.IsWarm);
        Assert.Equal(10, detector.ReferenceMean);
        Assert.Equal(1, detector.ReferenceStandardDeviation);
        return detector;
    }

    [Fact]
    public void Observe_SustainedShift_AccumulatesUntilTheStatisticExceedsTheThreshold()
    {
        var detector = ReferenceTenSdOne();

        // Each 12 has z = 2: upper grows by z - k = 2 - 1 = 1 a sample; lower stays max(0, -2 - 1) = 0.
        // After five samples upper is exactly 5 = h: not yet a change (it must exceed h); the sixth makes 6.
        var readings = Enumerable.Range(4, 6).Select(i => detector.Observe(Series.At(i), 12)).ToArray();

        Assert.Equal([1.0, 2, 3, 4, 5, 6], readings.Select(r => r.UpperStatistic));
        Assert.All(readings, r => Assert.Equal(0, r.LowerStatistic));
        Assert.Equal([0.2, 0.4, 0.6, 0.8, 1.0, 1.0], readings.Select(r => r.Score)); // upper / h, capped
        Assert.All(readings[..5], r => Assert.False(r.IsChange));
        var change = readings[5];
        Assert.Equal(ChangeDirection.Up, change.Direction);
        Assert.Equal(9, change.Index);
        Assert.Equal(Series.At(9), change.Timestamp);
        Assert.Equal(new ChangePoint(9, Series.At(9), 12, ChangeDirection.Up), detector.LastChange);
        Assert.Equal(1, detector.ChangeCount);
    }

    [Fact]
    public void Observe_AfterADetection_ResetsTheStatisticsAndLearnsTheNewLevel()
    {
        var detector = ReferenceTenSdOne();
        var change = detector.Observe(Series.At(4), 30); // z = 20: upper = 19 > 5 at once
        Assert.Equal(19, change.UpperStatistic);
        Assert.Equal(ChangeDirection.Up, change.Direction);

        Assert.Equal(0, detector.UpperStatistic);
        Assert.Equal(0, detector.LowerStatistic);
        Assert.False(detector.IsWarm);
        Assert.Equal(30, detector.ReferenceMean); // the new reference starts with the detecting sample
        var next = detector.Observe(Series.At(5), 31);
        Assert.Equal(AnomalyReadingStatus.WarmingUp, next.Status);
        Assert.Equal(0, next.Score);
    }

    [Fact]
    public void Observe_StepFromTenToTwenty_IsDetectedUpWithinAFewSamples()
    {
        // sd 1 noise: the step is about 10 reference standard deviations.
        var values = Series.Step(seed: 7, count: 150, stepAt: 100, before: 10, after: 20, standardDeviation: 1);
        var detector = new CusumDetector();

        var changes = values.Select((v, i) => detector.Observe(Series.At(i), v)).Where(r => r.IsChange).ToArray();

        var change = Assert.Single(changes);
        Assert.Equal(ChangeDirection.Up, change.Direction);
        Assert.InRange(change.Index, 100, 102);
        Assert.Equal(Series.At(change.Index), detector.LastChange!.Value.Timestamp);
    }

    [Fact]
    public void Observe_StepDown_IsDetectedDown()
    {
        var values = Series.Step(seed: 8, count: 150, stepAt: 100, before: 20, after: 10, standardDeviation: 1);
        var detector = new CusumDetector();

        var change = Assert.Single(values.Select((v, i) => detector.Observe(Series.At(i), v)), r => r.IsChange);

        Assert.Equal(ChangeDirection.Down, change.Direction);
        Assert.InRange(change.Index, 100, 102);
        Assert.True(change.LowerStatistic > 6);
    }

    [Fact]
    public void Observe_UpThenDown_DetectsBothInOrder()
    {
        var values = Series.Step(seed: 9, count: 300, stepAt: 100, before: 10, after: 20, standardDeviation: 1);
        for (var i = 200; i < 300; i++)
        {
            values[i] -= 10;
        }

        var detector = new CusumDetector();
        var changes = values.Select((v, i) => detector.Observe(Series.At(i), v)).Where(r => r.IsChange).ToArray();

        Assert.Equal([ChangeDirection.Up, ChangeDirection.Down], changes.Select(c => c.Direction));
        Assert.InRange(changes[0].Index, 100, 102);
        Assert.InRange(changes[1].Index, 200, 202);
        Assert.Equal(2, detector.ChangeCount);
    }

    [Fact]
    public void Observe_StationaryGaussianNoise_IsNotFlagged()
    {
        // 1,000 samples of N(10, 1). With the defaults (k = 1, h = 6, 50-sample reference) a false alarm
        // came about once in 50,000 simulated samples: about 2 % of such series raise one.
        var detector = new CusumDetector();

        var changes = Series.Gaussian(seed: 42, count: 1_000, mean: 10, standardDeviation: 1)
            .Select((v, i) => detector.Observe(Series.At(i), v))
            .Count(r => r.IsChange);

        Assert.Equal(0, changes);
        Assert.Null(detector.LastChange);
    }

    [Fact]
    public void Observe_ConstantReference_AnyChangeIsDetectedAtOnce()
    {
        var detector = new CusumDetector(warmUpSamples: 5);
        for (var i = 0; i < 10; i++)
        {
            Assert.False(detector.Observe(Series.At(i), 3).IsChange); // z = 0, not 0 / 0
        }

        Assert.Equal(0, detector.ReferenceStandardDeviation);
        var change = detector.Observe(Series.At(10), 2.5);
        Assert.Equal(ChangeDirection.Down, change.Direction);
        Assert.Equal(1, change.Score);
    }

    [Fact]
    public void Observe_NonFinite_IsIgnoredButKeepsItsIndex()
    {
        var detector = ReferenceTenSdOne();
        detector.Observe(Series.At(4), 12); // upper 1

        var ignored = detector.Observe(Series.At(5), double.NaN);

        Assert.Equal(AnomalyReadingStatus.Ignored, ignored.Status);
        Assert.Equal(5, ignored.Index);
        Assert.Equal(1, ignored.UpperStatistic);
        Assert.Equal(1, detector.UpperStatistic);
        Assert.Equal(6, detector.Observe(Series.At(6), 12).Index);
        Assert.Equal(2, detector.UpperStatistic);
    }

    [Fact]
    public void Reset_ForgetsTheReferenceTheStatisticsAndTheChanges()
    {
        var detector = ReferenceTenSdOne();
        detector.Observe(Series.At(4), 30);

        detector.Reset();

        Assert.False(detector.IsWarm);
        Assert.Equal(0, detector.ChangeCount);
        Assert.Null(detector.LastChange);
        Assert.Equal(0, detector.Observe(Series.At(0), 1).Index);
    }

    [Theory]
    [InlineData("threshold", 0.0)]
    [InlineData("threshold", -1.0)]
    [InlineData("threshold", double.NaN)]
    [InlineData("threshold", double.PositiveInfinity)]
    [InlineData("drift", -0.1)]
    [InlineData("drift", double.NaN)]
    public void Constructor_BadParameter_Throws(string parameter, double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => parameter == "threshold" ? new CusumDetector(threshold: value) : new CusumDetector(drift: value));
        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(value, error.ActualValue);
    }

    [Fact]
    public void Constructor_DefaultsAndLimits()
    {
        var detector = new CusumDetector();
        Assert.Equal(("cusum", 6.0, 1.0, 50), (detector.Name, detector.Threshold, detector.Drift, detector.WarmUpSamples));
        Assert.Equal(0, new CusumDetector(drift: 0).Drift); // no allowance is allowed
        Assert.Equal("warmUpSamples", Assert.Throws<ArgumentOutOfRangeException>(() => new CusumDetector(warmUpSamples: 1)).ParamName);
    }
}
