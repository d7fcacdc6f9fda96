namespace Observability;

/// <summary>What a <see cref="StabilityMonitor"/> run did and wrote.</summary>
public sealed record StabilityRunResult
{
    /// <summary>Gets when the run started.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Gets when the run stopped: its planned end, or the time it was interrupted.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>Gets a value indicating whether the run was cancelled before its planned end; what was collected was still aggregated and written.</summary>
    public required bool Interrupted { get; init; }

    /// <summary>Gets how many ticks the whole run has: duration / interval, rounded up.</summary>
    public required int TicksPlanned { get; init; }

    /// <summary>Gets how many ticks ran.</summary>
    public required int TicksRun { get; init; }

    /// <summary>Gets how many ticks were skipped because the monitor was behind schedule.</summary>
    public required int TicksSkipped { get; init; }

    /// <summary>Gets how many ticks' collection failed.</summary>
    public required int TicksFailed { get; init; }

    /// <summary>Gets the days, oldest first.</summary>
    public required IReadOnlyList<StabilityDay> Days { get; init; }

    /// <summary>Gets the summary of the days; <see langword="null"/> when the run stopped before any day.</summary>
    public required WeeklySummary? Weekly { get; init; }

    /// <summary>Gets the collection findings: empty-source gaps (transient, info; persistent, warning) and cross-check discrepancies.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Gets the cross-check discrepancies, oldest first.</summary>
    public required IReadOnlyList<CrossCheckDiscrepancy> Discrepancies { get; init; }

    /// <summary>Gets the summary files written (days, then the weekly JSON and Markdown); raw snapshots are not listed.</summary>
    public required IReadOnlyList<string> Files { get; init; }
}
