namespace Observability;

/// <summary>A 0-100 health score with its band and the components that explain it.</summary>
/// <param name="Value">The score in [0, 100].</param>
/// <param name="Status">The band the score falls in.</param>
/// <param name="Components">The documented components that produced the value.</param>
public sealed record HealthScore(double Value, HealthStatus Status, IReadOnlyList<ScoreComponent> Components);
