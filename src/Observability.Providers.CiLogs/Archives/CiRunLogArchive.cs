using System.Globalization;
using System.IO.Compression;

namespace Observability;

/// <summary>
/// Reads the ZIP that <c>GET /repos/{owner}/{repo}/actions/runs/{id}/logs</c> returns: a folder per job holding
/// <c>&lt;step-number&gt;_&lt;step name&gt;.txt</c>, and top-level <c>&lt;n&gt;_&lt;job&gt;.txt</c> files with whole job logs
/// (a job's whole log and its step files are joined by the job name; see <see cref="CiJobLog.Logs"/>).
/// macOS noise (<c>__MACOSX/</c>, <c>.DS_Store</c>) and non-text entries are skipped. A truncated or corrupt
/// archive gives a result with <see cref="CiRunLogArchiveResult.Error"/>, never an exception.
/// </summary>
public static class CiRunLogArchive
{
    /// <summary>Reads an archive from a stream (left open; must be seekable, or is copied to memory).</summary>
    /// <param name="zip">The archive bytes.</param>
    /// <param name="source">Where the archive came from (no credentials); named in the result.</param>
    /// <param name="parser">Parses each step log; <see cref="CiLogParser.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The jobs, or the reason the archive could not be read.</returns>
    public static CiRunLogArchiveResult Read(Stream zip, string source, CiLogParser? parser = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        parser ??= CiLogParser.Default;
        var jobs = new SortedDictionary<string, List<CiStepLog>>(StringComparer.Ordinal);
        var wholeLogs = new Dictionary<string, CiLogAnalysis>(StringComparer.Ordinal);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsLog(entry.FullName))
                {
                    continue;
                }

                var slash = entry.FullName.LastIndexOf('/');
                var (number, name) = StepName(entry.Name);
                var job = slash < 0 ? name : entry.FullName[..slash];
                using var stream = entry.Open();
                var analysis = parser.Parse(stream, $"{source}!{entry.FullName}", cancellationToken);
                if (!jobs.TryGetValue(job, out var steps))
                {
                    jobs[job] = steps = [];
                }

                if (slash < 0)
                {
                    wholeLogs[job] = analysis;
                }
                else
                {
                    steps.Add(new CiStepLog(number, name, entry.FullName, analysis));
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return new CiRunLogArchiveResult { Source = source, Jobs = ToJobs(jobs, wholeLogs), Error = $"the run-logs archive {source} cannot be read (truncated or corrupt?): {e.Message}" };
        }

        return new CiRunLogArchiveResult { Source = source, Jobs = ToJobs(jobs, wholeLogs) };
    }

    /// <summary>Reads an archive file.</summary>
    /// <param name="path">The ZIP file.</param>
    /// <param name="parser">Parses each step log; <see cref="CiLogParser.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The jobs, or the reason the file could not be read.</returns>
    public static CiRunLogArchiveResult ReadFile(string path, CiLogParser? parser = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return Read(stream, path, parser, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CiRunLogArchiveResult { Source = path, Error = $"the run-logs archive {path} cannot be opened: {e.Message}" };
        }
    }

    private static bool IsLog(string fullName)
        => fullName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && !fullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
            && !fullName.Contains("/._", StringComparison.Ordinal)
            && !fullName.StartsWith("._", StringComparison.Ordinal);

    private static (int Number, string Name) StepName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && int.TryParse(stem.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (number, stem[(underscore + 1)..])
            : (0, stem);
    }

    private static CiJobLog[] ToJobs(SortedDictionary<string, List<CiStepLog>> jobs, Dictionary<string, CiLogAnalysis> wholeLogs)
        => jobs.Select(pair => new CiJobLog(pair.Key, pair.Value.OrderBy(static s => s.Number).ToArray(), wholeLogs.GetValueOrDefault(pair.Key))).ToArray();
}
