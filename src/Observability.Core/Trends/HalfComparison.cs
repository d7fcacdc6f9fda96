using Observability.Internal;

namespace Observability;

/// <summary>
/// The first half of a period against the second, split by time: availability (stable within
/// +-0.5 percentage points), p95 and p99 latency (+-10 ms), CPU and memory (+-5 % of the first half).
/// Availability rising is improving; latency, CPU or memory rising is degrading.
/// </summary>
/// <param name="SplitAt">The time that separates the halves (a snapshot at it belongs to the second half); <see langword="null"/> without data.</param>
/// <param name="FirstHalfCount">How many snapshots (or days) fell in the first half.</param>
/// <param name="SecondHalfCount">How many fell in the second half.</param>
/// <param name="Availability">Availability, in percentage points.</param>
/// <param name="LatencyP95">p95 latency, in milliseconds.</param>
/// <param name="LatencyP99">p99 latency, in milliseconds.</param>
/// <param name="Cpu">CPU utilisation, in percent of the first half's value.</param>
/// <param name="Memory">Memory utilisation, in percent of the first half's value.</param>
public sealed record HalfComparison(
    DateTimeOffset? SplitAt,
    int FirstHalfCount,
    int SecondHalfCount,
    MetricHalfChange Availability,
    MetricHalfChange LatencyP95,
    MetricHalfChange LatencyP99,
    MetricHalfChange Cpu,
    MetricHalfChange Memory)
{
    /// <summary>Gets the overall assessment: degrading if any metric degrades, else improving if any improves, else stable.</summary>
    public TrendAssessment Overall => Metrics.Any(static m => m.Assessment == TrendAssessment.Degrading) ? TrendAssessment.Degrading
        : Metrics.Any(static m => m.Assessment == TrendAssessment.Improving) ? TrendAssessment.Improving
        : TrendAssessment.Stable;

    private IEnumerable<MetricHalfChange> Metrics => [Availability, LatencyP95, LatencyP99, Cpu, Memory];

    /// <summary>
    /// Compares the first and second half of the time the snapshots span: the split is halfway
    /// between the earliest and the latest usable snapshot. Unusable snapshots (empty or failed) are skipped.
    /// </summary>
    /// <param name="snapshots">The snapshots, in any order.</param>
    /// <param name="options">The stable bands; the defaults when <see langword="null"/>.</param>
    /// <returns>The comparison; every metric stable with a "not enough data" reason when fewer than two distinct times are usable.</returns>
    public static HalfComparison Compare(IEnumerable<MetricSnapshot> snapshots, TrendOptions? options = null)
    {
        var usable = Usable(snapshots);
        if (usable.Count == 0)
        {
            return Compare(usable, null, options);
        }

        var first = usable.Min(static s => s.Timestamp);
        var last = usable.Max(static s => s.Timestamp);
        return Compare(usable, first == last ? null : first + ((last - first) / 2), options);
    }

    /// <summary>Compares the first and second half of a given period, split at its midpoint.</summary>
    /// <param name="snapshots">The snapshots, in any order; each must lie in <paramref name="period"/>.</param>
    /// <param name="period">The period to halve.</param>
    /// <param name="options">The stable bands; the defaults when <see langword="null"/>.</param>
    /// <returns>The comparison.</returns>
    public static HalfComparison Compare(IEnumerable<MetricSnapshot> snapshots, CollectionWindow period, TrendOptions? options = null)
    {
        var usable = Usable(snapshots);
        foreach (var snapshot in usable)
        {
            if (!period.Contains(snapshot.Timestamp))
            {
                throw new ArgumentOutOfRangeException(nameof(snapshots), snapshot.Timestamp, $"The snapshot at {snapshot.Timestamp:O} lies outside the period {period}.");
            }
        }

        return Compare(usable, period.Start + (period.Duration / 2), options);
    }

    private static HalfComparison Compare(List<MetricSnapshot> usable, DateTimeOffset? splitAt, TrendOptions? options)
    {
        var bands = TrendOptionsValidator.Validate(options, nameof(options));
        var first = new HalfSums();
        var second = new HalfSums();
        if (splitAt is { } split)
        {
            foreach (var snapshot in usable)
            {
                (snapshot.Timestamp < split ? first : second).Add(snapshot);
            }
        }

        return HalfChangeRules.Compare(splitAt, first, second, bands);
    }

    private static List<MetricSnapshot> Usable(IEnumerable<MetricSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var usable = new List<MetricSnapshot>();
        var position = 0;
        foreach (var snapshot in snapshots)
        {
            if (snapshot is null)
            {
                throw new ArgumentException($"The snapshot at position {position} is null.", nameof(snapshots));
            }

            position++;

            if (snapshot.Quality.IsUsable)
            {
                usable.Add(snapshot);
            }
        }

        return usable;
    }
}
