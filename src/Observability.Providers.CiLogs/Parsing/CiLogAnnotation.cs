namespace Observability;

/// <summary>An error or warning line of a CI log, with the step it belongs to.</summary>
/// <param name="Level">Error or warning.</param>
/// <param name="LineNumber">The 1-based line number in the log.</param>
/// <param name="Timestamp">The line's timestamp, when the log carries one.</param>
/// <param name="Step">The step in force: the last <c>##[group]Run …</c> title (or the last group title before any), or <see langword="null"/>.</param>
/// <param name="Message">The message, without timestamp, marker and ANSI colour codes.</param>
public sealed record CiLogAnnotation(CiAnnotationLevel Level, int LineNumber, DateTimeOffset? Timestamp, string? Step, string Message)
{
    /// <summary>Gets the lines just above this one (oldest first, without timestamps), where the cause usually is.</summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"line {LineNumber} [{Step ?? "-"}] {Level}: {Message}";
}
