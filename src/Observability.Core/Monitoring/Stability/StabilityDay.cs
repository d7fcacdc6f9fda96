namespace Observability;

/// <summary>One day of a <see cref="StabilityMonitor"/> run: its summary and how its collection went.</summary>
public sealed record StabilityDay
{
    /// <summary>Gets the day's summary, as written to <see cref="SummaryPath"/>; its completeness warnings include the monitor's.</summary>
    public required DailySummary Summary { get; init; }

    /// <summary>Gets the ticks scheduled on the day that ran.</summary>
    public required int Ticks { get; init; }

    /// <summary>Gets the ticks that collected a snapshot with values.</summary>
    public required int Collected { get; init; }

    /// <summary>Gets the ticks that got an empty snapshot (a collection gap, counted against completeness, never as 0 % availability).</summary>
    public required int Empty { get; init; }

    /// <summary>Gets the ticks whose collection failed.</summary>
    public required int Failed { get; init; }

    /// <summary>Gets the ticks skipped because the monitor was behind schedule.</summary>
    public required int Skipped { get; init; }

    /// <summary>Gets the cross-check discrepancies found on the day (with a <see cref="CrossCheckedCollector"/>).</summary>
    public required int Discrepancies { get; init; }

    /// <summary>Gets a value indicating whether the day is partial: a collection failed, a tick was skipped, or the run stopped during it.</summary>
    public required bool Partial { get; init; }

    /// <summary>Gets the path of the day's summary file.</summary>
    public required string SummaryPath { get; init; }

    /// <summary>Gets the folder of the day's raw snapshots.</summary>
    public required string RawDirectory { get; init; }
}
