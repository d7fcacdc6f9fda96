namespace Observability.Core.Tests.Detection;

/// <summary>Deterministic test series: fixed-seed System.Random, so every run sees the same numbers.</summary>
internal static class Series
{
    public static readonly DateTimeOffset Start = new(2025, 11, 15, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The timestamp of sample <paramref name="index"/>: one sample a minute from <see cref="Start"/>.</summary>
    public static DateTimeOffset At(long index) => Start.AddMinutes(index);

    /// <summary>Gaussian noise N(mean, sd^2) by the Box-Muller transform.</summary>
    public static double[] Gaussian(int seed, int count, double mean, double standardDeviation)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = mean + standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        return values;
    }

    /// <summary>Gaussian noise around <paramref name="before"/> for <paramref name="stepAt"/> samples, then around <paramref name="after"/>.</summary>
    public static double[] Step(int seed, int count, int stepAt, double before, double after, double standardDeviation)
    {
        var values = Gaussian(seed, count, 0, standardDeviation);
        for (var i = 0; i < count; i++)
        {
            values[i] += i < stepAt ? before : after;
        }

        return values;
    }
}
