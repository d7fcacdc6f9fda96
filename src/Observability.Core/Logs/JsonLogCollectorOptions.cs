namespace Observability;

/// <summary>Options of the <see cref="JsonLogCollector"/>.</summary>
public sealed class JsonLogCollectorOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "jsonlog";

    /// <summary>
    /// Gets or sets the JSON lines log file, or a folder whose files matching <see cref="SearchPattern"/> are read.
    /// Required. It need not exist at start-up: a missing path gives a failed result at collection time.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets the file name pattern used when <see cref="Path"/> is a folder. Default: <c>*.jsonl</c>.</summary>
    public string SearchPattern { get; set; } = "*.jsonl";

    /// <summary>
    /// Gets or sets the length of the time buckets, each one snapshot; buckets start at the window's start.
    /// Default: 1 minute (enough requests per bucket for a p99, and fine enough for a canary). Range: 1 s to 1 day.
    /// </summary>
    public TimeSpan Bucket { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the service whose lines are kept (compared without regard to case). Default: <see langword="null"/>,
    /// every line.
    /// </summary>
    public string? Service { get; set; }

    /// <summary>Gets or sets the source put on the snapshots. Default (<see langword="null"/> or blank): the collector's name.</summary>
    public string? Source { get; set; }

    /// <summary>Gets or sets the longest line read, in bytes. Default: <see cref="StructuredLogOptions.DefaultMaxLineLength"/>.</summary>
    public int MaxLineLength { get; set; } = StructuredLogOptions.DefaultMaxLineLength;
}
