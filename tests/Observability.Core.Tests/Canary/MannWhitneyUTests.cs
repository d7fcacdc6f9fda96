using Observability.Internal;

namespace Observability.Core.Tests.Canary;

/// <summary>
/// The U test against hand-computed values and scipy 1.10.1 (<c>scipy.stats.mannwhitneyu(canary, baseline, ...)</c>,
/// whose statistic is the first sample's U, as ours is the canary's).
/// </summary>
public sealed class MannWhitneyUTests
{
    [Fact]
    public void Test_CompletelySeparatedFiveVersusFive_ExactPIsTwoOver252()
    {
        // Canary ranks 6..10, sum 40; U = 40 - 5*6/2 = 25 (every one of the 25 pairs has the canary higher),
        // so the baseline's U, the textbook min(U1, U2), is 0. Only 1 of the C(10,5) = 252 equally likely
        // rank sets is that extreme on each side: p = 2/252 = 0.0079365. scipy method="exact": 25.0, 0.007936507936507936.
        var result = MannWhitneyU.Test(CanaryTestData.Low, CanaryTestData.Shifted);

        Assert.Equal(25, result.U);
        Assert.Equal(2.0 / 252, result.PValue, 15);
        Assert.True(result.Exact);
        Assert.True(result.CanaryHigher);
    }

    [Fact]
    public void Test_SidesSwapped_SamePValueAndComplementaryU()
    {
        var result = MannWhitneyU.Test(CanaryTestData.Shifted, CanaryTestData.Low);

        Assert.Equal(0, result.U); // 25 - 25
        Assert.Equal(2.0 / 252, result.PValue, 15);
        Assert.True(result.CanaryLower);
    }

    [Fact]
    public void Test_SmallSampleWithTies_UsesExactPermutationDistributionOfAverageRanks()
    {
        // Pooled sorted: 1 | 2 2 | 3 3 3 3 | 4 4 | 5 | 6 -> average ranks 1 | 2.5 | 5.5 | 8.5 | 10 | 11.
        // Canary {3,4,4,5,6}: 5.5 + 8.5 + 8.5 + 10 + 11 = 43.5; U = 43.5 - 15 = 28.5 (scipy: 28.5).
        // Enumerating all C(11,5) = 462 subsets of the average ranks: 4 have a sum >= 43.5, so
        // p = 2 * 4/462 = 4/231 = 0.017316 (significant at 0.98), where the normal approximation says 0.014648.
        var result = MannWhitneyU.Test([1, 2, 2, 3, 3, 3], [3, 4, 4, 5, 6]);

        Assert.Equal(28.5, result.U);
        Assert.Equal(4.0 / 231, result.PValue, 15);
        Assert.True(result.Exact);
    }

    [Fact]
    public void Test_ModerateSamplesWithoutTies_MatchesScipyExact()
    {
        // 12 vs 15 = 27 values <= 40: exact. scipy method="exact": statistic 151.0, p 0.002117366338661264.
        double[] baseline = [3.1, 4.7, 5.2, 6.0, 6.3, 7.9, 8.4, 9.0, 9.6, 10.2, 11.5, 12.8];
        double[] canary = [5.9, 7.2, 8.8, 9.9, 10.7, 11.1, 12.1, 13.4, 13.9, 14.6, 15.3, 16.0, 16.8, 17.5, 18.2];

        var result = MannWhitneyU.Test(baseline, canary);

        Assert.Equal(151, result.U);
        Assert.Equal(0.002117366338661264, result.PValue, 12);
        Assert.True(result.Exact);
    }

    [Fact]
    public void Test_LargeSampleWithTies_UsesTieCorrectedNormalApproximation()
    {
        // Baseline 10x1, 10x2, 10x3; canary 10x2, 10x3, 10x4 (N = 60 > 40: normal).
        // Average ranks: 1 -> 5.5, 2 -> 20.5, 3 -> 40.5, 4 -> 55.5. Canary rank sum 10*(20.5 + 40.5 + 55.5) = 1165,
        // U = 1165 - 30*31/2 = 700, mean 30*30/2 = 450.
        // Ties: sum(t^3 - t) = 2*(10^3 - 10) + 2*(20^3 - 20) = 17940.
        // Variance = 30*30/12 * (61 - 17940/(60*59)) = 75 * 55.93220 = 4194.915 (untied: 75 * 61 = 4575).
        // z = (250 - 0.5) / 64.76817 = 3.85220; p = 2 * (1 - Phi(z)) = 1.1706e-4.
        // scipy method="asymptotic", use_continuity=True: 700.0, 0.00011706080954085424.
        double[] baseline = [.. Enumerable.Repeat(1.0, 10), .. Enumerable.Repeat(2.0, 10), .. Enumerable.Repeat(3.0, 10)];
        double[] canary = [.. Enumerable.Repeat(2.0, 10), .. Enumerable.Repeat(3.0, 10), .. Enumerable.Repeat(4.0, 10)];

        var result = MannWhitneyU.Test(baseline, canary);

        Assert.Equal(700, result.U);
        Assert.False(result.Exact);
        Assert.Equal(0.00011706080954085424, result.PValue, 12);
    }

