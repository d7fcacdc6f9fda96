using Observability.Internal;

namespace Observability;

/// <summary>The verdict of the <see cref="CostAnomalyDetector"/> on one expected/actual pair.</summary>
/// <param name="Expected">The expected cost (the budget or forecast).</param>
/// <param name="Actual">The actual cost.</param>
/// <param name="VariancePercent">
/// (actual - expected) / expected x 100: positive is over, negative under the expectation;
/// <see langword="null"/> when the expected cost is 0 and the actual is not (no baseline to compare with).
/// </param>
/// <param name="Severity">
/// <see cref="AlertSeverity.Warning"/> or <see cref="AlertSeverity.Critical"/> for an anomaly,
/// <see cref="AlertSeverity.Info"/> when there is no baseline, <see langword="null"/> when the cost is as expected.
/// </param>
/// <param name="Reason">A sentence with the numbers, for a person.</param>
public sealed record CostAnomaly(decimal Expected, decimal Actual, decimal? VariancePercent, AlertSeverity? Severity, string Reason)
{
    /// <summary>Gets a value indicating whether the variance is above the warning or critical percentage.</summary>
    public bool IsAnomaly => Severity is AlertSeverity.Warning or AlertSeverity.Critical;

    /// <summary>Gets the threshold the variance was above, in percent; <see langword="null"/> unless it is an anomaly.</summary>
    public decimal? ThresholdPercent { get; init; }

    /// <summary>
    /// Returns the anomaly as a finding (rule <c>cost_variance_warning</c> or <c>cost_variance_critical</c>,
    /// metric <c>cost_variance_percent</c>), or <see langword="null"/> when it is not an anomaly.
    /// </summary>
    /// <returns>The finding, or <see langword="null"/>.</returns>
    public Finding? ToFinding() => IsAnomaly
        ? new Finding(Severity == AlertSeverity.Critical ? AdviceRules.CostVarianceCritical : AdviceRules.CostVarianceWarning, Severity!.Value, Reason)
        {
            Metric = "cost_variance_percent",
            Observed = (double?)VariancePercent,
            Threshold = (double?)ThresholdPercent,
        }
        : null;
}
