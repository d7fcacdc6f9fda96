namespace Observability.Internal;

/// <summary>
/// Threshold comparisons that treat values within a billionth (relative) of a threshold as equal
/// to it, so a mean of seven 0.999s, or 105 against 100 as a percentage, lands exactly on the
/// boundary instead of a rounding error on either side of it.
/// </summary>
internal static class NumericTolerance
{
    private const double Epsilon = 1e-9;

    public static bool Near(double a, double b)
        => Math.Abs(a - b) <= Epsilon * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>Strictly below the threshold and not near it.</summary>
    public static bool Below(double value, double threshold) => value < threshold && !Near(value, threshold);

    /// <summary>Strictly above the threshold and not near it.</summary>
    public static bool Above(double value, double threshold) => value > threshold && !Near(value, threshold);

    /// <summary>At the threshold (within the tolerance) or above it.</summary>
    public static bool AtLeast(double value, double threshold) => !Below(value, threshold);

    /// <summary>
    /// Inside an exclusive band around zero: |change| &lt; band, with a change of exactly the band
    /// outside; no change at all is inside even a band of 0.
    /// </summary>
    public static bool InsideBand(double change, double band) => Near(change, 0) || Below(Math.Abs(change), band);
}