    [Fact]
    public void Test_LargeSampleWithoutTies_MatchesScipyAsymptotic()
    {
        // Baseline 0, 2, ..., 48; canary 7.5, 9.5, ..., 55.5 (25 + 25 = 50 > 40).
        // scipy method="asymptotic": statistic 394.0, p 0.11603618751300343.
        double[] baseline = [.. Enumerable.Range(0, 25).Select(static i => i * 2.0)];
        double[] canary = [.. Enumerable.Range(0, 25).Select(static i => (i * 2.0) + 7.5)];

        var result = MannWhitneyU.Test(baseline, canary);

        Assert.Equal(394, result.U);
        Assert.Equal(0.11603618751300343, result.PValue, 12);
    }

    [Fact]
    public void Test_VeryLargeSamples_NoIntegerOverflowInU()
    {
        // 50,000 a side: n2 (n2 + 1) = 2.5e9 overflows an int, and U itself exceeds int.MaxValue.
        // Baseline 0..49999, canary 500..50499 (9,500 values tied across the sides).
        // scipy method="asymptotic": statistic 1274875000.0, p 5.042306742266332e-08.
        double[] baseline = [.. Enumerable.Range(0, 50_000).Select(static i => (double)i)];
        double[] canary = [.. Enumerable.Range(0, 50_000).Select(static i => i + 500.0)];

        var result = MannWhitneyU.Test(baseline, canary);

        Assert.Equal(1_274_875_000, result.U);
        Assert.Equal(5.042306742266332e-08, result.PValue, 1e-14);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    public void Test_AllValuesEqual_PIsOne(int perSide)
    {
        // 10 values take the exact path, 60 the normal one, whose variance is 0 here.
        var same = Enumerable.Repeat(42.0, perSide).ToArray();

        var result = MannWhitneyU.Test(same, same);

        Assert.Equal(1, result.PValue);
        Assert.Equal(perSide * perSide / 2.0, result.U);
    }

    [Fact]
    public void Test_TwoConstantButDifferentSides_ExactPIsTwoOver252()
    {
        // Baseline all 10 (average rank 3), canary all 12 (average rank 8): like complete separation,
        // only 1 of 252 rank sets is as extreme on each side, p = 2/252 (brute-force enumeration agrees).
        var result = MannWhitneyU.Test([10, 10, 10, 10, 10], [12, 12, 12, 12, 12]);

        Assert.Equal(25, result.U);
        Assert.Equal(2.0 / 252, result.PValue, 15);
    }

    [Fact]
    public void Test_BoundaryOfExactPath_FortyValuesExactFortyOneNormal()
    {
        double[] twenty = [.. Enumerable.Range(0, 20).Select(static i => (double)i)];
        double[] twentyOne = [.. Enumerable.Range(0, 21).Select(static i => (double)i)];

        Assert.True(MannWhitneyU.Test(twenty, twenty).Exact);
        Assert.False(MannWhitneyU.Test(twenty, twentyOne).Exact);
    }

    [Theory]
    [InlineData(4, 4, 2.0 / 70)] // C(8,4) = 70: 0.0286, never below 0.02
    [InlineData(5, 5, 2.0 / 252)] // C(10,5) = 252: 0.0079
    [InlineData(3, 22, 2.0 / 2300)] // C(25,3) = 2300
    [InlineData(1, 1, 1)] // 2 / C(2,1) = 1
    public void SmallestAttainablePValue_IsTwoOverBinomial(int n1, int n2, double expected)
        => Assert.Equal(expected, MannWhitneyU.SmallestAttainablePValue(n1, n2), 12);

    [Fact]
    public void Test_EmptySample_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([], [1.0]));

        Assert.Contains("baseline 0", error.Message, StringComparison.Ordinal);
    }
}
