namespace Observability;

/// <summary>The jobs read from a run-logs archive, or why it could not be read.</summary>
public sealed class CiRunLogArchiveResult
{
    /// <summary>Gets the archive's source (a path or URL without credentials).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the jobs, sorted by name (those read before a failure, when <see cref="Error"/> is set).</summary>
    public IReadOnlyList<CiJobLog> Jobs { get; init; } = [];

    /// <summary>Gets why the archive could not be read (truncated, corrupt, not a ZIP), or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a value indicating whether the whole archive was read.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Gets the number of jobs that did not succeed.</summary>
    public int FailedJobs => Jobs.Count(static j => j.Conclusion is CiRunConclusion.Failure or CiRunConclusion.Cancelled or CiRunConclusion.TimedOut);

    /// <inheritdoc />
    public override string ToString() => Error is null ? $"{Source}: {Jobs.Count} jobs, {FailedJobs} failed" : $"{Source}: {Error}";
}
