using Observability.Internal;

namespace Observability;

/// <summary>
/// The success rate over the last N observations (intervals, batches or ratios): total successes
/// divided by total attempts across the window, so a busy interval weighs more than a quiet one.
/// Flags <see cref="SuccessRateStatus.TrendDegradation"/> while the rate sits in [0.90, 0.98) and
/// <see cref="SuccessRateStatus.Critical"/> below 0.90 (both bounds configurable; each is the lowest
/// rate of the better band). O(N) memory allocated once, O(1) per observation.
/// </summary>
/// <remarks>
/// An observation with a total of 0 (no traffic) takes a slot in the window but adds no volume. The
/// sums are recomputed from the buffers every time the ring wraps, so rounding from fractional
/// inputs cannot accumulate. NaN or infinite inputs are ignored (the add returns false); negative
/// counts, more successes than attempts, or a ratio outside [0, 1] are caller errors and throw.
/// </remarks>
public sealed class RollingSuccessRate
{
    /// <summary>The default window: the last 10 observations.</summary>
    public const int DefaultWindowSize = 10;

    /// <summary>The default degradation bound: a rate below 0.98 is a trend degradation.</summary>
    public const double DefaultDegradationBound = 0.98;

    /// <summary>The default critical bound: a rate below 0.90 is critical.</summary>
    public const double DefaultCriticalBound = 0.90;

    private readonly double[] _successes;
    private readonly double[] _totals;
    private int _next;
    private int _count;
    private double _successSum;
    private double _totalSum;

    /// <summary>Initializes a new instance of the <see cref="RollingSuccessRate"/> class.</summary>
    /// <param name="windowSize">How many of the latest observations count, at least 1. Default 10.</param>
    /// <param name="degradationBound">The lowest healthy rate, in (0, 1]; below it is a trend degradation. Default 0.98.</param>
    /// <param name="criticalBound">The lowest rate that is not critical, in (0, degradationBound]. Default 0.90.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of its range.</exception>
    public RollingSuccessRate(int windowSize = DefaultWindowSize, double degradationBound = DefaultDegradationBound, double criticalBound = DefaultCriticalBound)
    {
        DetectorMath.AtLeast(windowSize, 1, nameof(windowSize), "The success-rate window size");
        if (!(degradationBound > 0 && degradationBound <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(degradationBound), degradationBound, $"The success-rate degradation bound must be in (0, 1]; got {DetectorMath.Format(degradationBound)}.");
        }

        if (!(criticalBound > 0 && criticalBound <= degradationBound))
        {
            throw new ArgumentOutOfRangeException(nameof(criticalBound), criticalBound, $"The success-rate critical bound must be in (0, {DetectorMath.Format(degradationBound)}] (the degradation bound); got {DetectorMath.Format(criticalBound)}.");
        }

        _successes = new double[windowSize];
        _totals = new double[windowSize];
        DegradationBound = degradationBound;
        CriticalBound = criticalBound;
    }

    /// <summary>Gets how many of the latest observations count.</summary>
    public int WindowSize => _totals.Length;

    /// <summary>Gets the lowest healthy rate.</summary>
    public double DegradationBound { get; }

    /// <summary>Gets the lowest rate that is not critical.</summary>
    public double CriticalBound { get; }

    /// <summary>Gets how many observations the window holds now.</summary>
    public int Count => _count;

    /// <summary>Gets the successes summed over the window.</summary>
    public double Successes => _successSum;

    /// <summary>Gets the attempts summed over the window.</summary>
    public double Total => _totalSum;

    /// <summary>Gets the rolling success rate, <see cref="Successes"/> / <see cref="Total"/>; null when the total is 0.</summary>
    public double? Rate => _totalSum > 0 ? Math.Clamp(_successSum / _totalSum, 0, 1) : null;

    /// <summary>Gets where the rate stands: no data, healthy, trend degradation or critical.</summary>
    public SuccessRateStatus Status => Rate is { } rate ? Classify(rate) : SuccessRateStatus.NoData;

    /// <summary>Gets whether the rate sits in the degradation band, [critical bound, degradation bound).</summary>
    public bool IsTrendDegradation => Status == SuccessRateStatus.TrendDegradation;

    /// <summary>Classifies a success rate against this instance's bounds (both inclusive on the better side).</summary>
    /// <param name="rate">The rate.</param>
    /// <returns>Healthy at or above the degradation bound, trend degradation at or above the critical bound, critical below.</returns>
    public SuccessRateStatus Classify(double rate)
        => rate >= DegradationBound ? SuccessRateStatus.Healthy
        : rate >= CriticalBound ? SuccessRateStatus.TrendDegradation
        : SuccessRateStatus.Critical;

    /// <summary>Adds one observation of <paramref name="successes"/> out of <paramref name="total"/> attempts.</summary>
    /// <param name="successes">The successful attempts, from 0 to <paramref name="total"/>.</param>
    /// <param name="total">The attempts, at least 0 (0 is an observation without traffic).</param>
    /// <returns>true if the observation was added; false if a number was NaN or infinite and it was ignored.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or successes exceed the total.</exception>
    public bool Add(double successes, double total)
    {
        if (!double.IsFinite(successes) || !double.IsFinite(total))
        {
            return false;
        }

        if (total < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"The attempt count must be at least 0; got {DetectorMath.Format(total)}.");
        }

        if (successes < 0 || successes > total)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"The success count must be between 0 and the attempt count {DetectorMath.Format(total)}; got {DetectorMath.Format(successes)}.");
        }

        Push(successes, total);
        return true;
    }

    /// <summary>Adds one observation given as a success ratio, weighing as one attempt.</summary>
    /// <param name="ratio">The share of successes, in [0, 1].</param>
    /// <returns>true if the observation was added; false if the ratio was NaN or infinite and it was ignored.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is outside [0, 1].</exception>
    public bool Add(double ratio)
    {
        if (!double.IsFinite(ratio))
        {
            return false;
        }

        if (ratio < 0 || ratio > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, $"The success ratio must be in [0, 1]; got {DetectorMath.Format(ratio)}.");
        }

        Push(ratio, 1);
        return true;
    }

    /// <summary>Empties the window (the buffers are kept).</summary>
    public void Reset()
    {
        _next = 0;
        _count = 0;
        _successSum = 0;
        _totalSum = 0;
    }

    private void Push(double successes, double total)
    {
        if (_count == _totals.Length)
        {
            _successSum -= _successes[_next];
            _totalSum -= _totals[_next];
        }
        else
        {
            _count++;
        }

        _successes[_next] = successes;
        _totals[_next] = total;
        _successSum += successes;
        _totalSum += total;
        if (++_next == _totals.Length)
        {
            _next = 0;
            _successSum = Sum(_successes);
            _totalSum = Sum(_totals);
        }
    }

    private static double Sum(double[] values)
    {
        double sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }
}
