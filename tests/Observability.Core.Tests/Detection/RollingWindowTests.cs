namespace Observability.Core.Tests.Detection;

public sealed class RollingWindowTests
{
    [Fact]
    public void Add_OneTwoThreeThenFour_KeepsTheLastThree()
    {
        var window = new RollingWindow(3);
        window.Add(1);
        window.Add(2);
        window.Add(3);

        // {1, 2, 3}: sum 6, mean 2, squared deviations 1 + 0 + 1 = 2: population variance 2/3, sample variance 2/2 = 1.
        Assert.True(window.IsFull);
        Assert.Equal(3, window.Count);
        Assert.Equal(6, window.Sum);
        Assert.Equal(2, window.Mean);
        Assert.Equal(1, window.Min);
        Assert.Equal(3, window.Max);
        Assert.Equal(2.0 / 3, window.Variance, 15);
        Assert.Equal(1, window.SampleVariance, 15);
        Assert.Equal(Math.Sqrt(2.0 / 3), window.StandardDeviation, 15);

        // 4 evicts 1: {2, 3, 4}: sum 9, mean 3, min 2, max 4, same spread.
        window.Add(4);
        Assert.Equal(3, window.Count);
        Assert.Equal(9, window.Sum);
        Assert.Equal(3, window.Mean);
        Assert.Equal(2, window.Min);
        Assert.Equal(4, window.Max);
        Assert.Equal(2.0 / 3, window.Variance, 15);
    }

    [Fact]
    public void Empty_HasNaNStatisticsAndZeroSum()
    {
        var window = new RollingWindow(4);

        Assert.Equal(0, window.Count);
        Assert.Equal(0, window.Sum);
        Assert.True(double.IsNaN(window.Mean));
        Assert.True(double.IsNaN(window.Min));
        Assert.True(double.IsNaN(window.Max));
        Assert.True(double.IsNaN(window.Variance));

        window.Add(7);
        Assert.Equal(0, window.Variance);             // one sample: no spread
        Assert.True(double.IsNaN(window.SampleVariance)); // n - 1 = 0
    }

    [Fact]
    public void MinMax_WhenTheExtremeIsTheOldest_FollowItOut()
    {
        var window = new RollingWindow(3);
        var maxima = new List<double>();
        var minima = new List<double>();
        foreach (var value in new[] { 5.0, 4, 3, 2, 1, 9, 0 })
        {
            window.Add(value);
            maxima.Add(window.Max);
            minima.Add(window.Min);
        }

        // Windows: {5} {5,4} {5,4,3} {4,3,2} {3,2,1} {2,1,9} {1,9,0}
        Assert.Equal([5.0, 5, 5, 4, 3, 9, 9], maxima);
        Assert.Equal([5.0, 4, 3, 2, 1, 1, 0], minima);
    }

    [Fact]
    public void Add_LongRandomStream_MatchesABruteForceRecount()
    {
        const int capacity = 7;
        var values = Series.Gaussian(seed: 11, count: 2_000, mean: 50, standardDeviation: 20);
        var window = new RollingWindow(capacity);

        for (var i = 0; i < values.Length; i++)
        {
            window.Add(values[i]);
            var last = values[Math.Max(0, i - capacity + 1)..(i + 1)];
            var mean = last.Average();
            Assert.Equal(last.Sum(), window.Sum, 9);
            Assert.Equal(mean, window.Mean, 9);
            Assert.Equal(last.Min(), window.Min);
            Assert.Equal(last.Max(), window.Max);
            Assert.Equal(last.Sum(v => (v - mean) * (v - mean)) / last.Length, window.Variance, 9);
        }
    }

    [Fact]
    public void Variance_LargeOffsetSmallSpread_IsNotLostToCancellation()
    {
        // A naive sum-of-squares variance, (sum x^2 - (sum x)^2 / n) / n, loses every digit here:
        // the squares are about 1e18 and their differences 1 (below the 128 a double can resolve at 1e18).
        var window = new RollingWindow(3);
        foreach (var value in new[] { 1e9 + 5, 1e9 + 1, 1e9 + 2, 1e9 + 3 })
        {
            window.Add(value);
        }

        Assert.Equal(1e9 + 2, window.Mean);
        Assert.Equal(2.0 / 3, window.Variance, 9); // {1e9 + 1, 1e9 + 2, 1e9 + 3}
    }

    [Fact]
    public void Variance_AfterAFarOutlierLeaves_IsExactAgain()
    {
        // 1e12 dominates the sum of squares (about 6.7e23); when it leaves, the sliding step would
        // cancel all but the last few units of it. The window recomputes from its buffer instead.
        var window = new RollingWindow(4);
        foreach (var value in new[] { 1e12, 1, 2, 3, 4 })
        {
            window.Add(value);
        }

        // {1, 2, 3, 4}: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, variance 5 / 4 = 1.25.
        Assert.Equal(2.5, window.Mean);
        Assert.Equal(10, window.Sum);
        Assert.Equal(1.25, window.Variance);
        Assert.Equal(1, window.Min);
        Assert.Equal(4, window.Max);
    }

    [Fact]
    public void Add_ConstantSeries_HasExactlyZeroVariance()
    {
        var window = new RollingWindow(5);
        for (var i = 0; i < 23; i++)
        {
            window.Add(0.1);
        }

        Assert.Equal(0.1, window.Mean);
        Assert.Equal(0, window.Variance);
        Assert.Equal(0.1, window.Min);
        Assert.Equal(0.1, window.Max);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Add_NonFinite_IsRefusedAndChangesNothing(double bad)
    {
        var window = new RollingWindow(2);
        window.Add(1);
        window.Add(3);

        Assert.False(window.Add(bad));

        Assert.Equal(2, window.Count);
        Assert.Equal(2, window.Mean);
        Assert.Equal(1, window.Min);
        Assert.Equal(3, window.Max);
        Assert.Equal(1, window.Variance);
    }

    [Fact]
    public void Reset_EmptiesTheWindow()
    {
        var window = new RollingWindow(2);
        window.Add(1);
        window.Add(3);

        window.Reset();

        Assert.Equal(0, window.Count);
        Assert.True(double.IsNaN(window.Max));
        window.Add(10);
        Assert.Equal(10, window.Mean);
        Assert.Equal(10, window.Min);
        Assert.Equal(10, window.Max);
    }

    [Fact]
    public void Constructor_CapacityBelowOne_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RollingWindow(0));
        Assert.Equal("capacity", error.ParamName);
        Assert.Equal(0, error.ActualValue);
    }
}
