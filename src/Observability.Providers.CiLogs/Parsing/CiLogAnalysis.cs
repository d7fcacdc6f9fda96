namespace Observability;

/// <summary>What a CI log says: when it ran, how it ended, its steps, errors, warnings and rule counters.</summary>
public sealed class CiLogAnalysis
{
    /// <summary>Gets the source the log came from (a file path, an archive entry, a job URL).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the number of lines read.</summary>
    public required int LineCount { get; init; }

    /// <summary>Gets the first timestamp in the log, if any.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Gets the last timestamp in the log, if any.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Gets the time between the first and the last timestamp, if both exist.</summary>
    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;

    /// <summary>Gets how the run ended.</summary>
    public required CiRunConclusion Conclusion { get; init; }

    /// <summary>Gets why the conclusion was drawn, for a person.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the <c>##[group]</c> blocks in order.</summary>
    public IReadOnlyList<CiLogStep> Steps { get; init; } = [];

    /// <summary>Gets the error lines in order (at most <see cref="CiLogParser.MaxAnnotations"/>).</summary>
    public IReadOnlyList<CiLogAnnotation> Errors { get; init; } = [];

    /// <summary>Gets the warning lines in order (at most <see cref="CiLogParser.MaxAnnotations"/>).</summary>
    public IReadOnlyList<CiLogAnnotation> Warnings { get; init; } = [];

    /// <summary>Gets the number of error lines, including those beyond the kept list.</summary>
    public int ErrorCount { get; init; }

    /// <summary>
    /// Gets the number of error lines per category (see <see cref="CiErrorCategories"/>) that the parser's
    /// <see cref="ICiErrorClassifier"/> gave them, every error line counted once (also those beyond the kept list), so the
    /// counts add up to <see cref="ErrorCount"/>. Only categories that occurred appear; sorted by category.
    /// </summary>
    public IReadOnlyDictionary<string, int> ErrorCategories { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Gets the number of warning lines, including those beyond the kept list.</summary>
    public int WarningCount { get; init; }

    /// <summary>Gets the count of matching lines per rule metric (every rule appears, 0 when nothing matched).</summary>
    public IReadOnlyDictionary<string, double> Counters { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Gets the number of lines cut at <see cref="CiLogParser.MaxLineLength"/>.</summary>
    public int TruncatedLines { get; init; }

    /// <summary>Gets a value indicating whether the run did not succeed (failure, cancelled or timed out).</summary>
    public bool IsFailed => Conclusion is CiRunConclusion.Failure or CiRunConclusion.Cancelled or CiRunConclusion.TimedOut;

    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Conclusion}, {LineCount} lines, {ErrorCount} errors, {WarningCount} warnings";
}
