namespace Observability;

/// <summary>How much of the window the sources delivered.</summary>
/// <param name="Total">Snapshots received.</param>
/// <param name="Usable">Snapshots with values that were evaluated.</param>
/// <param name="Empty">Snapshots classified as an empty or failed source.</param>
/// <param name="Gaps">Runs of unusable snapshots, oldest first.</param>
public sealed record DataQualitySummary(int Total, int Usable, int Empty, IReadOnlyList<DataGap> Gaps);
