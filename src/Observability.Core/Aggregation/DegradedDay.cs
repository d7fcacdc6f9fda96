namespace Observability;

/// <summary>A degraded day of a period and why.</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="DayNumber">Its number in the period, 1 for the first.</param>
/// <param name="Flags">The degradation flags it raised.</param>
public sealed record DegradedDay(DateOnly Day, int DayNumber, IReadOnlyList<DegradationFlag> Flags);
