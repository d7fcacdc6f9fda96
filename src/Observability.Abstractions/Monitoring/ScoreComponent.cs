namespace Observability;

/// <summary>One documented part of a score: what it measured and how many points it moved.</summary>
/// <param name="Name">The component's name, for example <c>error_rate</c>.</param>
/// <param name="Points">The points it added (positive) or removed (negative).</param>
/// <param name="Detail">How the points were computed, for a person.</param>
public sealed record ScoreComponent(string Name, double Points, string Detail);
