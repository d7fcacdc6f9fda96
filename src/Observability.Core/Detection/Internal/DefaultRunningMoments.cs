namespace Observability.Internal;

/// <summary>
/// An exponentially weighted mean and variance with a warm start: the weight of a new sample is max(1/n, 1/window),
/// so the first samples give their plain average and the estimate then forgets with the window's time constant.
/// </summary>
internal struct DefaultRunningMoments
{
    private readonly double _alpha;
    private long _count;

    /// <summary>Creates moments with a horizon of <paramref name="window"/> samples.</summary>
    public DefaultRunningMoments(int window)
    {
        _alpha = 1.0 / window;
    }

    /// <summary>Gets the number of samples seen.</summary>
    public readonly long Count => _count;

    /// <summary>Gets the weighted mean.</summary>
    public double Mean { readonly get; private set; }

    /// <summary>Gets the weighted variance.</summary>
    public double Variance { readonly get; private set; }

    /// <summary>Adds a sample.</summary>
    public void Add(double value)
    {
        _count++;
        var weight = Math.Max(1.0 / _count, _alpha);
        var delta = value - Mean;
        Mean += weight * delta;
        Variance = (1 - weight) * (Variance + (weight * delta * delta));
    }

    /// <summary>Forgets every sample.</summary>
    public void Reset()
    {
        _count = 0;
        Mean = Variance = 0;
    }
}
