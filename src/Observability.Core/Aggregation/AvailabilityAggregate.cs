namespace Observability;

/// <summary>A day's availability (ratios in [0, 1]) and its SLO compliance.</summary>
/// <param name="Measured">How many usable snapshots carried an availability (or an error rate to derive it from).</param>
/// <param name="Min">The lowest availability; <see langword="null"/> when none was measured.</param>
/// <param name="Max">The highest availability.</param>
/// <param name="Average">The mean availability.</param>
/// <param name="Compliant">How many snapshots met the target (at or above it).</param>
/// <param name="SloCompliance">Compliant / judged, in [0, 1]; <see langword="null"/> when none was judged (unknown, never counted as met).</param>
/// <param name="Target">The availability target, for example 0.999.</param>
public sealed record AvailabilityAggregate(int Measured, double? Min, double? Max, double? Average, int Compliant, double? SloCompliance, double Target)
{
    /// <summary>Gets how many snapshots were judged against the target (measured, with enough volume to be evidence); <see cref="SloCompliance"/> is <see cref="Compliant"/> / this.</summary>
    public int Judged { get; init; }
}
