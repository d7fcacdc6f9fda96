using Observability.Internal;

namespace Observability;

/// <summary>
/// A least-squares line through a series: value = <see cref="Intercept"/> + <see cref="SlopePerHour"/> x
/// hours since <see cref="Start"/>, with its goodness of fit and the projected time it crosses a threshold.
/// </summary>
/// <param name="Start">The earliest point's time; the line's origin.</param>
/// <param name="End">The latest point's time; projections start here.</param>
/// <param name="Points">How many points the line was fitted to.</param>
/// <param name="SlopePerHour">The change per hour, in the series' unit.</param>
/// <param name="Intercept">The fitted value at <see cref="Start"/>.</param>
/// <param name="RSquared">The coefficient of determination in [0, 1]; 1 when every value is equal (the flat line fits exactly).</param>
public sealed record LinearTrend(DateTimeOffset Start, DateTimeOffset End, int Points, double SlopePerHour, double Intercept, double RSquared)
{
    /// <summary>Gets the fitted value at <see cref="End"/>, where projections start.</summary>
    public double EndValue => ValueAt(End);

    /// <summary>Gets the fitted value at a time.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The value on the line.</returns>
    public double ValueAt(DateTimeOffset time) => Intercept + (SlopePerHour * (time - Start).TotalHours);

    /// <summary>
    /// Projects when the line crosses a threshold, starting from <see cref="End"/>: the time when the
    /// line reaches it while approaching it; <see cref="End"/> when the line is at it there.
    /// </summary>
    /// <param name="threshold">The threshold, for example 500 (ms) for p99 latency or 0.999 for availability.</param>
    /// <returns>
    /// The projected time; <see langword="null"/> when the line is flat, moves away from the threshold
    /// (including when it crossed it already before <see cref="End"/>), or would reach it only after
    /// <see cref="DateTimeOffset.MaxValue"/>.
    /// </returns>
    public DateTimeOffset? ProjectCrossing(double threshold)
    {
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite number.");
        }

        var gap = threshold - EndValue;
        if (NumericTolerance.Near(EndValue, threshold))
        {
            return End;
        }

        if (SlopePerHour == 0 || Math.Sign(gap) != Math.Sign(SlopePerHour))
        {
            return null;
        }

        var hours = gap / SlopePerHour;
        var room = (DateTimeOffset.MaxValue - End).TotalHours;
        return hours < room ? End + TimeSpan.FromHours(hours) : null;
    }

    /// <summary>Fits a line through points given as (time, value), in any order; non-finite values are skipped.</summary>
    /// <param name="points">The points.</param>
    /// <returns>The line; <see langword="null"/> with fewer than two points at distinct times.</returns>
    public static LinearTrend? Fit(IEnumerable<(DateTimeOffset Time, double Value)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var fit = new LinearFitAccumulator();
        foreach (var (time, value) in points)
        {
            fit.Add(time, value);
        }

        return fit.Build();
    }

    /// <summary>Fits a line through one metric of a series of snapshots, in any order; snapshots without the metric are skipped.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <param name="metric">The metric, for example <see cref="WellKnownMetrics.LatencyP99"/>.</param>
    /// <returns>The line; <see langword="null"/> with fewer than two values at distinct times.</returns>
    public static LinearTrend? Fit(IEnumerable<MetricSnapshot> snapshots, string metric)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        var fit = new LinearFitAccumulator();
        foreach (var snapshot in snapshots)
        {
            ArgumentNullException.ThrowIfNull(snapshot, nameof(snapshots));
            if (snapshot.GetValue(metric) is { } value)
            {
                fit.Add(snapshot.Timestamp, value);
            }
        }

        return fit.Build();
    }
}
