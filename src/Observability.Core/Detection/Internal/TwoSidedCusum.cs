namespace Observability.Internal;

/// <summary>
/// The two one-sided cumulative sums of a change-point test, over standardized deviations z:
/// <c>upper = max(0, upper + z - drift)</c>, <c>lower = max(0, lower - z - drift)</c>; a change is
/// detected when one exceeds the threshold (strictly). A mutable struct: keep it in a non-readonly field.
/// </summary>
internal struct TwoSidedCusum
{
    /// <summary>Gets the upward statistic.</summary>
    public double Upper { get; private set; }

    /// <summary>Gets the downward statistic.</summary>
    public double Lower { get; private set; }

    /// <summary>Adds one standardized deviation and says whether either statistic now exceeds the threshold.</summary>
    public ChangeDirection Step(double z, double drift, double threshold)
    {
        Upper = Math.Max(0, Upper + z - drift);
        Lower = Math.Max(0, Lower - z - drift);
        return Upper > threshold ? ChangeDirection.Up
            : Lower > threshold ? ChangeDirection.Down
            : ChangeDirection.None;
    }

    /// <summary>The anomaly score: the larger statistic over the threshold, capped at 1.</summary>
    public readonly double Score(double threshold) => Math.Min(Math.Max(Upper, Lower) / threshold, 1);

    /// <summary>Starts both statistics again from 0.</summary>
    public void Reset() => this = default;
}
