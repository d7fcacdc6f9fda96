namespace Observability;

/// <summary>
/// How a period's metrics moved: the first day with data against the last (period over period),
/// the first half of the days against the second, and a line through the daily p99.
/// </summary>
/// <param name="Availability">Availability, last day against first; <see langword="null"/> with fewer than two days that measured it.</param>
/// <param name="ErrorRate">Average error rate, last day against first.</param>
/// <param name="LatencyP95">Average p95 latency, last day against first.</param>
/// <param name="LatencyP99">Average p99 latency, last day against first.</param>
/// <param name="Cpu">Average CPU utilisation, last day against first.</param>
/// <param name="Memory">Average memory utilisation, last day against first.</param>
/// <param name="Halves">The first half of the days against the second, each day weighted by its snapshots.</param>
/// <param name="LatencyP99Line">A least-squares line through each day's average p99 (placed at noon); <see langword="null"/> with fewer than two days.</param>
/// <param name="LatencyP99ReachesTarget">When that line, rising and still under the p99 target, would reach it; <see langword="null"/> otherwise.</param>
public sealed record WeeklyTrends(
    PeriodOverPeriodTrend? Availability,
    PeriodOverPeriodTrend? ErrorRate,
    PeriodOverPeriodTrend? LatencyP95,
    PeriodOverPeriodTrend? LatencyP99,
    PeriodOverPeriodTrend? Cpu,
    PeriodOverPeriodTrend? Memory,
    HalfComparison Halves,
    LinearTrend? LatencyP99Line,
    DateTimeOffset? LatencyP99ReachesTarget);
