namespace Observability;

/// <summary>A run of consecutive snapshots that carried no usable data.</summary>
/// <param name="Start">The first snapshot's time.</param>
/// <param name="End">The last snapshot's time.</param>
/// <param name="Snapshots">How many snapshots the gap spans.</param>
/// <param name="Category">The classification, for example <see cref="SignalCategories.CollectEmptySource"/>.</param>
/// <param name="Persistent"><see langword="true"/> when the gap lasted long enough to count as persistent.</param>
public sealed record DataGap(DateTimeOffset Start, DateTimeOffset End, int Snapshots, string Category, bool Persistent);
