using Observability.Internal;

namespace Observability.Core.Tests.Logs;

public sealed class DurationDistributionTests
{
    [Fact]
    public void UpToTheCapacity_PercentilesAreExactNearestRank()
    {
        var distribution = new DurationDistribution();
        foreach (var value in Enumerable.Range(1, 100).Reverse())
        {
            distribution.Add(value);
        }

        Assert.True(distribution.IsExact);
        Assert.Equal(95, distribution.Percentile(0.95));
        Assert.Equal(99, distribution.Percentile(0.99));
        Assert.Equal(100, distribution.Stored);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(200_000)]
    public void PastTheCapacity_PercentilesStayWithinOnePercent_InBoundedMemory(int count)
    {
        var random = new Random(count);
        var values = new double[count];
        var distribution = new DurationDistribution();
        for (var i = 0; i < count; i++)
        {
            // Log-normal latencies around 120 ms with a long tail, and a few of 0 ms.
            values[i] = i % 97 == 0 ? 0 : Math.Exp(Math.Log(120) + (0.8 * Normal(random)));
            distribution.Add(values[i]);
        }

        Array.Sort(values);
        Assert.False(distribution.IsExact);
        Assert.Equal(count, distribution.Count);
        foreach (var p in new[] { 0.5, 0.95, 0.99 })
        {
            var exact = values[(int)Math.Ceiling(p * count) - 1];
            Assert.InRange(distribution.Percentile(p), exact * (1 - DurationDistribution.RelativeAccuracy), exact * (1 + DurationDistribution.RelativeAccuracy));
        }

        Assert.InRange(distribution.Stored, 1, 1_000); // bins, not values: ln(max/min) / ln(1.0202)
    }

    [Fact]
    public void MostlyZeros_PastTheCapacity_GiveZero()
    {
        var distribution = new DurationDistribution();
        for (var i = 0; i < 10_000; i++)
        {
            distribution.Add(i % 100 == 0 ? 250 : (i % 2 == 0 ? 0 : -1));
        }

        Assert.Equal(0, distribution.Percentile(0.95));
        Assert.InRange(distribution.Percentile(0.995), 250 * 0.99, 250 * 1.01);
    }

    [Fact]
    public void OneOverTheCapacity_KeepsEveryValueItHadCounted()
    {
        var distribution = new DurationDistribution();
        for (var i = 1; i <= DurationDistribution.ExactCapacity + 1; i++)
        {
            distribution.Add(i);
        }

        Assert.False(distribution.IsExact);
        var top = distribution.Percentile(1.0);
        Assert.InRange(top, (DurationDistribution.ExactCapacity + 1) * 0.99, (DurationDistribution.ExactCapacity + 1) * 1.01);
        Assert.InRange(distribution.Percentile(1.0 / (DurationDistribution.ExactCapacity + 1)), 0.99, 1.01);
    }

    private static double Normal(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
