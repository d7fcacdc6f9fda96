namespace Observability;

/// <summary>
/// One day of a series (24 hours from its start): availability, errors, latency, resources, alerts, drift, degradation
/// flags, completeness and the day's stability score. Built by <see cref="DailyAggregator"/>.
/// </summary>
public sealed record DailySummary
{
    /// <summary>Gets the date (UTC) on which the day starts.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>Gets the day's number in its period, 1 for the first day.</summary>
    public required int DayNumber { get; init; }

    /// <summary>Gets the day's start: the period's start plus (day number - 1) x 24 hours (days by elapsed hours).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Gets the day's exclusive end, 24 hours after <see cref="Start"/>.</summary>
    public DateTimeOffset End => Start.AddDays(1);

    /// <summary>Gets the time of the day's first usable snapshot; <see langword="null"/> when the day had none.</summary>
    public DateTimeOffset? FirstSnapshotAt { get; init; }

    /// <summary>Gets the time of the day's last usable snapshot; <see langword="null"/> when the day had none.</summary>
    public DateTimeOffset? LastSnapshotAt { get; init; }

    /// <summary>
    /// Gets the average error rate (a ratio) at or above which the day counts as degraded, as the day was
    /// aggregated with (<see cref="ThresholdOptions.ErrorRateWarning"/>); <see langword="null"/> when not known.
    /// </summary>
    public double? ErrorRateThreshold { get; init; }

    /// <summary>Gets the availability statistics.</summary>
    public required AvailabilityAggregate Availability { get; init; }

    /// <summary>Gets the error rate statistics and totals.</summary>
    public required ErrorAggregate Errors { get; init; }

    /// <summary>Gets the latency statistics.</summary>
    public required LatencyAggregate Latency { get; init; }

    /// <summary>Gets the CPU and memory statistics.</summary>
    public required ResourceAggregate Resources { get; init; }

    /// <summary>Gets the alert counts.</summary>
    public required AlertAggregate Alerts { get; init; }

    /// <summary>Gets the drift from the baseline.</summary>
    public required DriftAggregate Drift { get; init; }

    /// <summary>Gets how complete the day's data is.</summary>
    public required DataCompleteness Completeness { get; init; }

    /// <summary>
    /// Gets the day's stability score, the one definition (<see cref="StabilityScore"/>): 40 x availability
    /// compliance + 40 x latency compliance + 20 x (100 - min(drift %, 20)) / 100, unmeasured parts left out
    /// and the rest re-weighted; graded A 90+, B 80+, C 70+, D 60+, F. 0 (F) without data.
    /// </summary>
    public required StabilityScore Stability { get; init; }

    /// <summary>Gets why the day is degraded; empty when it is not.</summary>
    public required IReadOnlyList<DegradationFlag> Flags { get; init; }

    /// <summary>Gets a value indicating whether any degradation flag is raised.</summary>
    public bool IsDegraded => Flags.Count > 0;

    /// <summary>Gets a value indicating whether the day had any usable snapshot.</summary>
    public bool HasData => Completeness.Actual > 0;

    /// <summary>Gets a short label for messages, for example <c>day 4 (2025-11-18)</c>.</summary>
    public string Label => FormattableString.Invariant($"day {DayNumber} ({Day:yyyy-MM-dd})");
}
