namespace Observability.Internal;

/// <summary>
/// The durations of one bucket of log records, for its p95 and p99 in bounded memory: the first
/// <see cref="ExactCapacity"/> values are kept as they are (percentiles exact, nearest rank); past that they go into a
/// log-scale histogram whose bins are 2 % wide (a DDSketch with relative accuracy 1 %: every percentile is within 1 % of
/// the exact one), so a bucket never holds more than 32 KB of durations however many records it has.
/// Durations below <see cref="MinPositive"/> (zero and negatives) count in a bin of their own, reported as 0.
/// </summary>
internal sealed class DurationDistribution
{
    /// <summary>How many durations are kept exactly before the histogram takes over.</summary>
    public const int ExactCapacity = 4096;

    /// <summary>The relative accuracy of a percentile once the histogram holds the values.</summary>
    public const double RelativeAccuracy = 0.01;

    private const double MinPositive = 1e-9;
    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private List<double>? _exact = [];
    private Dictionary<int, long>? _bins;
    private long _zeros;

    /// <summary>Gets how many durations were added.</summary>
    public long Count { get; private set; }

    /// <summary>Gets how many numbers are stored: the values while exact, then the histogram's bins.</summary>
    public int Stored => _exact?.Count ?? _bins!.Count;

    /// <summary>Gets a value indicating whether the percentiles are exact (no more than <see cref="ExactCapacity"/> values).</summary>
    public bool IsExact => _exact is not null;

    public void Add(double duration)
    {
        Count++;
        if (_exact is not null)
        {
            if (_exact.Count < ExactCapacity)
            {
                _exact.Add(duration);
                return;
            }

            // Full: every value kept so far moves into the histogram, and the list goes.
            _bins = new Dictionary<int, long>();
            foreach (var kept in _exact)
            {
                Bin(kept);
            }

            _exact = null;
        }

        Bin(duration);
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling((p * Count) - 1e-9));
        if (_exact is not null)
        {
            _exact.Sort();
            return _exact[(int)rank - 1];
        }

        var seen = _zeros;
        if (seen >= rank)
        {
            return 0;
        }

        foreach (var (index, count) in _bins!.OrderBy(static b => b.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return 2 * Math.Pow(Gamma, index) / (Gamma + 1); // the bin's value within RelativeAccuracy of all it holds
            }
        }

        return 2 * Math.Pow(Gamma, _bins!.Keys.Max()) / (Gamma + 1);
    }

    private void Bin(double value)
    {
        if (!(value >= MinPositive))
        {
            _zeros++;
            return;
        }

        var index = (int)Math.Ceiling(Math.Log(value) / LogGamma);
        _bins![index] = _bins.GetValueOrDefault(index) + 1;
    }
}
