using Observability.Internal;

namespace Observability;

/// <summary>
/// How a value changed from one period to the next, in percent of the previous value, and which way
/// it moved: flat when the change is less than the flat band (default 5 %) either way; a change of
/// exactly the band is up or down.
/// </summary>
/// <param name="Metric">The metric compared, when known.</param>
/// <param name="Previous">The previous period's value.</param>
/// <param name="Current">The current period's value.</param>
/// <param name="ChangePercent">
/// (current - previous) / |previous| x 100; <see langword="null"/> when the previous value is 0 and the
/// current is not (a change from zero has no percentage; <see cref="Direction"/> still says which way).
/// </param>
/// <param name="Direction">Up, down or flat.</param>
/// <param name="Reason">A sentence a person can read, with the numbers.</param>
public sealed record PeriodOverPeriodTrend(string? Metric, double Previous, double Current, double? ChangePercent, TrendDirection Direction, string Reason)
{
    /// <summary>The default flat band: changes of less than 5 % either way are flat.</summary>
    public const double DefaultFlatBandPercent = 5;

    /// <summary>Gets the absolute change, current - previous.</summary>
    public double Change => Current - Previous;

    /// <summary>Compares two periods' values.</summary>
    /// <param name="previous">The previous period's value; must be finite.</param>
    /// <param name="current">The current period's value; must be finite.</param>
    /// <param name="flatBandPercent">The change in percent either way below which the trend is flat; finite and at least 0.</param>
    /// <param name="metric">The metric's name, for the reason text.</param>
    /// <returns>The trend.</returns>
    public static PeriodOverPeriodTrend Compute(double previous, double current, double flatBandPercent = DefaultFlatBandPercent, string? metric = null)
    {
        ThrowIfNotFinite(previous, nameof(previous));
        ThrowIfNotFinite(current, nameof(current));
        if (!double.IsFinite(flatBandPercent) || flatBandPercent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(flatBandPercent), flatBandPercent, "The flat band must be a finite percentage of at least 0.");
        }

        var name = metric ?? "The value";
        var values = $"from {SnapshotMath.Number(previous, "0.####")} to {SnapshotMath.Number(current, "0.####")}";
        if (previous == 0)
        {
            // No percentage from zero (it would be infinite): the direction comes from the sign alone.
            return current == 0
                ? new PeriodOverPeriodTrend(metric, previous, current, 0, TrendDirection.Flat, $"{name} stayed at 0.")
                : new PeriodOverPeriodTrend(metric, previous, current, null, current > 0 ? TrendDirection.Up : TrendDirection.Down, $"{name} moved {values}: no percentage change from 0.");
        }

        var change = (current - previous) / Math.Abs(previous) * 100;
        var direction = NumericTolerance.InsideBand(change, flatBandPercent) ? TrendDirection.Flat
            : change > 0 ? TrendDirection.Up
            : TrendDirection.Down;
        var verb = direction switch
        {
            TrendDirection.Up => "rose",
            TrendDirection.Down => "fell",
            _ => "was flat,",
        };
        var signed = (change >= 0 ? "+" : string.Empty) + SnapshotMath.Number(change, "0.##");
        var band = SnapshotMath.Number(flatBandPercent, "0.##");
        return new PeriodOverPeriodTrend(metric, previous, current, change, direction, $"{name} {verb} {signed} % ({values}; flat band +-{band} %).");
    }

    private static void ThrowIfNotFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "The value must be a finite number.");
        }
    }
}
