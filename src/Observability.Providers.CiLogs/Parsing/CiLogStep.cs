namespace Observability;

/// <summary>A <c>##[group]</c> block of a CI log: a step (<c>Run …</c>) or a group a script opened.</summary>
/// <param name="Name">The group title, for example <c>Run actions/checkout@v4</c>.</param>
/// <param name="LineNumber">The 1-based line of the <c>##[group]</c> marker.</param>
/// <param name="StartedAt">The timestamp of that line, when the log carries one.</param>
public sealed record CiLogStep(string Name, int LineNumber, DateTimeOffset? StartedAt);
