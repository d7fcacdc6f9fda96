namespace Observability;

/// <summary>Statistics of one metric over the usable snapshots of a window.</summary>
/// <param name="Name">The metric name.</param>
/// <param name="Count">How many snapshots carried the metric.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Mean">The mean over the whole window.</param>
/// <param name="Last">The newest value.</param>
/// <param name="RecentMean">The mean over the evaluation window (the newest part), or <see langword="null"/> when it had no value.</param>
public sealed record MetricSummary(string Name, int Count, double Min, double Max, double Mean, double Last, double? RecentMean);
