namespace Observability;

/// <summary>
/// Where one service level objective stands at the end of a pass: compliance over the collected
/// window, the error budget left, how fast it burns, and the multi-window burn-rate alerts that fire.
/// </summary>
/// <param name="Name">The SLO's name, for example <c>availability</c>.</param>
/// <param name="Objective">The share of good events promised, in (0, 1).</param>
/// <param name="Compliance">The share of good events (or good snapshots for a latency SLO) in the window, in [0, 1]; <see langword="null"/> without data.</param>
/// <param name="BudgetRemaining">The share of the error budget left, 1 = untouched; negative once overspent.</param>
/// <param name="Reason">A sentence with the numbers, for a person.</param>
public sealed record SloStatus(string Name, double Objective, double? Compliance, double BudgetRemaining, string Reason)
{
    /// <summary>Gets the burn rate over the last hour (1 = spending exactly the budget over the period); <see langword="null"/> without data.</summary>
    public double? BurnRate { get; init; }

    /// <summary>Gets when the budget runs out at the current burn rate; <see langword="null"/> when it is not burning or already spent.</summary>
    public DateTimeOffset? ProjectedExhaustion { get; init; }

    /// <summary>Gets the error budget left over the window, oldest first (the SLO evaluation's burn-down); empty without data.</summary>
    public IReadOnlyList<SloBudgetPoint> BurnDown { get; init; } = [];

    /// <summary>Gets the burn-rate rules that fire (for example <c>burn_rate_1h_5m</c>), most severe first.</summary>
    public IReadOnlyList<string> FiringRules { get; init; } = [];

    /// <summary>
    /// Gets what the SLO measures: <c>availability</c>, <c>error_rate</c> (both fractions) or <c>latency_percentile</c>
    /// (milliseconds); <see langword="null"/> when not known.
    /// </summary>
    public string? Kind { get; init; }

    /// <summary>Gets the most recent violations of the window, oldest first (at most the SLO evaluation's limit).</summary>
    public IReadOnlyList<SloBreach> Violations { get; init; } = [];

    /// <summary>Gets how many violations the window held, including those left out of <see cref="Violations"/>.</summary>
    public int ViolationCount { get; init; }
}
