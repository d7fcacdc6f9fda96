namespace Observability.Internal;

/// <summary>
/// An error rate over many snapshots, weighted by volume where the snapshots say how much they carried (a quiet
/// night must not count as much as a busy noon), else the plain mean. Each snapshot's own rate times its volume:
/// error_count may count requests while the volume counts jobs, so the two are never mixed. O(1) space; a mutable
/// struct, kept in a non-readonly field or local.
/// </summary>
internal struct VolumeWeightedRate
{
    private RunningStat _rates;
    private double _weightedErrors;
    private double _weightedVolume;

    /// <summary>Gets the rates seen (count, mean, minimum, maximum).</summary>
    public readonly RunningStat Rates => _rates;

    /// <summary>Gets the total volume, or <see langword="null"/> when no snapshot said.</summary>
    public double? Volume { get; private set; }

    /// <summary>Gets the volume-weighted rate, else the mean rate, else <see langword="null"/>.</summary>
    public readonly double? Rate => _weightedVolume > 0 ? _weightedErrors / _weightedVolume : _rates.Mean;

    public void Add(double? rate, double? volume)
    {
        if (rate is { } r)
        {
            _rates.Add(r);
        }

        if (volume is { } v)
        {
            Volume = (Volume ?? 0) + v;
            if (rate is { } weighted)
            {
                _weightedErrors += weighted * v;
                _weightedVolume += v;
            }
        }
    }
}
