namespace Observability;

/// <summary>A day's p95 and p99 latency, in milliseconds, and the latency SLO compliance.</summary>
/// <param name="P95Measured">How many usable snapshots carried a p95.</param>
/// <param name="P95Average">The mean p95; <see langword="null"/> when none was measured.</param>
/// <param name="P95Max">The highest p95.</param>
/// <param name="Measured">How many usable snapshots carried a p99 (the latency SLO is judged on p99).</param>
/// <param name="P99Average">The mean p99; <see langword="null"/> when none was measured.</param>
/// <param name="P99Max">The highest p99.</param>
/// <param name="Compliant">How many snapshots had a p99 under the target (strictly).</param>
/// <param name="SloCompliance">Compliant / measured, in [0, 1]; <see langword="null"/> when no p99 was measured.</param>
/// <param name="TargetMilliseconds">The p99 target, for example 500.</param>
public sealed record LatencyAggregate(int P95Measured, double? P95Average, double? P95Max, int Measured, double? P99Average, double? P99Max, int Compliant, double? SloCompliance, double TargetMilliseconds);
