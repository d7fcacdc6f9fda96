namespace Observability;

/// <summary>
/// The error budget of an SLO over its period. Amounts are bad events: requests or jobs for
/// request-based SLOs, snapshots for latency SLOs.
/// </summary>
/// <param name="Allowed">The bad events the objective allows: (1 - objective) x events in the period.</param>
/// <param name="Consumed">The bad events that happened in the period.</param>
public sealed record ErrorBudget(double Allowed, double Consumed)
{
    /// <summary>Gets the bad events still allowed, <see cref="Allowed"/> - <see cref="Consumed"/>; negative once overspent.</summary>
    public double Remaining => Allowed - Consumed;

    /// <summary>
    /// Gets the share of the budget left, 1 - <see cref="Consumed"/> / <see cref="Allowed"/>: 1 untouched, 0 spent,
    /// negative overspent (-0.5 is 150 % spent). 1 when there were no events at all.
    /// </summary>
    public double RemainingFraction => Allowed > 0 ? 1 - (Consumed / Allowed) : 1;

    /// <summary>Gets the share of the budget spent, 1 - <see cref="RemainingFraction"/>.</summary>
    public double ConsumedFraction => 1 - RemainingFraction;

    /// <summary>Gets a value indicating whether the budget is spent (nothing or less than nothing remains).</summary>
    public bool IsExhausted => Allowed > 0 && Consumed >= Allowed;
}
