namespace Observability;

/// <summary>What a <see cref="CrossCheckedCollector"/> collection did: every source asked, the one used, and where two disagreed.</summary>
/// <param name="Result">The result served to the caller, named after the composite collector.</param>
/// <param name="UsedSource">The source whose snapshots were used; <see langword="null"/> when none had data.</param>
/// <param name="CheckedAgainst">The source the used one was cross-checked against; <see langword="null"/> when none answered.</param>
/// <param name="Attempts">Every source's own result, in the order asked.</param>
/// <param name="Discrepancies">The metrics outside their tolerance; empty when the sources agree or no check was made.</param>
/// <param name="MetricsCompared">How many metrics both sources reported.</param>
public sealed record CrossCheckedCollection(
    CollectionResult Result,
    string? UsedSource,
    string? CheckedAgainst,
    IReadOnlyList<CollectionResult> Attempts,
    IReadOnlyList<CrossCheckDiscrepancy> Discrepancies,
    int MetricsCompared)
{
    /// <summary>Gets a value indicating whether two sources were compared and agreed on every common metric.</summary>
    public bool Agreed => CheckedAgainst is not null && Discrepancies.Count == 0;
}
