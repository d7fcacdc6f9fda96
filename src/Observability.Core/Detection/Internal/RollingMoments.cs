namespace Observability.Internal;

/// <summary>
/// Sum, mean and variance of the last <see cref="Capacity"/> samples, in a ring buffer allocated once.
/// Each sample updates the moments in O(1) with Welford's add and sliding-replace steps (no sum of
/// squares, so no cancellation); every time the ring wraps, the moments are recomputed from the
/// buffer, so rounding from the add/remove steps cannot accumulate over a long stream (O(N) work
/// every N samples: O(1) per sample amortized).
/// </summary>
internal sealed class RollingMoments
{
    private readonly double[] _buffer;
    private int _next;
    private int _count;
    private double _sum;
    private double _mean;
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
    public double Mean => _mean;

    /// <summary>Gets the population variance of the window (divided by the count; 0 for fewer than two samples).</summary>
    public double Variance => _count > 1 ? _m2 / _count : 0;

    /// <summary>Gets the sample variance of the window (divided by count - 1; 0 for fewer than two samples).</summary>
    public double SampleVariance => _count > 1 ? _m2 / (_count - 1) : 0;

    /// <summary>Adds a finite sample, evicting the oldest when the window is full.</summary>
    public void Add(double value)
    {
        if (_count < _buffer.Length)
        {
            _buffer[_next] = value;
            _count++;
            _sum += value;
            var delta = value - _mean;
            _mean += delta / _count;
            _m2 += delta * (value - _mean);
        }
        else
        {
            var evicted = _buffer[_next];
            _buffer[_next] = value;
            _sum += value - evicted;
            var oldMean = _mean;
            _mean += (value - evicted) / _count;
            _m2 += (value - evicted) * (value - _mean + evicted - oldMean);
            if (_m2 < 0)
            {
                _m2 = 0;
            }
        }

        if (++_next == _buffer.Length)
        {
            _next = 0;
            if (_count == _buffer.Length)
            {
                Recompute();
            }
        }
    }

    /// <summary>Forgets every sample (the buffer is kept).</summary>
    public void Clear()
    {
        _next = 0;
        _count = 0;
        _sum = 0;
        _mean = 0;
        _m2 = 0;
    }

    // Two passes over the buffer, the first shifted by one of the samples: a window of identical values
    // gets exactly that mean and a variance of exactly 0.
    private void Recompute()
    {
        var shift = _buffer[0];
        double shiftedSum = 0;
        for (var i = 0; i < _buffer.Length; i++)
        {
            shiftedSum += _buffer[i] - shift;
        }

        var mean = shift + shiftedSum / _buffer.Length;
        double sum = 0, m2 = 0;
        for (var i = 0; i < _buffer.Length; i++)
        {
            var value = _buffer[i];
            sum += value;
            m2 += (value - mean) * (value - mean);
        }

        _sum = sum;
        _mean = mean;
        _m2 = m2;
    }
}
