namespace Observability;

/// <summary>What one collector delivered during a pass.</summary>
/// <param name="Collector">The collector's name.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Snapshots">How many snapshots it delivered.</param>
/// <param name="Used"><see langword="true"/> when its snapshots were the ones evaluated.</param>
/// <param name="Errors">The problems it reported, as readable lines.</param>
public sealed record CollectionSummary(string Collector, CollectionStatus Status, int Snapshots, bool Used, IReadOnlyList<string> Errors);
