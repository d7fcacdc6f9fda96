namespace Observability;

/// <summary>A metric on which a source disagreed with the trusted (highest-priority answering) one beyond its tolerance; the trusted source was kept.</summary>
/// <param name="Metric">The metric name.</param>
/// <param name="TrustedSource">The collector whose value was used (higher priority).</param>
/// <param name="TrustedValue">Its value: the mean over the window of its usable snapshots.</param>
/// <param name="OtherSource">The collector it was checked against.</param>
/// <param name="OtherValue">The other collector's value, the mean over the same window.</param>
/// <param name="Difference">|trusted - other|.</param>
/// <param name="Allowed">The largest difference the tolerance allowed for these two values.</param>
/// <param name="Tolerance">The tolerance of the metric that gave <paramref name="Allowed"/>.</param>
/// <param name="Message">A sentence a person can read.</param>
public sealed record CrossCheckDiscrepancy(
    string Metric,
    string TrustedSource,
    double TrustedValue,
    string OtherSource,
    double OtherValue,
    double Difference,
    double Allowed,
    MetricTolerance Tolerance,
    string Message);
