namespace Observability;

/// <summary>What a <see cref="CrossCheckedCollector"/> collection did: every source asked, the one used, and where two disagreed.</summary>
/// <param name="Result">The result served to the caller, named after the composite collector.</param>
/// <param name="UsedSource">The source whose snapshots were used; <see langword="null"/> when none had data.</param>
/// <param name="CheckedAgainst">The first source the used one was cross-checked against; <see langword="null"/> when no other source had data.</param>
/// <param name="ComparedSources">Every source the used one was cross-checked against (each other source with data), in priority order.</param>
/// <param name="Attempts">Every source's own result, in the order asked.</param>
/// <param name="Discrepancies">The metrics outside their tolerance, by source in priority order, then by metric name; empty when the sources agree or no check was made.</param>
/// <param name="MetricsCompared">How many comparisons were made: for each compared source, the metrics it shares with the used one.</param>
public sealed record CrossCheckedCollection(
    CollectionResult Result,
    string? UsedSource,
    string? CheckedAgainst,
    IReadOnlyList<string> ComparedSources,
    IReadOnlyList<CollectionResult> Attempts,
    IReadOnlyList<CrossCheckDiscrepancy> Discrepancies,
    int MetricsCompared)
{
    /// <summary>Gets a value indicating whether at least one other source was compared and all agreed with the used one on every common metric.</summary>
    public bool Agreed => CheckedAgainst is not null && Discrepancies.Count == 0;
}
