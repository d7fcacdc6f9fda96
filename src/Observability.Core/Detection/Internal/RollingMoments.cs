namespace Observability.Internal;

/// <summary>
/// Sum, mean and variance of the last <see cref="Capacity"/> samples, in a ring buffer allocated once.
/// </summary>
/// <remarks>
/// Each sample updates the moments in O(1) with Welford's add and sliding-replace steps (no sum of
/// squares, so no catastrophic cancellation), applied to the samples minus a shift, one of the
/// window's own samples: a window of values near 1e9 and a spread of 1 is updated in numbers near 1,
/// keeping all sixteen digits for the spread. Every time the ring wraps, the moments are recomputed
/// from the buffer and the shift moves to a current sample, so rounding from the add/remove steps
/// cannot accumulate over a long stream (O(N) work every N samples: O(1) per sample amortized); so
/// are they when one step collapses the spread (a far outlier leaving), before the cancellation can
/// mislead anyone. A window of identical values has exactly that mean and a variance of exactly 0.
/// </remarks>
internal sealed class RollingMoments
{
    // When one step shrinks the sum of squared deviations below this fraction of what it was, the
    // result has lost about three of its sixteen digits to cancellation: recompute it from the buffer.
    private const double CollapseRatio = 1e-3;

    private readonly double[] _buffer;
    private int _next;
    private int _count;
    private double _sum;
    private double _shift;
    private double _shiftedMean;
    private double _m2;

    public RollingMoments(int capacity)
    {
        _buffer = new double[capacity];
    }

    /// <summary>Gets the most samples the window holds.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Gets how many samples the window holds.</summary>
    public int Count => _count;

    /// <summary>Gets the sum of the samples in the window (0 when empty).</summary>
    public double Sum => _sum;

    /// <summary>Gets the mean of the samples in the window (0 when empty).</summary>
    public double Mean => _shift + _shiftedMean;

    /// <summary>Gets the population variance of the window (divided by the count; 0 for fewer than two samples).</summary>
    public double Variance => _count > 1 ? _m2 / _count : 0;

    /// <summary>Gets the sample variance of the window (divided by count - 1; 0 for fewer than two samples).</summary>
    public double SampleVariance => _count > 1 ? _m2 / (_count - 1) : 0;

    /// <summary>Adds a finite sample, evicting the oldest when the window is full.</summary>
    public void Add(double value)
    {
        if (_count == 0)
        {
            _shift = value;
        }

        var shifted = value - _shift;
        if (_count < _buffer.Length)
        {
            _buffer[_next] = value;
            _count++;
            _sum += value;
            var delta = shifted - _shiftedMean;
            _shiftedMean += delta / _count;
            _m2 += delta * (shifted - _shiftedMean);
        }
        else
        {
            var evicted = _buffer[_next];
            _buffer[_next] = value;
            _sum += value - evicted;
            var evictedShifted = evicted - _shift;
            var oldMean = _shiftedMean;
            var oldM2 = _m2;
            _shiftedMean += (shifted - evictedShifted) / _count;
            _m2 += (shifted - evictedShifted) * (shifted - _shiftedMean + evictedShifted - oldMean);
            if (_m2 < oldM2 * CollapseRatio || _m2 < 0)
            {
                // A far outlier left the window: the step cancelled almost all of the old sum of
                // squares, and with it most of its significant digits. Start afresh from the buffer.
                Recompute(value);
            }
        }

        if (++_next == _buffer.Length)
        {
            _next = 0;
            if (_count == _buffer.Length)
            {
                Recompute(value);
            }
        }
    }

    /// <summary>Forgets every sample (the buffer is kept).</summary>
    public void Clear()
    {
        _next = 0;
        _count = 0;
        _sum = 0;
        _shift = 0;
        _shiftedMean = 0;
        _m2 = 0;
    }

    // Two passes over the full buffer, shifted by the newest sample (any of the window's samples would
    // do; the newest keeps the shift near where the series is now).
    private void Recompute(double shift)
    {
        double sum = 0, shiftedSum = 0;
        for (var i = 0; i < _buffer.Length; i++)
        {
            sum += _buffer[i];
            shiftedSum += _buffer[i] - shift;
        }

        var shiftedMean = shiftedSum / _buffer.Length;
        double m2 = 0;
        for (var i = 0; i < _buffer.Length; i++)
        {
            var deviation = _buffer[i] - shift - shiftedMean;
            m2 += deviation * deviation;
        }

        _sum = sum;
        _shift = shift;
        _shiftedMean = shiftedMean;
        _m2 = m2;
    }
}
