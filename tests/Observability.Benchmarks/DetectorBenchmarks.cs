using BenchmarkDotNet.Attributes;

namespace Observability.Benchmarks;

/// <summary>
/// The streaming detectors over 10,000 precomputed samples, against just summing those samples. Each
/// benchmark reports the cost of one sample (<c>OperationsPerInvoke</c> = 10,000): read Mean as
/// nanoseconds per sample and Allocated as bytes per sample (0 is the promise). The detectors persist
/// across invocations, so what is measured is the steady state of a long stream, warm-up long past.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class DetectorBenchmarks
{
    private const int SampleCount = 10_000;

    private readonly DateTimeOffset _timestamp = new(2025, 11, 15, 0, 0, 0, TimeSpan.Zero);
    private readonly double[] _samples = CreateSamples();
    private readonly double[] _ratios;
    private readonly DefaultAnomalyDetector _default = new();
    private readonly EwmaDetector _ewma = new();
    private readonly ZScoreDetector _zScore = new();
    private readonly BollingerBandDetector _bollinger = new();
    private readonly CusumDetector _cusum = new();
    private readonly PageHinkleyDetector _pageHinkley = new();
    private readonly RollingWindow _window = new(60);
    private readonly RollingSuccessRate _successRate = new(60);

    /// <summary>Initializes a new instance of the <see cref="DetectorBenchmarks"/> class.</summary>
    public DetectorBenchmarks()
    {
        // Success ratios near 0.99 (1 - sample / 10,000): the shift and the spikes dip into degradation.
        _ratios = Array.ConvertAll(_samples, static s => Math.Clamp(1 - s / 10_000, 0, 1));
    }

    /// <summary>The baseline: sum the samples, the least any detector has to do with them.</summary>
    /// <returns>The sum.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = SampleCount)]
    public double SumOnly()
    {
        var sum = 0.0;
        foreach (var sample in _samples)
        {
            sum += sample;
        }

        return sum;
    }

    /// <summary>The library's default detector (baseline, likelihood, range check, suppression).</summary>
    /// <returns>The sum of the scores.</returns>
    [Benchmark(OperationsPerInvoke = SampleCount)]
    public double Default()
    {
        var sum = 0.0;
        foreach (var sample in _samples)
        {
            sum += _default.Update(_timestamp, sample);
        }

        return sum;
    }

    /// <summary>EWMA mean and variance, z-score, severity and score per sample.</summary>
    /// <returns>The sum of the scores.</returns>
    [Benchmark(OperationsPerInvoke = SampleCount)]
    public double Ewma()
    {
        var sum = 0.0;
        foreach (var sample in _samples)
        {
            sum += _ewma.Update(_timestamp, sample);
        }

        return sum;
    }

    /// <summary>Rolling z-score over the last 30 samples.</summary>
    /// <returns>The sum of the scores.</returns>
    [Benchmark(OperationsPerInvoke = SampleCount)]
    public double ZScore()
    {
        var sum = 0.0;
        foreach (var sample in _samples)
        {
            sum += _zScore.Update(_timestamp, sample);
        }

        return sum;
    }

    /// <summary>Bollinger bands over the last 20 samples, k = 2.</summary>
    /// <returns>The sum of the scores.</returns>
    [Benchmark(OperationsPerInvoke = SampleCount)]
    public double Bollinger()
    {
        var sum = 0.0;
        foreach (var sample in _samples)
        {
            sum += _bollinger.Update(_timestamp, sample);
        }

        return sum;
    }

    /// <summary>Two-sided CUSUM with the default k = 1, h = 6.</summary>
    /// <returns>The sum of the scores.</returns>
    [Benchmark(OperationsPerInvoke = SampleCount)]
    public double Cusum()
    {
        var sum = 0.0;
        foreach (var sample in _samples)
        {
            sum += _cusum.Update(_timestamp, sample);
        }

        return sum;
    }

    /// <summary>Two-sided Page-Hinkley with the default delta = 1, lambda = 6.</summary>
    /// <returns>The sum of the scores.</returns>
    [Benchmark(OperationsPerInvoke = SampleCount)]
    public double PageHinkley()
    {
        var sum = 0.0;
        foreach (var sample in _samples)
        {
            sum += _pageHinkley.Update(_timestamp, sample);
        }

        return sum;
    }

    /// <summary>RollingWindow over the last 60 samples: add, then read the mean, variance, min and max.</summary>
    /// <returns>A sum of the statistics.</returns>
    [Benchmark(OperationsPerInvoke = SampleCount)]
    public double RollingWindowStats()
    {
        var sum = 0.0;
        foreach (var sample in _samples)
        {
            _window.Add(sample);
            sum += _window.Mean + _window.Variance + _window.Min + _window.Max;
        }

        return sum;
    }

    /// <summary>RollingSuccessRate over the last 60 observations, fed as ratios, reading the status.</summary>
    /// <returns>A sum of the statuses.</returns>
    [Benchmark(OperationsPerInvoke = SampleCount)]
    public int SuccessRate()
    {
        var sum = 0;
        foreach (var ratio in _ratios)
        {
            _successRate.Add(ratio);
            sum += (int)_successRate.Status;
        }

        return sum;
    }

    // Gaussian noise N(100, 5^2) (fixed seed), a level shift to 130 halfway, and a spike every 500 samples.
    private static double[] CreateSamples()
    {
        var random = new Random(42);
        var samples = new double[SampleCount];
        for (var i = 0; i < samples.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var noise = 5 * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            samples[i] = (i < SampleCount / 2 ? 100 : 130) + noise + (i % 500 == 250 ? 60 : 0);
        }

        return samples;
    }
}
