using System.Text.Json;
using static Observability.Core.Tests.Canary.CanaryTestData;

namespace Observability.Core.Tests.Canary;

/// <summary>How one metric is classified: significance, effect size, direction, sparse and constant samples.</summary>
public sealed class CanaryClassificationTests
{
    [Fact]
    public void Analyze_CanaryHigherBeyondTolerance_HighWithNumbersInReason()
    {
        // 1..5 vs 6..10: U = 25, exact p = 2/252 = 0.0079 < 0.02; mean ratio 8 / 3 = 2.67 > 1.2.
        var metric = Metric("latency_p99_ms", critical: true);
        metric.AllowedIncrease = 1.2;
        metric.Unit = "ms";

        var result = Judge(metric, Low, Shifted);

        Assert.Equal(CanaryClassification.High, result.Classification);
        Assert.False(result.Passed);
        Assert.True(result.Scored);
        Assert.Equal(2.0 / 252, result.PValue!.Value, 15);
        Assert.Equal(25, result.U);
        Assert.True(result.ExactPValue);
        Assert.Equal(8.0 / 3, result.EffectSize!.Value, 12);
        Assert.Equal((3.0, 8.0, 3.0, 8.0), (result.BaselineMedian!.Value, result.CanaryMedian!.Value, result.BaselineMean!.Value, result.CanaryMean!.Value));
        Assert.Equal(
            "latency_p99_ms (critical) is High: canary median 8 ms vs baseline 3 ms, p = 0.0079 < 0.02, mean ratio 2.67 > allowed increase 1.2.",
            result.Reason);
    }

    [Fact]
    public void Analyze_NotSignificant_PassWithPValue()
    {
        // Interleaved 1,3,5,7,9 vs 2,4,6,8,10: U = 1+2+3+4+5 = 15 of 25; scipy exact p = 0.6904761904761905; means 6 / 5 = 1.2.
        var result = Judge(Metric("cpu"), [1, 3, 5, 7, 9], [2, 4, 6, 8, 10]);

        Assert.Equal(CanaryClassification.Pass, result.Classification);
        Assert.True(result.Passed);
        Assert.Equal(15, result.U);
        Assert.Equal(0.6904761904761905, result.PValue!.Value, 12);
        Assert.Contains("p = 0.6905 is not below 0.02, mean ratio 1.2", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.04, (int)CanaryClassification.High)] // 107 / 102 = 1.049 > 1.04
    [InlineData(1.05, (int)CanaryClassification.Pass)] // 1.049 is within 1.05
    public void Analyze_SignificantShift_EffectSizeToleranceDecides(double allowedIncrease, int expectedValue)
    {
        var expected = (CanaryClassification)expectedValue;
        // 100..104 vs 105..109: separated, p = 2/252 (scipy exact 0.007936507936507936), means 102 vs 107.
        var metric = Metric("latency");
        metric.AllowedIncrease = allowedIncrease;

        var result = Judge(metric, [100, 101, 102, 103, 104], [105, 106, 107, 108, 109]);

        Assert.Equal(expected, result.Classification);
        Assert.Equal(107.0 / 102, result.EffectSize!.Value, 12);
    }

