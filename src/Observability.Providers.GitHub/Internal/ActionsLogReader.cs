namespace Observability.Internal;

/// <summary>
/// What this collector reads from GitHub Actions logs, through the CiLogs parser (one parser for local
/// and downloaded logs): the step files of a run's log archive and the error lines of a job's log.
/// </summary>
internal static class ActionsLogReader
{
    /// <summary>Reads a run's log archive (one folder per job, one <c>N_step.txt</c> per step).</summary>
    /// <exception cref="InvalidDataException">The archive is truncated or not a ZIP.</exception>
    public static RunLogCounts ReadRunArchive(byte[] zip, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var stream = new MemoryStream(zip, writable: false);
        var archive = CiRunLogArchive.Read(stream, source, cancellationToken: cancellationToken);
        if (!archive.Succeeded)
        {
            throw new InvalidDataException(archive.Error);
        }

        var logs = archive.Jobs.SelectMany(static job => job.Logs).ToArray();
        return new RunLogCounts(archive.Jobs.Sum(static job => job.Steps.Count + (job.WholeLog is null ? 0 : 1)), logs.Sum(static log => log.ErrorCount));
    }

    /// <summary>Counts the error lines (<c>##[error]</c>, <c>::error::</c>) of a job's plain-text log.</summary>
    public static int CountErrorLines(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return CiLogParser.Default.Parse(reader, source).ErrorCount;
    }
}

/// <summary>What a run's log archive holds: its log files and their error lines.</summary>
internal sealed record RunLogCounts(int Files, int ErrorLines);
