using Observability.Internal;

namespace Observability;

/// <summary>
/// The library's default streaming anomaly detector: a per-series Gaussian baseline, an "anomaly likelihood" stage,
/// an out-of-range check and repeat suppression. O(1) state, no allocation per sample, deterministic.
/// </summary>
/// <remarks>
/// <para>For each sample x, with the state left by the samples before it:</para>
/// <list type="number">
/// <item>Direct surprise d = -log10 Q(|x - m| / s), where m and s are the exponentially weighted mean and standard
/// deviation over <see cref="DefaultAnomalyDetectorOptions.BaselineWindow"/> and Q is the standard normal upper tail.</item>
/// <item>Raw score r = d / (d + h), h = <see cref="DefaultAnomalyDetectorOptions.HalfScoreSurprise"/>. The average a of the
/// last <see cref="DefaultAnomalyDetectorOptions.AverageWindow"/> raw scores is compared with the weighted mean and spread
/// of earlier averages (horizon <see cref="DefaultAnomalyDetectorOptions.LikelihoodWindow"/>, spread at least 0.03):
/// likelihood surprise l = -log10 Q((a - mean) / spread). This is Numenta's anomaly likelihood in spirit: it asks whether
/// the series is unusually surprising lately for this series, which normalises noisy and quiet series alike.</item>
/// <item>Surprise u = (d + l) / 2; a value more than <see cref="DefaultAnomalyDetectorOptions.RangeTolerance"/> of the seen
/// range beyond every value seen so far raises u to 100 (Numenta's spatial anomaly).</item>
/// <item>Repeat suppression: u is reported only when it beats the bar left by the last reported surprise, held for
/// <see cref="DefaultAnomalyDetectorOptions.SuppressionWindow"/> samples and then decaying; otherwise 0. The bar is at most
/// 100, so a repeat of an out-of-range value can get through again after at most a few suppression windows.</item>
/// <item>Score = u / (u + h), in [0, 1). The first <see cref="DefaultAnomalyDetectorOptions.WarmUp"/> samples score 0.</item>
/// </list>
/// <para>A non-finite value (NaN or infinity) is treated as a missing sample: it changes no state and scores 0.
/// Timestamps are not used: the detector assumes regular sampling and counts samples.</para>
/// </remarks>
public sealed class DefaultAnomalyDetector : IAnomalyDetector
{
    private const double MinimumLikelihoodSpread = 0.03;
    private const double OutOfRangeSurprise = 100;
    private const double MaxMagnitude = 1e150;

    private readonly DefaultAnomalyDetectorOptions _options;
    private readonly double[] _recent;
    private DefaultRunningMoments _baseline;
    private DefaultRunningMoments _averages;
    private DefaultRepeatSuppressor _suppressor;
    private long _count;
    private int _head;
    private double _recentSum;
    private double _min;
    private double _max;

    /// <summary>Creates the detector with the default options.</summary>
    public DefaultAnomalyDetector()
        : this(new DefaultAnomalyDetectorOptions())
    {
    }

    /// <summary>Creates the detector with <paramref name="options"/> (copied; later changes to the object have no effect).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it and its value.</exception>
    public DefaultAnomalyDetector(DefaultAnomalyDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _options = new DefaultAnomalyDetectorOptions
        {
            BaselineWindow = options.BaselineWindow,
            AverageWindow = options.AverageWindow,
            LikelihoodWindow = options.LikelihoodWindow,
            WarmUp = options.WarmUp,
            SuppressionWindow = options.SuppressionWindow,
            RangeTolerance = options.RangeTolerance,
            HalfScoreSurprise = options.HalfScoreSurprise,
        };
        _recent = new double[options.AverageWindow];
        Reset();
    }

    /// <inheritdoc />
    public string Name => "default";

    /// <inheritdoc />
    public double Update(DateTimeOffset timestamp, double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        value = Math.Clamp(value, -MaxMagnitude, MaxMagnitude);
        _count++;
        if (_count == 1)
        {
            _baseline.Add(value);
            _min = _max = value;
            return 0;
        }

        var half = _options.HalfScoreSurprise;
        var scale = Math.Sqrt(_baseline.Variance) + (1e-9 * (Math.Abs(_baseline.Mean) + 1e-9));
        var direct = DefaultDetectorMath.FastUpperTailSurprise(Math.Abs(value - _baseline.Mean) / scale);
        _baseline.Add(value);

        var raw = direct / (direct + half);
        _recentSum += raw - _recent[_head];
        _recent[_head] = raw;
        _head = _head + 1 == _recent.Length ? 0 : _head + 1;
        var average = _recentSum / Math.Min(_count - 1, _recent.Length);
        var spread = Math.Max(Math.Sqrt(_averages.Variance), MinimumLikelihoodSpread);
        var likelihood = _averages.Count > 0 ? DefaultDetectorMath.FastUpperTailSurprise((average - _averages.Mean) / spread) : 0;
        _averages.Add(average);

        var surprise = (direct + likelihood) / 2;
        if (_options.RangeTolerance > 0 && _max > _min)
        {
            var tolerance = (_max - _min) * _options.RangeTolerance;
            if (value > _max + tolerance || value < _min - tolerance)
            {
                surprise = Math.Max(surprise, OutOfRangeSurprise);
            }
        }

        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        if (_count <= _options.WarmUp)
        {
            return 0;
        }

        var reported = _suppressor.Filter(surprise);
        return reported / (reported + half);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _baseline = new DefaultRunningMoments(_options.BaselineWindow);
        _averages = new DefaultRunningMoments(_options.LikelihoodWindow);
        _suppressor = new DefaultRepeatSuppressor(_options.SuppressionWindow, OutOfRangeSurprise);
        Array.Clear(_recent);
        _count = 0;
        _head = 0;
        _recentSum = _min = _max = 0;
    }

    private static void Validate(DefaultAnomalyDetectorOptions o)
    {
        Positive(o.BaselineWindow, nameof(o.BaselineWindow));
        Positive(o.LikelihoodWindow, nameof(o.LikelihoodWindow));
        if (o.AverageWindow is < 1 or > DefaultAnomalyDetectorOptions.MaxAverageWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(o.AverageWindow), o.AverageWindow, $"DefaultAnomalyDetectorOptions.AverageWindow must be between 1 and {DefaultAnomalyDetectorOptions.MaxAverageWindow}, but was {o.AverageWindow}.");
        }

        NotNegative(o.WarmUp, nameof(o.WarmUp));
        NotNegative(o.SuppressionWindow, nameof(o.SuppressionWindow));
        if (!(o.RangeTolerance >= 0) || double.IsInfinity(o.RangeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(o.RangeTolerance), o.RangeTolerance, $"DefaultAnomalyDetectorOptions.RangeTolerance must be a finite number at least 0, but was {o.RangeTolerance}.");
        }

        if (!(o.HalfScoreSurprise > 0) || double.IsInfinity(o.HalfScoreSurprise))
        {
            throw new ArgumentOutOfRangeException(nameof(o.HalfScoreSurprise), o.HalfScoreSurprise, $"DefaultAnomalyDetectorOptions.HalfScoreSurprise must be a finite number above 0, but was {o.HalfScoreSurprise}.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"DefaultAnomalyDetectorOptions.{name} must be at least 1, but was {value}.");
        }
    }

    private static void NotNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"DefaultAnomalyDetectorOptions.{name} must be at least 0, but was {value}.");
        }
    }
}
