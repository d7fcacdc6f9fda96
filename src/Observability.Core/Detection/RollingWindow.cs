using Observability.Internal;

namespace Observability;

/// <summary>
/// The last <see cref="Capacity"/> samples of a series and their count, sum, mean, minimum, maximum
/// and variance, each kept up to date in amortized O(1) per sample, with every buffer allocated once.
/// </summary>
/// <remarks>
/// <para>
/// Numerically stable: the mean and variance follow Welford's add and sliding-replace steps (no sum
/// of squares, so no catastrophic cancellation), and every time the ring wraps they and the sum are
/// recomputed from the buffer, so rounding cannot accumulate over a long stream. A window of identical
/// values has exactly that mean and a variance of exactly 0. Minimum and maximum come from monotonic
/// deques (each sample enters and leaves each deque once).
/// </para>
/// <para>
/// NaN and infinite samples are not added (<see cref="Add"/> returns false); they leave the window as
/// it was. An empty window has a sum of 0 and a NaN mean, minimum, maximum and variance.
/// </para>
/// </remarks>
internal sealed class RollingWindow
{
    private readonly RollingMoments _moments;
    private readonly MonotonicDeque _minimum;
    private readonly MonotonicDeque _maximum;
    private long _sequence;

    /// <summary>Initializes a new instance of the <see cref="RollingWindow"/> class.</summary>
    /// <param name="capacity">How many of the latest samples the window holds, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">capacity is below 1.</exception>
    public RollingWindow(int capacity)
    {
        DetectorMath.AtLeast(capacity, 1, nameof(capacity), "The rolling window capacity");
        _moments = new RollingMoments(capacity);
        _minimum = new MonotonicDeque(capacity, keepsMaximum: false);
        _maximum = new MonotonicDeque(capacity, keepsMaximum: true);
    }

    /// <summary>Gets how many of the latest samples the window holds when full.</summary>
    public int Capacity => _moments.Capacity;

    /// <summary>Gets how many samples the window holds now.</summary>
    public int Count => _moments.Count;

    /// <summary>Gets whether the window holds <see cref="Capacity"/> samples.</summary>
    public bool IsFull => _moments.Count == _moments.Capacity;

    /// <summary>Gets the sum of the samples in the window (0 when empty).</summary>
    public double Sum => _moments.Sum;

    /// <summary>Gets the mean of the samples in the window (NaN when empty).</summary>
    public double Mean => Count > 0 ? _moments.Mean : double.NaN;

    /// <summary>Gets the smallest sample in the window (NaN when empty).</summary>
    public double Min => _minimum.Extreme;

    /// <summary>Gets the largest sample in the window (NaN when empty).</summary>
    public double Max => _maximum.Extreme;

    /// <summary>Gets the population variance, the mean squared deviation from the mean (divided by the count; NaN when empty, 0 for one sample).</summary>
    public double Variance => Count > 0 ? _moments.Variance : double.NaN;

    /// <summary>Gets the sample variance (divided by count - 1; NaN for fewer than two samples).</summary>
    public double SampleVariance => Count > 1 ? _moments.SampleVariance : double.NaN;

    /// <summary>Gets the population standard deviation, the square root of <see cref="Variance"/>.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds a sample, evicting the oldest when the window is full.</summary>
    /// <param name="value">The sample.</param>
    /// <returns>true if the sample was added; false if it was NaN or infinite and ignored.</returns>
    public bool Add(double value)
    {
        if (!double.IsFinite(value))
        {
            return false;
        }

        _moments.Add(value);
        _minimum.Add(value, _sequence);
        _maximum.Add(value, _sequence);
        _sequence++;
        return true;
    }

    /// <summary>Empties the window (the buffers are kept).</summary>
    public void Reset()
    {
        _moments.Clear();
        _minimum.Clear();
        _maximum.Clear();
        _sequence = 0;
    }
}
