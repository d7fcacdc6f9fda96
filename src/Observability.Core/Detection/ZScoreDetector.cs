using Observability.Internal;

namespace Observability;

/// <summary>
/// Scores each sample by its z-score against the mean and population standard deviation of the
/// last <see cref="WindowSize"/> samples before it, with the severities of <see cref="AnomalyScale"/>
/// (|z| &gt;= 2.0 low, &gt;= 2.5 medium, &gt;= 3.0 high). O(N) memory allocated once, O(1) per sample.
/// </summary>
/// <remarks>
/// A sample is scored against the window <em>before</em> it joins, then joins it (outliers too, so a
/// new level becomes ordinary once it fills the window). The first <see cref="WarmUpSamples"/> samples
/// are learned but not scored. NaN and infinite samples are ignored. With a standard deviation of 0 (a
/// window of identical values), a sample equal to them has z 0 and any other value an infinite
/// z-score: severity high, score 1.
/// </remarks>
internal sealed class ZScoreDetector : IAnomalyDetector
{
    /// <summary>The default window: the last 30 samples.</summary>
    public const int DefaultWindowSize = 30;

    /// <summary>The default warm-up: 10 samples.</summary>
    public const int DefaultWarmUpSamples = 10;

    private readonly RollingMoments _window;

    /// <summary>Initializes a new instance of the <see cref="ZScoreDetector"/> class.</summary>
    /// <param name="windowSize">How many of the latest samples make the history, at least 2. Default 30.</param>
    /// <param name="warmUpSamples">How many samples to learn before scoring, from 2 to <paramref name="windowSize"/>. Default 10 (or the window size, if smaller).</param>
    /// <exception cref="ArgumentOutOfRangeException">windowSize is below 2, or warmUpSamples is not in [2, windowSize].</exception>
    public ZScoreDetector(int windowSize = DefaultWindowSize, int? warmUpSamples = null)
    {
        DetectorMath.AtLeast(windowSize, 2, nameof(windowSize), "The z-score window size");
        var warmUp = warmUpSamples ?? Math.Min(DefaultWarmUpSamples, windowSize);
        if (warmUp < 2 || warmUp > windowSize)
        {
            throw new ArgumentOutOfRangeException(nameof(warmUpSamples), warmUp, $"The z-score warm-up sample count must be between 2 and the window size {windowSize}; got {warmUp}.");
        }

        WarmUpSamples = warmUp;
        _window = new RollingMoments(windowSize);
    }

    /// <inheritdoc />
    public string Name => "zscore";

    /// <summary>Gets how many of the latest samples make the history.</summary>
    public int WindowSize => _window.Capacity;

    /// <summary>Gets how many samples are learned before the detector scores.</summary>
    public int WarmUpSamples { get; }

    /// <summary>Gets how many samples the window holds now.</summary>
    public int Count => _window.Count;

    /// <summary>Gets the mean of the window (0 when empty).</summary>
    public double Mean => _window.Mean;

    /// <summary>Gets the population standard deviation of the window.</summary>
    public double StandardDeviation => Math.Sqrt(_window.Variance);

    /// <summary>Scores the next sample against the window, then adds it to the window.</summary>
    /// <param name="value">The sample; NaN and infinity are ignored.</param>
    /// <returns>The reading.</returns>
    public AnomalyReading Observe(double value)
    {
        var mean = _window.Mean;
        var standardDeviation = Math.Sqrt(_window.Variance);
        if (!double.IsFinite(value))
        {
            return AnomalyReading.Unscored(value, mean, standardDeviation, AnomalyReadingStatus.Ignored);
        }

        var reading = _window.Count < WarmUpSamples
            ? AnomalyReading.Unscored(value, mean, standardDeviation, AnomalyReadingStatus.WarmingUp)
            : AnomalyReading.Scored(value, mean, standardDeviation);
        _window.Add(value);
        return reading;
    }

    /// <inheritdoc />
    /// <remarks>The timestamp is not used: the window is the last N samples, whatever their spacing.</remarks>
    public double Update(DateTimeOffset timestamp, double value) => Observe(value).Score;

    /// <inheritdoc />
    public void Reset() => _window.Clear();
}
