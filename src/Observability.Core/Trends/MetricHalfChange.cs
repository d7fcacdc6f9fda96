namespace Observability;

/// <summary>How one metric moved from the first half of a period to the second.</summary>
/// <param name="Metric">The metric, one of <see cref="WellKnownMetrics"/>.</param>
/// <param name="FirstHalf">The first half's mean, in the metric's own unit (a ratio for availability, CPU and memory; ms for latency); <see langword="null"/> without data.</param>
/// <param name="SecondHalf">The second half's mean; <see langword="null"/> without data.</param>
/// <param name="Change">
/// The change in <see cref="Unit"/>: percentage points for availability, milliseconds for latency,
/// percent of the first half's value for CPU and memory; <see langword="null"/> when a half has no data
/// (or the first half's CPU or memory is 0).
/// </param>
/// <param name="Unit">The unit of <see cref="Change"/>: <c>pp</c>, <c>ms</c> or <c>%</c>.</param>
/// <param name="Band">The stable band in <see cref="Unit"/>: a change of less than this either way is stable.</param>
/// <param name="Assessment">Improving, stable or degrading, by what is good for the metric.</param>
/// <param name="Reason">A sentence a person can read, with the numbers.</param>
public sealed record MetricHalfChange(string Metric, double? FirstHalf, double? SecondHalf, double? Change, string Unit, double Band, TrendAssessment Assessment, string Reason);
