namespace Observability.Internal;

/// <summary>
/// Count, mean and variance of every sample added since the last reset (Welford's online algorithm:
/// no sum of squares, so no cancellation). A mutable struct: keep it in a non-readonly field.
/// </summary>
internal struct RunningMoments
{
    private double _m2;

    /// <summary>Gets how many samples were added.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the mean of the samples (0 before the first).</summary>
    public double Mean { get; private set; }

    /// <summary>Gets the population variance (divided by the count; 0 for fewer than two samples).</summary>
    public readonly double Variance => Count > 1 ? _m2 / Count : 0;

    /// <summary>Gets the population standard deviation.</summary>
    public readonly double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds a finite sample.</summary>
    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
    }

    /// <summary>Forgets every sample.</summary>
    public void Reset() => this = default;
}
