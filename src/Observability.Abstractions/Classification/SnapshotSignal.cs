namespace Observability;

/// <summary>A snapshot to classify, with the one before it from the same source.</summary>
/// <param name="Current">The snapshot to classify.</param>
/// <param name="Previous">The snapshot before it, or <see langword="null"/> for the first.</param>
public readonly record struct SnapshotSignal(MetricSnapshot Current, MetricSnapshot? Previous);
