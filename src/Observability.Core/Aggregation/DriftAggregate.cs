namespace Observability;

/// <summary>How far a day's metrics moved from the baseline, in percent of the baseline.</summary>
/// <param name="ThresholdPercent">The drift threshold a metric's average drift must stay at or under.</param>
/// <param name="AveragePercent">The mean of the measured metrics' average drift; <see langword="null"/> without a baseline or data.</param>
/// <param name="MaxPercent">The largest drift of any metric in any snapshot.</param>
/// <param name="Metrics">Each baseline metric's drift, in the baseline's order.</param>
/// <param name="MetricsOverThreshold">The metrics whose average drift is above the threshold.</param>
public sealed record DriftAggregate(double ThresholdPercent, double? AveragePercent, double? MaxPercent, IReadOnlyList<MetricDrift> Metrics, IReadOnlyList<string> MetricsOverThreshold);
