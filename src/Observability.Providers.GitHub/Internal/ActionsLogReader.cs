namespace Observability.Internal;

/// <summary>
/// What this collector reads from GitHub Actions logs, through the CiLogs parser (one parser for local
/// and downloaded logs): the step files of a run's log archive and the error lines of a job's log, each error line
/// in the category the parser's <see cref="ICiErrorClassifier"/> gave it.
/// </summary>
internal static class ActionsLogReader
{
    /// <summary>Reads a run's log archive (one folder per job, one <c>N_step.txt</c> per step).</summary>
    /// <exception cref="InvalidDataException">The archive is truncated or not a ZIP.</exception>
    public static RunLogCounts ReadRunArchive(byte[] zip, string source, CiLogParser parser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var stream = new MemoryStream(zip, writable: false);
        var archive = CiRunLogArchive.Read(stream, source, parser, cancellationToken);
        if (!archive.Succeeded)
        {
            throw new InvalidDataException(archive.Error);
        }

        var logs = archive.Jobs.SelectMany(static job => job.Logs).ToArray();
        return new RunLogCounts(
            archive.Jobs.Sum(static job => job.Steps.Count + (job.WholeLog is null ? 0 : 1)),
            logs.Sum(static log => log.ErrorCount),
            SumCategories(logs));
    }

    /// <summary>Reads the error lines (<c>##[error]</c>, <c>::error::</c>) of a job's plain-text log.</summary>
    public static CiLogAnalysis ReadJobLog(string text, string source, CiLogParser parser)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return parser.Parse(reader, source);
    }

    /// <summary>Adds up the error lines per category of several logs.</summary>
    public static SortedDictionary<string, int> SumCategories(IEnumerable<CiLogAnalysis> logs)
    {
        var categories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (category, count) in logs.SelectMany(static log => log.ErrorCategories))
        {
            categories[category] = categories.GetValueOrDefault(category) + count;
        }

        return categories;
    }
}

/// <summary>What a run's log archive holds: its log files, their error lines and those lines per category.</summary>
internal sealed record RunLogCounts(int Files, int ErrorLines, IReadOnlyDictionary<string, int> ErrorCategories);
