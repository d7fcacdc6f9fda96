using Observability.Internal;

namespace Observability;

/// <summary>
/// The Page-Hinkley test for level shifts, two-sided: like <see cref="CusumDetector"/>, but each sample
/// is compared with the running mean of every sample since the start (or the last change) rather than
/// with a frozen reference mean. O(1) state, no allocation per sample.
/// </summary>
/// <remarks>
/// <para>
/// The first <see cref="WarmUpSamples"/> samples fix the scale s (their population standard deviation)
/// and start the running mean. Each later sample x joins the running mean x̄ (x included), and its
/// standardized deviation z = (x - x̄) / s accumulates in the Page-Hinkley statistics
/// <c>m_up = sum(z - delta)</c> and <c>m_down = sum(z + delta)</c>. A change up is detected when
/// m_up - min(m_up) exceeds lambda, the <see cref="Threshold"/>; down when max(m_down) - m_down does.
/// Those differences are computed in their equivalent recursive form,
/// <c>upper = max(0, upper + z - delta)</c> and <c>lower = max(0, lower - z - delta)</c>, so nothing
/// grows without bound. delta (<see cref="Drift"/>) and lambda are in standard deviations of the
/// warm-up; the defaults (1, 6 and a 50-sample warm-up) match the CUSUM's. Because the running mean
/// follows the new level, this test is slower than the CUSUM on small shifts (with the defaults it
/// rarely catches a shift of one standard deviation) and quieter on noise (3 false alarms in 300,000
/// simulated samples of Gaussian noise, against the CUSUM's 6).
/// </para>
/// <para>
/// After a detection the statistics and the running mean start again, and the scale is learned anew
/// from the detecting sample on: no change can be detected during that warm-up. NaN and infinite
/// samples are ignored (they still count in <see cref="ChangePoint.Index"/>). A warm-up of zero spread
/// (a constant series) makes any other value an infinite z: it is detected at once.
/// </para>
/// </remarks>
internal sealed class PageHinkleyDetector : IAnomalyDetector
{
    /// <summary>The default threshold lambda: 6 warm-up standard deviations.</summary>
    public const double DefaultThreshold = 6.0;

    /// <summary>The default drift allowance delta: 1 warm-up standard deviation.</summary>
    public const double DefaultDrift = 1.0;

    /// <summary>The default warm-up: 50 samples to learn the scale.</summary>
    public const int DefaultWarmUpSamples = 50;

    private readonly LevelShiftTest _test;

    /// <summary>Initializes a new instance of the <see cref="PageHinkleyDetector"/> class.</summary>
    /// <param name="threshold">lambda, the decision threshold in warm-up standard deviations, finite and greater than 0. Default 6.</param>
    /// <param name="drift">delta, the drift allowance in warm-up standard deviations, finite and at least 0. Default 1.</param>
    /// <param name="warmUpSamples">How many samples fix the scale, at least 2. Default 50.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of its range.</exception>
    public PageHinkleyDetector(double threshold = DefaultThreshold, double drift = DefaultDrift, int warmUpSamples = DefaultWarmUpSamples)
    {
        Threshold = DetectorMath.Positive(threshold, nameof(threshold), "The Page-Hinkley threshold (lambda)");
        Drift = DetectorMath.NonNegative(drift, nameof(drift), "The Page-Hinkley drift allowance (delta)");
        WarmUpSamples = DetectorMath.AtLeast(warmUpSamples, 2, nameof(warmUpSamples), "The Page-Hinkley warm-up sample count");
        _test = new LevelShiftTest(Threshold, Drift, WarmUpSamples, followMean: true);
    }

    /// <inheritdoc />
    public string Name => "page_hinkley";

    /// <summary>Gets lambda, the decision threshold in warm-up standard deviations.</summary>
    public double Threshold { get; }

    /// <summary>Gets delta, the drift allowance in warm-up standard deviations.</summary>
    public double Drift { get; }

    /// <summary>Gets how many samples fix the scale.</summary>
    public int WarmUpSamples { get; }

    /// <summary>Gets whether the warm-up is complete, so that samples are being tested.</summary>
    public bool IsWarm => _test.IsWarm;

    /// <summary>Gets the running mean of the samples since the start or the last change.</summary>
    public double Mean => _test.Mean;

    /// <summary>Gets the scale: the population standard deviation of the warm-up samples.</summary>
    public double Scale => _test.Scale;

    /// <summary>Gets the upward statistic now, m_up - min(m_up).</summary>
    public double UpperStatistic => _test.Upper;

    /// <summary>Gets the downward statistic now, max(m_down) - m_down.</summary>
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
