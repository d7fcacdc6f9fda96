namespace Observability;

/// <summary>
/// What an <see cref="SloEvaluator"/> found for one SLO over the period ending at <see cref="AsOf"/>:
/// compliance, the error budget and its burn-down, the current burn rate and projected exhaustion,
/// the violations and the burn-rate alerts. Events are requests or jobs for request-based SLOs and
/// snapshots for latency SLOs.
/// </summary>
public sealed record SloEvaluation
{
    /// <summary>Gets the SLO that was evaluated.</summary>
    public required SloDefinition Slo { get; init; }

    /// <summary>Gets the end of the evaluated period: the given time, else the newest snapshot's; <see langword="null"/> when neither exists.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Gets the exclusive start of the evaluated period, <see cref="AsOf"/> - period; snapshots in (start, as-of] count.</summary>
    public DateTimeOffset? PeriodStart { get; init; }

    /// <summary>Gets how many snapshots of the period were evaluated.</summary>
    public int Snapshots { get; init; }

    /// <summary>Gets how many snapshots of the period were skipped: unusable quality, or the metric (or, for request-based SLOs, the volume) missing or invalid.</summary>
    public int SkippedSnapshots { get; init; }

    /// <summary>Gets how many snapshots lay outside the period (at or before its start, or after <see cref="AsOf"/>) and were ignored.</summary>
    public int OutsidePeriodSnapshots { get; init; }

    /// <summary>Gets the events of the period.</summary>
    public double TotalEvents { get; init; }

    /// <summary>Gets the good events of the period.</summary>
    public double GoodEvents { get; init; }

    /// <summary>Gets the bad events of the period.</summary>
    public double BadEvents { get; init; }

    /// <summary>Gets the share of good events, good / total (0.9995 is 99.95 %); <see langword="null"/> when there were no events.</summary>
    public double? Compliance { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Compliance"/> meets the objective; <see langword="null"/> when there were no events.</summary>
    public bool? IsMet { get; init; }

    /// <summary>Gets the error budget of the period.</summary>
    public required ErrorBudget Budget { get; init; }

    /// <summary>Gets the remaining budget over the period, oldest first: one point per snapshot, or per equal slice of the period when there are more snapshots than <see cref="SloEvaluatorOptions.MaxBurnDownPoints"/>.</summary>
    public IReadOnlyList<BurnDownPoint> BurnDown { get; init; } = [];

    /// <summary>Gets the burn rate over the last <see cref="CurrentBurnRateWindow"/>; <see langword="null"/> when it holds no events.</summary>
    public double? CurrentBurnRate { get; init; }

    /// <summary>Gets the window of <see cref="CurrentBurnRate"/>.</summary>
    public TimeSpan CurrentBurnRateWindow { get; init; }

    /// <summary>
    /// Gets when the budget runs out at the current burn rate: <see cref="AsOf"/> + remaining fraction x period / burn rate
    /// (linear; at burn rate b the whole budget lasts period / b). <see langword="null"/> when not burning or already exhausted.
    /// </summary>
    public DateTimeOffset? ProjectedExhaustion { get; init; }

    /// <summary>Gets the time of the snapshot at which the bad events reached the period's budget; <see langword="null"/> while budget remains.</summary>
    public DateTimeOffset? ExhaustedAt { get; init; }

    /// <summary>Gets the most recent violations, oldest first, at most <see cref="SloEvaluatorOptions.MaxViolations"/>.</summary>
    public IReadOnlyList<SloViolation> Violations { get; init; } = [];

    /// <summary>Gets how many violations the period held, including those left out of <see cref="Violations"/>.</summary>
    public int ViolationCount { get; init; }

    /// <summary>Gets the outcome of every burn-rate rule, in the policy's order.</summary>
    public IReadOnlyList<BurnRateAlert> BurnRateAlerts { get; init; } = [];

    /// <summary>Gets the rules that fire, most severe first.</summary>
    public IReadOnlyList<BurnRateAlert> FiringAlerts { get; init; } = [];

    /// <summary>Gets a summary with the numbers a person needs.</summary>
    public required string Reason { get; init; }
}
