namespace Observability;

/// <summary>
/// A 0-100 stability score over the whole window: 40 % availability SLO compliance,
/// 40 % latency SLO compliance and 20 % latency steadiness (100 minus the drift, capped at 20).
/// </summary>
/// <param name="Value">The score in [0, 100].</param>
/// <param name="Grade">The letter grade: A (90+), B (80+), C (70+), D (60+) or F.</param>
/// <param name="AvailabilityCompliance">The share of usable snapshots that met the availability SLO, in [0, 1].</param>
/// <param name="LatencyCompliance">The share of usable snapshots that met the latency SLO, in [0, 1].</param>
/// <param name="DriftPercent">How far the recent p95 latency moved from the window's baseline, in percent.</param>
public sealed record StabilityScore(double Value, string Grade, double AvailabilityCompliance, double LatencyCompliance, double DriftPercent);
