namespace Observability;

/// <summary>Options of an <see cref="SloEvaluator"/>. Plain values; checked when the evaluator is created.</summary>
public sealed class SloEvaluatorOptions
{
    /// <summary>Gets or sets the burn-rate rules and traffic guard. Default: <see cref="BurnRatePolicy.Workbook"/>.</summary>
    public BurnRatePolicy Policy { get; set; } = BurnRatePolicy.Workbook;

    /// <summary>Gets or sets the most points a burn-down holds; more snapshots are merged into equal slices of the period. Default: 720 (hourly for 30 days).</summary>
    public int MaxBurnDownPoints { get; set; } = 720;

    /// <summary>Gets or sets how many of the most recent violations an evaluation lists. Default: 100.</summary>
    public int MaxViolations { get; set; } = 100;

    /// <summary>Gets or sets the window of the current burn rate, which projects the budget's exhaustion. Default: 1 hour.</summary>
    public TimeSpan CurrentBurnRateWindow { get; set; } = TimeSpan.FromHours(1);
}
