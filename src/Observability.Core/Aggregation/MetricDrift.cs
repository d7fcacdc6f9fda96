namespace Observability;

/// <summary>How far one metric moved from its baseline over a day.</summary>
/// <param name="Metric">The metric name.</param>
/// <param name="Baseline">The baseline value.</param>
/// <param name="Measured">How many usable snapshots carried the metric.</param>
/// <param name="Average">The metric's mean over the day; <see langword="null"/> when none carried it.</param>
/// <param name="AveragePercent">The mean of each snapshot's drift, |value - baseline| / baseline x 100.</param>
/// <param name="MaxPercent">The largest drift of a snapshot.</param>
/// <param name="OverThreshold">Whether <see cref="AveragePercent"/> is above the drift threshold (strictly).</param>
public sealed record MetricDrift(string Metric, double Baseline, int Measured, double? Average, double? AveragePercent, double? MaxPercent, bool OverThreshold);
