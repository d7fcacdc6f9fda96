namespace Observability;

/// <summary>
/// A period of days (usually a week) summarised from its <see cref="DailySummary"/> list: averages,
/// trends, degraded days, whether to roll back and why, and what a person should do next.
/// Averages weight each day by how many snapshots measured the metric.
/// </summary>
public sealed record WeeklySummary
{
    /// <summary>Gets the first day.</summary>
    public required DateOnly FirstDay { get; init; }

    /// <summary>Gets the last day.</summary>
    public required DateOnly LastDay { get; init; }

    /// <summary>Gets how many daily summaries the period has.</summary>
    public required int Days { get; init; }

    /// <summary>Gets how many of them had usable data.</summary>
    public required int DaysWithData { get; init; }

    /// <summary>Gets the average availability, a ratio; <see langword="null"/> when no day measured it.</summary>
    public required double? AverageAvailability { get; init; }

    /// <summary>Gets the share of snapshots that met the availability SLO, in [0, 1].</summary>
    public required double? AvailabilitySloCompliance { get; init; }

    /// <summary>Gets the average error rate, a ratio (weighted by volume when every day has it).</summary>
    public required double? AverageErrorRate { get; init; }

    /// <summary>Gets the average p95 latency in milliseconds.</summary>
    public required double? AverageLatencyP95 { get; init; }

    /// <summary>Gets the average p99 latency in milliseconds.</summary>
    public required double? AverageLatencyP99 { get; init; }

    /// <summary>Gets the share of snapshots that met the latency SLO, in [0, 1].</summary>
    public required double? LatencySloCompliance { get; init; }

    /// <summary>Gets the average CPU utilisation, a ratio.</summary>
    public required double? AverageCpu { get; init; }

    /// <summary>Gets the average memory utilisation, a ratio.</summary>
    public required double? AverageMemory { get; init; }

    /// <summary>Gets the mean of the days' average drift from the baseline, in percent; <see langword="null"/> without a baseline.</summary>
    public required double? AverageDriftPercent { get; init; }

    /// <summary>Gets the alert counts summed over the days (alert-free hours summed too).</summary>
    public required AlertAggregate Alerts { get; init; }

    /// <summary>Gets the mean of the days' stability scores (days with data), graded like a day.</summary>
    public required StabilityScore Stability { get; init; }

    /// <summary>Gets the trends over the period.</summary>
    public required WeeklyTrends Trends { get; init; }

    /// <summary>Gets the availability trend, first half against second half in percentage points (stable within the band, 0.5 pp by default).</summary>
    public TrendAssessment AvailabilityTrend => Trends.Halves.Availability.Assessment;

    /// <summary>Gets the latency trend: p99 (p95 when no p99 was measured), first half against second half in ms (stable within 10 ms by default).</summary>
    public TrendAssessment LatencyTrend => Trends.Halves.LatencyP99.Change is not null ? Trends.Halves.LatencyP99.Assessment : Trends.Halves.LatencyP95.Assessment;

    /// <summary>Gets the resource trend: the worse of CPU and memory, first half against second half in percent (stable within 5 % by default).</summary>
    public TrendAssessment ResourceTrend => Worse(Trends.Halves.Cpu.Assessment, Trends.Halves.Memory.Assessment);

    /// <summary>Gets when the baseline was taken, when the options said so.</summary>
    public DateTimeOffset? BaselineTimestamp { get; init; }

    /// <summary>Gets the start of the period: the first day's start.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Gets the end of the period: the last day's end.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Gets the usable snapshots of the period.</summary>
    public int TotalSnapshots { get; init; }

    /// <summary>Gets the degraded days, oldest first.</summary>
    public required IReadOnlyList<DegradedDay> DegradedDays { get; init; }

    /// <summary>Gets the days without usable data, which could not be judged.</summary>
    public required IReadOnlyList<DateOnly> DaysWithoutData { get; init; }

    /// <summary>Gets the rollback rules that triggered, with their numbers; empty when none did.</summary>
    public required IReadOnlyList<RollbackReason> RollbackReasons { get; init; }

    /// <summary>Gets a value indicating whether a rollback is recommended (any rollback rule triggered).</summary>
    public bool RollbackRecommended => RollbackReasons.Count > 0;

    /// <summary>Gets what was observed and what it suggests, one sentence each, with numbers.</summary>
    public required IReadOnlyList<string> Recommendations { get; init; }

    /// <summary>Gets concrete next steps for a person, most urgent first; empty when nothing needs doing.</summary>
    public required IReadOnlyList<string> ActionItems { get; init; }

    /// <summary>Gets the daily summaries the period was built from, oldest first; empty when not set.</summary>
    public IReadOnlyList<DailySummary> DailySummaries { get; init; } = [];

    /// <summary>Gets the service the period is about (<see cref="WeeklySummaryOptions.ServiceName"/>); <see langword="null"/> when not known.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Gets the version being watched (<see cref="WeeklySummaryOptions.Version"/>); <see langword="null"/> when not known.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// Gets the targets and limits the period was judged against, for reports that show a target beside each
    /// value; <see langword="null"/> when the summary was not built by <see cref="WeeklySummarizer"/>.
    /// </summary>
    public WeeklyTargets? Targets { get; init; }

    private static TrendAssessment Worse(TrendAssessment a, TrendAssessment b)
        => a == TrendAssessment.Degrading || b == TrendAssessment.Degrading ? TrendAssessment.Degrading
            : a == TrendAssessment.Improving || b == TrendAssessment.Improving ? TrendAssessment.Improving
            : TrendAssessment.Stable;
}