    [Fact]
    public void Analyze_RatioExactlyAtAllowedIncrease_Passes()
    {
        // Means 100 and 120: ratio 1.2 is not above the allowed 1.2, although p = 2/252 is significant.
        var metric = Metric("latency");
        metric.AllowedIncrease = 1.2;

        var result = Judge(metric, [98, 99, 100, 101, 102], [118, 119, 120, 121, 122]);

        Assert.Equal(CanaryClassification.Pass, result.Classification);
        Assert.Equal(1.2, result.EffectSize);
        Assert.Contains("but mean ratio 1.2 is within the allowed increase 1.2", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SignificantDecreaseWithinAllowedDecrease_Passes()
    {
        // Means 8 -> 3: ratio 0.375; allowed decrease 0.3 tolerates it, 0.4 would not.
        var metric = Metric("throughput");
        metric.AllowedDecrease = 0.3;

        Assert.Equal(CanaryClassification.Pass, Judge(metric, Shifted, Low).Classification);
        metric.AllowedDecrease = 0.4;
        Assert.Equal(CanaryClassification.Low, Judge(metric, Shifted, Low).Classification);
    }

    [Theory]
    [InlineData((int)CanaryDirection.Either, true, (int)CanaryClassification.High, false)]
    [InlineData((int)CanaryDirection.Either, false, (int)CanaryClassification.Low, false)]
    [InlineData((int)CanaryDirection.Increase, true, (int)CanaryClassification.High, false)]
    [InlineData((int)CanaryDirection.Increase, false, (int)CanaryClassification.Low, true)]
    [InlineData((int)CanaryDirection.Decrease, true, (int)CanaryClassification.High, true)]
    [InlineData((int)CanaryDirection.Decrease, false, (int)CanaryClassification.Low, false)]
    public void Analyze_Direction_KeepsClassificationAndDecidesPassed(int directionValue, bool canaryHigher, int expectedValue, bool passed)
    {
        var direction = (CanaryDirection)directionValue;
        var expected = (CanaryClassification)expectedValue;
        var result = Judge(Metric("m", direction: direction), canaryHigher ? Low : Shifted, canaryHigher ? Shifted : Low);

        Assert.Equal(expected, result.Classification);
        Assert.Equal(passed, result.Passed);
        Assert.Equal(passed, result.Reason.Contains($"Direction {direction} allows", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 9 }, 0.98, (int)CanaryClassification.Pass)] // p = 2 * 23/2300 = 0.02 exactly: not below 0.02
    [InlineData(new double[] { 1, 2, 8 }, 0.98, (int)CanaryClassification.Low)] // p = 2 * 16/2300 = 0.0139
    [InlineData(new double[] { 1, 3, 9 }, 0.98, (int)CanaryClassification.Pass)] // p = 0.02696
    [InlineData(new double[] { 1, 3, 9 }, 0.97, (int)CanaryClassification.Low)] // 0.02696 < 0.03
    public void Analyze_ConfidenceBoundary_SignificantOnlyBelowOneMinusConfidence(double[] canary, double confidence, int expectedValue)
    {
        var expected = (CanaryClassification)expectedValue;
        // Values 1..25; the canary takes 3 of them, the baseline the other 22. The canary's rank sum is
        // the sum of its values; among the C(25,3) = 2300 rank sets, 23 sum to 12 or less, so {1,2,9}
        // gives exactly p = 46/2300 = 0.02 (scipy exact: 0.019999999999999997, a rounding of the same count).
        var metric = Metric("m");
        metric.MinimumSamples = 3;
        double[] baseline = [.. Enumerable.Range(1, 25).Select(static v => (double)v).Except(canary)];

        var result = Judge(metric, baseline, canary, confidence);

        Assert.Equal(expected, result.Classification);
        if (canary.SequenceEqual([1.0, 2, 9]))
        {
            Assert.Equal(0.02, result.PValue);
            Assert.Contains("p = 0.02 is not below 0.02", result.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyze_BothSidesConstantAndEqual_PassWithPOne()
    {
        var result = Judge(Metric("errors"), [3, 3, 3, 3, 3], [3, 3, 3, 3, 3, 3]);

        Assert.Equal(CanaryClassification.Pass, result.Classification);
        Assert.Equal(1, result.PValue);
        Assert.Equal(1, result.EffectSize);
        Assert.Equal("errors is Pass: both sides are constant at 3 (5 baseline, 6 canary samples).", result.Reason);
    }

    [Theory]
    [InlineData(1.0, (int)CanaryClassification.High)] // ratio 12 / 10 = 1.2 > 1.0
    [InlineData(1.2, (int)CanaryClassification.Pass)] // 1.2 is within 1.2
    public void Analyze_BothConstantButDifferent_TestSignificantAndEffectSizeDecides(double allowedIncrease, int expectedValue)
    {
        var expected = (CanaryClassification)expectedValue;
        // All 10 vs all 12: the ranks separate completely, p = 2/252 = 0.0079 < 0.02.
        var metric = Metric("pool_size");
        metric.AllowedIncrease = allowedIncrease;

        var result = Judge(metric, [10, 10, 10, 10, 10], [12, 12, 12, 12, 12]);

        Assert.Equal(expected, result.Classification);
        Assert.Equal(2.0 / 252, result.PValue!.Value, 15);
        Assert.Equal(1.2, result.EffectSize);
    }

    [Fact]
    public void Analyze_NaNAndInfinity_DroppedAndCounted()
    {
        var result = Judge(Metric("m"), [1, 2, double.NaN, 3, 4, double.PositiveInfinity, 5], [6, 7, 8, double.NegativeInfinity, 9, 10]);

        Assert.Equal(CanaryClassification.High, result.Classification);
        Assert.Equal((5, 5, 2, 1), (result.BaselineCount, result.CanaryCount, result.BaselineDropped, result.CanaryDropped));
        Assert.Equal(2.0 / 252, result.PValue!.Value, 15);
        Assert.Contains("(2 baseline, 1 canary NaN/Infinity samples dropped)", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_TooFewUsableSamples_NoDataNotScored()
    {
        // 5 samples but 2 NaN: 3 usable < 5.
        var result = Judge(Metric("m"), [1, 2, 3, double.NaN, double.NaN], Shifted);

        Assert.Equal(CanaryClassification.NoData, result.Classification);
        Assert.False(result.Passed);
        Assert.False(result.Scored);
        Assert.Null(result.PValue);
        Assert.Null(result.U);
        Assert.Equal("m is NoData: 3 usable baseline and 5 canary samples, at least 5 a side needed (2 baseline, 0 canary NaN/Infinity samples dropped).", result.Reason);
    }

    [Fact]
    public void Analyze_MinimumLoweredButSignificanceOutOfReach_NoData()
    {
        // 4 vs 4: the most extreme arrangement has p = 2 / C(8,4) = 2/70 = 0.0286, never below 0.02,
        // so even complete separation cannot count: NoData rather than a vacuous Pass.
        var metric = Metric("m");
        metric.MinimumSamples = 2;

        var result = Judge(metric, [1, 2, 3, 4], [6, 7, 8, 9]);

        Assert.Equal(CanaryClassification.NoData, result.Classification);
        Assert.Contains("no p-value can go below 0.0286, so p < 0.02 is out of reach", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_MetricMissingFromCanary_NoData()
    {
        var report = Analyzer([Metric("m")]).Analyze(Samples(("m", Low)), Samples());

        Assert.Equal(CanaryClassification.NoData, report.Metrics[0].Classification);
        Assert.Equal(0, report.Metrics[0].CanaryCount);
        Assert.Null(report.Metrics[0].CanaryMedian);
    }

    [Fact]
    public void Analyze_ZeroBaseline_HighWithUndefinedRatioAndNoInfinity()
    {
        // Baseline all 0 (mean 0: ratio undefined), canary 1..5: complete separation, p = 2/252.
        // The tolerance cannot excuse a change it cannot measure, so the significant increase is High.
        var report = Analyzer([Metric("errors")]).Analyze(Samples(("errors", [0, 0, 0, 0, 0])), Samples(("errors", Low)));
        var result = report.Metrics[0];

        Assert.Equal(CanaryClassification.High, result.Classification);
        Assert.Null(result.EffectSize);
        Assert.Contains("mean ratio undefined (baseline mean not positive)", result.Reason, StringComparison.Ordinal);
        var json = JsonSerializer.Serialize(report); // throws on Infinity or NaN
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NegativeBaselineMean_RatioUndefined()
    {
        var result = Judge(Metric("delta"), [-5, -4, -3, -2, -1], Shifted);

        Assert.Equal(CanaryClassification.High, result.Classification);
        Assert.Null(result.EffectSize);
    }

    private static CanaryMetricResult Judge(CanaryMetricConfig metric, double[] baseline, double[] canary, double confidence = 0.98)
        => Analyzer([metric], configure: o => o.Confidence = confidence)
            .Analyze(Samples((metric.Name, baseline)), Samples((metric.Name, canary)))
            .Metrics.Single();
}
