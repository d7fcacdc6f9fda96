using System.IO.Compression;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// The little this collector needs from GitHub Actions logs: the step files of a run's log archive and the lines
/// marked <c>##[error]</c>. The CiLogs package holds the full parser.
/// </summary>
internal static class ActionsLogReader
{
    public const string ErrorMarker = "##[error]";

    /// <summary>Reads a run's log archive (one folder per job, one <c>N_step.txt</c> per step).</summary>
    /// <exception cref="InvalidDataException">The archive is truncated or not a ZIP.</exception>
    public static RunLogCounts ReadRunArchive(byte[] zip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        var files = 0;
        var errors = 0;
        foreach (var entry in archive.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsStepLog(entry.FullName))
            {
                continue;
            }

            files++;
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            errors += CountErrorLines(reader);
        }

        return new RunLogCounts(files, errors);
    }

    /// <summary>Counts the lines of a job's plain-text log that carry the <c>##[error]</c> marker.</summary>
    public static int CountErrorLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return CountErrorLines(reader);
    }

    /// <summary>Tells whether an archive entry is a step log: a <c>.txt</c> file, not macOS metadata.</summary>
    internal static bool IsStepLog(string fullName)
        => fullName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
           && !fullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
           && !Path.GetFileName(fullName).StartsWith("._", StringComparison.Ordinal);

    private static int CountErrorLines(TextReader reader)
    {
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            // A runner line is "<timestamp> ##[error]message"; the marker may also start the line.
            if (line.Contains(ErrorMarker, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>What a run's log archive holds: its step log files and their <c>##[error]</c> lines.</summary>
internal sealed record RunLogCounts(int Files, int ErrorLines);
