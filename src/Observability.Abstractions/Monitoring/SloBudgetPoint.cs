namespace Observability;

/// <summary>One point of an SLO's error budget burning down over the window.</summary>
/// <param name="Timestamp">The time of the point.</param>
/// <param name="RemainingFraction">The share of the period's error budget left, 1 = untouched; negative once overspent.</param>
public sealed record SloBudgetPoint(DateTimeOffset Timestamp, double RemainingFraction);
