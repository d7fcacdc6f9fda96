using Observability.Internal;

namespace Observability;

/// <summary>
/// Scores each sample by its z-score against an exponentially weighted moving mean and variance of
/// the samples before it. O(1) state (three numbers), no allocation per sample.
/// </summary>
/// <remarks>
/// <para>
/// The first sample sets the mean (variance 0). Each later sample x, with smoothing factor alpha:
/// <c>diff = x - mean; mean += alpha * diff; variance = (1 - alpha) * (variance + alpha * diff * diff)</c>
/// (the incremental EWMA variance; the newest sample weighs alpha, older ones decay by 1 - alpha).
/// A sample is scored against the mean and variance <em>before</em> it is learned, so an outlier
/// cannot dilute its own z-score; every finite sample is then learned, outliers included.
/// </para>
/// <para>
/// The first <see cref="WarmUpSamples"/> samples are learned but not scored (the variance starts at
/// 0 and needs a few samples to mean anything). NaN and infinite samples are ignored. With a
/// standard deviation of 0 (a perfectly constant history), a sample equal to the mean has z 0 and any
/// other value an infinite z-score: severity high, score 1.
/// </para>
/// </remarks>
internal sealed class EwmaDetector : IAnomalyDetector
{
    /// <summary>The default smoothing factor, 0.1: the weights of the last 10 samples sum to 1 - 0.9^10 = 65 %.</summary>
    public const double DefaultAlpha = 0.1;

    /// <summary>The default warm-up: 20 samples (with alpha 0.1, 0.9^20 = 12 % of the variance's weight is still its starting 0).</summary>
    public const int DefaultWarmUpSamples = 20;

    private double _mean;
    private double _variance;
    private long _count;

    /// <summary>Initializes a new instance of the <see cref="EwmaDetector"/> class.</summary>
    /// <param name="alpha">The smoothing factor in (0, 1]: the weight of the newest sample. Default 0.1.</param>
    /// <param name="warmUpSamples">How many samples to learn before scoring, at least 2. Default 20.</param>
    /// <exception cref="ArgumentOutOfRangeException">alpha is not in (0, 1], or warmUpSamples is below 2.</exception>
    public EwmaDetector(double alpha = DefaultAlpha, int warmUpSamples = DefaultWarmUpSamples)
    {
        if (!(alpha > 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, $"The EWMA smoothing factor must be in (0, 1]; got {DetectorMath.Format(alpha)}.");
        }

        Alpha = alpha;
        WarmUpSamples = DetectorMath.AtLeast(warmUpSamples, 2, nameof(warmUpSamples), "The EWMA warm-up sample count");
    }

    /// <summary>Creates a detector whose smoothing factor follows from a span: alpha = 2 / (span + 1).</summary>
    /// <param name="span">The span in samples, at least 1 (span 19 is alpha 0.1).</param>
    /// <param name="warmUpSamples">How many samples to learn before scoring, at least 2. Default 20.</param>
    /// <returns>The detector.</returns>
    /// <exception cref="ArgumentOutOfRangeException">span is below 1, or warmUpSamples is below 2.</exception>
    public static EwmaDetector FromSpan(int span, int warmUpSamples = DefaultWarmUpSamples)
        => new(2.0 / (DetectorMath.AtLeast(span, 1, nameof(span), "The EWMA span") + 1), warmUpSamples);

    /// <inheritdoc />
    public string Name => "ewma";

    /// <summary>Gets the smoothing factor.</summary>
    public double Alpha { get; }

    /// <summary>Gets how many samples are learned before the detector scores.</summary>
    public int WarmUpSamples { get; }

    /// <summary>Gets how many finite samples were learned since construction or the last reset.</summary>
    public long Count => _count;

    /// <summary>Gets the current EWMA mean (0 before the first sample).</summary>
    public double Mean => _mean;

    /// <summary>Gets the current EWMA variance.</summary>
    public double Variance => _variance;

    /// <summary>Gets the current EWMA standard deviation, the square root of <see cref="Variance"/>.</summary>
    public double StandardDeviation => Math.Sqrt(_variance);

    /// <summary>Scores the next sample against the history, then learns it.</summary>
    /// <param name="value">The sample; NaN and infinity are ignored.</param>
    /// <returns>The reading.</returns>
    public AnomalyReading Observe(double value)
    {
        var mean = _mean;
        var standardDeviation = Math.Sqrt(_variance);
        if (!double.IsFinite(value))
        {
            return AnomalyReading.Unscored(value, mean, standardDeviation, AnomalyReadingStatus.Ignored);
        }

        var reading = _count < WarmUpSamples
            ? AnomalyReading.Unscored(value, mean, standardDeviation, AnomalyReadingStatus.WarmingUp)
            : AnomalyReading.Scored(value, mean, standardDeviation);

        if (_count == 0)
        {
            _mean = value;
        }
        else
        {
            var diff = value - _mean;
            var increment = Alpha * diff;
            _mean += increment;
            _variance = (1 - Alpha) * (_variance + diff * increment);
        }

        _count++;
        return reading;
    }

    /// <inheritdoc />
    /// <remarks>The timestamp is not used: the EWMA weighs samples by their order, not by time.</remarks>
    public double Update(DateTimeOffset timestamp, double value) => Observe(value).Score;

    /// <inheritdoc />
    public void Reset()
    {
        _mean = 0;
        _variance = 0;
        _count = 0;
    }
}
