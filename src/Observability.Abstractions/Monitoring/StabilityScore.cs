namespace Observability;

/// <summary>
/// A 0-100 stability score of a period (a window, a day, a week; one definition): 40 % availability
/// SLO compliance, 40 % latency SLO compliance and 20 % steadiness (100 minus the drift from the
/// baseline, capped at 20). A part that could not be measured is <see langword="null"/> and left
/// out, the others re-weighted; it is never counted as met.
/// </summary>
/// <param name="Value">The score in [0, 100].</param>
/// <param name="Grade">The letter grade: A (90+), B (80+), C (70+), D (60+) or F.</param>
/// <param name="AvailabilityCompliance">The share of snapshots whose availability was judged that met the target, in [0, 1]; <see langword="null"/> when none was judged.</param>
/// <param name="LatencyCompliance">The share of snapshots with a p99 that met the latency target, in [0, 1]; <see langword="null"/> when none carried a p99.</param>
/// <param name="DriftPercent">The mean daily level drift from the baseline, in percent; <see langword="null"/> without a baseline.</param>
public sealed record StabilityScore(double Value, string Grade, double? AvailabilityCompliance, double? LatencyCompliance, double? DriftPercent);
