using System.Globalization;
using System.Text.RegularExpressions;

namespace Observability.Internal;

/// <summary>The fixed patterns of the GitHub Actions log format, source-generated, each with a timeout.</summary>
internal static partial class CiLogPatterns
{
    public const int TimeoutMilliseconds = 100;

    /// <summary>Splits <c>2024-07-08T16:48:09.3750041Z text</c> into its timestamp and text.</summary>
    public static bool TrySplitTimestamp(string line, out DateTimeOffset timestamp, out string text)
    {
        // The timestamp is 20 to 28 characters: yyyy-MM-ddTHH:mm:ss[.fffffff]Z, then one space or the end of the line.
        timestamp = default;
        text = line;
        if (line.Length < 20 || line[4] != '-' || line[7] != '-' || line[10] != 'T' || !char.IsAsciiDigit(line[0]))
        {
            return false;
        }

        var z = line.IndexOf('Z', 19);
        if (z < 0 || z > 28 || !DateTimeOffset.TryParse(line.AsSpan(0, z + 1), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp))
        {
            return false;
        }

        if (z + 1 == line.Length)
        {
            text = string.Empty;
            return true;
        }

        if (line[z + 1] != ' ')
        {
            timestamp = default;
            return false;
        }

        text = line[(z + 2)..];
        return true;
    }

    /// <summary>Removes ANSI escape sequences (colours, cursor moves).</summary>
    public static string StripAnsi(string text)
        => text.Contains('\u001b', StringComparison.Ordinal) ? Ansi().Replace(text, string.Empty) : text;

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Ansi();

    /// <summary>Matches a workflow command written in the log as <c>::error file=a.cs,line=3::message</c>.</summary>
    [GeneratedRegex(@"^::(?<level>error|warning)(?:\s[^:]*)?::(?<message>.*)$", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex WorkflowCommand();

    /// <summary>The job (or one action) hit its time limit.</summary>
    [GeneratedRegex(@"has timed out after \d+ minutes|exceeded the maximum execution time", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    public static partial Regex TimedOut();

    /// <summary>The run was cancelled or its runner shut down.</summary>
    [GeneratedRegex(@"^(?:The operation was canceled\.|The runner has received a shutdown signal|A task was canceled\.)", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex Cancelled();

    /// <summary>A step ended with a non-zero exit code.</summary>
    [GeneratedRegex(@"^Process completed with exit code (?<code>\d+)", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    public static partial Regex ExitCode();
}
