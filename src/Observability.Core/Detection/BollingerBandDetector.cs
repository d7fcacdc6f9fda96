using Observability.Internal;

namespace Observability;

/// <summary>
/// Bollinger bands: flags a sample outside mean +- k population standard deviations of the last N
/// samples before it (N default 20, k default 2). O(N) memory allocated once, O(1) per sample.
/// </summary>
/// <remarks>
/// A sample is compared with the bands of the window <em>before</em> it joins, then joins it. Scoring
/// starts once the window is full (the first N samples are learned only). NaN and infinite samples are
/// ignored. Bands of zero width (N identical values): that value is inside, with %b 0.5; any other
/// value is outside with an infinite %b and score 1.
/// </remarks>
internal sealed class BollingerBandDetector : IAnomalyDetector
{
    /// <summary>The default window: the last 20 samples (Bollinger's own choice).</summary>
    public const int DefaultPeriod = 20;

    /// <summary>The default band width: 2 standard deviations either side of the mean.</summary>
    public const double DefaultWidth = 2.0;

    private readonly RollingMoments _window;

    /// <summary>Initializes a new instance of the <see cref="BollingerBandDetector"/> class.</summary>
    /// <param name="period">How many of the latest samples make the bands, at least 2. Default 20.</param>
    /// <param name="width">k, the bands' distance from the mean in standard deviations, finite and greater than 0. Default 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">period is below 2, or width is not a finite positive number.</exception>
    public BollingerBandDetector(int period = DefaultPeriod, double width = DefaultWidth)
    {
        _window = new RollingMoments(DetectorMath.AtLeast(period, 2, nameof(period), "The Bollinger period"));
        Width = DetectorMath.Positive(width, nameof(width), "The Bollinger band width (k)");
    }

    /// <inheritdoc />
    public string Name => "bollinger";

    /// <summary>Gets how many of the latest samples make the bands.</summary>
    public int Period => _window.Capacity;

    /// <summary>Gets k, the bands' distance from the mean in standard deviations.</summary>
    public double Width { get; }

    /// <summary>Gets how many samples the window holds now.</summary>
    public int Count => _window.Count;

    /// <summary>Gets the middle band now: the mean of the window (0 when empty).</summary>
    public double Middle => _window.Mean;

    /// <summary>Gets the upper band now.</summary>
    public double Upper => _window.Mean + Width * Math.Sqrt(_window.Variance);

    /// <summary>Gets the lower band now.</summary>
    public double Lower => _window.Mean - Width * Math.Sqrt(_window.Variance);

    /// <summary>Compares the next sample with the bands, then adds it to the window.</summary>
    /// <param name="value">The sample; NaN and infinity are ignored.</param>
    /// <returns>The reading.</returns>
    public BollingerReading Observe(double value)
    {
        var middle = _window.Mean;
        var standardDeviation = Math.Sqrt(_window.Variance);
        var reading = new BollingerReading
        {
            Value = value,
            Middle = middle,
            Upper = middle + Width * standardDeviation,
            Lower = middle - Width * standardDeviation,
            PercentB = 0.5,
            Status = AnomalyReadingStatus.Ignored,
        };
        if (!double.IsFinite(value))
        {
            return reading;
        }

        if (_window.Count < _window.Capacity)
        {
            _window.Add(value);
            return reading with { Status = AnomalyReadingStatus.WarmingUp };
        }

        // %b = (v - (m - k s)) / (2 k s) = 0.5 + z / (2k), written through z so that s = 0 cannot divide by
        // zero. Outside compares with the bands themselves (a value exactly on a band is inside), unless
        // z is 0: a difference within rounding of a constant window is no change.
        var z = DetectorMath.StandardScore(value, middle, standardDeviation);
        var percentB = 0.5 + z / (2 * Width);
        _window.Add(value);
        return reading with
        {
            PercentB = percentB,
            IsAbove = z > 0 && value > reading.Upper,
            IsBelow = z < 0 && value < reading.Lower,
            Score = Math.Min(Math.Abs(percentB - 0.5), 1),
            Status = AnomalyReadingStatus.Scored,
        };
    }

    /// <inheritdoc />
    /// <remarks>The timestamp is not used: the window is the last N samples, whatever their spacing.</remarks>
    public double Update(DateTimeOffset timestamp, double value) => Observe(value).Score;

    /// <inheritdoc />
    public void Reset() => _window.Clear();
}
