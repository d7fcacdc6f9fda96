namespace Observability.Internal;

/// <summary>Turns the non-blank lines of a snapshot file, one at a time, into snapshots.</summary>
internal abstract class SnapshotLineParser(SnapshotFileContext context)
{
    /// <summary>Gets where the lines come from and which of them to keep.</summary>
    protected SnapshotFileContext Context { get; } = context;

    /// <summary>Parses one non-blank line.</summary>
    /// <param name="line">The line, without its line break.</param>
    /// <param name="lineNumber">The 1-based line number in the file.</param>
    /// <returns>A snapshot in the window, nothing (outside the window), a rejected line or a fatal error.</returns>
    public abstract SnapshotLineOutcome Parse(string line, int lineNumber);

    /// <summary>
    /// The outcome of a line that is not valid UTF-8 (the reader decoded a bad byte sequence as U+FFFD; a U+FFFD
    /// written in the file reads the same): rejected, so no garbled name or text is kept.
    /// </summary>
    public virtual SnapshotLineOutcome InvalidText(string line, int lineNumber)
        => Context.Reject(
            $"the line is not valid UTF-8 (a bad byte sequence, or U+FFFD, at column {line.IndexOf('\uFFFD', StringComparison.Ordinal) + 1})",
            Context.Location(lineNumber));
}

/// <summary>The file being read, the default source and the window to keep.</summary>
/// <param name="FileName">The file name without directory, used in error locations.</param>
/// <param name="Source">The source of snapshots whose line names none.</param>
/// <param name="Window">The half-open window of the snapshots to keep.</param>
internal sealed record SnapshotFileContext(string FileName, string Source, CollectionWindow Window)
{
    public string Location(int lineNumber) => $"{FileName} line {lineNumber}";

    public string Location(int lineNumber, string fieldKind, string field) => $"{FileName} line {lineNumber}, {fieldKind} '{field}'";

    public SnapshotLineOutcome Reject(string message, string location)
        => new(null, new CollectionError(CollectionErrorKind.InvalidData, message, location), IsFatal: false);

    public SnapshotLineOutcome Fatal(string message, int lineNumber)
        => new(null, new CollectionError(CollectionErrorKind.InvalidData, message, Location(lineNumber)), IsFatal: true);
}

/// <summary>What one line gave.</summary>
/// <param name="Snapshot">The snapshot, when the line is valid and in the window.</param>
/// <param name="Error">Why the line was rejected; <see langword="null"/> when it was not.</param>
/// <param name="IsFatal">Whether the whole file is unreadable (for example a CSV header without a timestamp column).</param>
internal readonly record struct SnapshotLineOutcome(MetricSnapshot? Snapshot, CollectionError? Error, bool IsFatal)
{
    /// <summary>Gets the outcome of a valid line outside the window (or a header line).</summary>
    public static SnapshotLineOutcome Skipped => default;

    public static SnapshotLineOutcome Accepted(MetricSnapshot snapshot) => new(snapshot, null, IsFatal: false);
}
