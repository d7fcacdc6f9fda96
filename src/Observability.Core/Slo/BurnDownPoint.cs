namespace Observability;

/// <summary>One point of an error budget burn-down: how much of the period's budget was left at a time.</summary>
/// <param name="Timestamp">The time of the last snapshot the point includes.</param>
/// <param name="Consumed">The bad events from the start of the period up to and including <paramref name="Timestamp"/>.</param>
/// <param name="RemainingFraction">The share of the period's budget left at that time; negative once overspent.</param>
public sealed record BurnDownPoint(DateTimeOffset Timestamp, double Consumed, double RemainingFraction);
