namespace Observability;

/// <summary>What one collector delivered during a pass.</summary>
/// <param name="Collector">The collector's name.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Snapshots">How many snapshots it delivered.</param>
/// <param name="Used"><see langword="true"/> when its snapshots were the ones evaluated.</param>
/// <param name="Errors">The problems it reported, as readable lines.</param>
public sealed record CollectionSummary(string Collector, CollectionStatus Status, int Snapshots, bool Used, IReadOnlyList<string> Errors)
{
    /// <summary>Gets what the source warned about without failing (for example Prometheus' <c>warnings</c>, or a cross-check discrepancy).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
