namespace Observability;

/// <summary>Options of the <see cref="FileCollector"/>.</summary>
public sealed class FileCollectorOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "file";

    /// <summary>The default <see cref="MaxSnapshots"/>: 100,000, ten weeks of one snapshot a minute.</summary>
    public const int DefaultMaxSnapshots = 100_000;

    internal const int LargestMaxSnapshots = 10_000_000;

    /// <summary>
    /// Gets or sets the path of the snapshot file. Required. The file need not exist at start-up:
    /// a file missing at collection time gives a failed result.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets the layout of the file. Default: <see cref="SnapshotFileFormat.Auto"/>.</summary>
    public SnapshotFileFormat Format { get; set; } = SnapshotFileFormat.Auto;

    /// <summary>
    /// Gets or sets the source put on snapshots whose line names none. Default (<see langword="null"/> or blank):
    /// the collector's name.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>
    /// Gets or sets the longest line read, in bytes, without its line ending. A longer line is skipped as it is read,
    /// never held whole, and reported with its line number. Default: <see cref="StructuredLogOptions.DefaultMaxLineLength"/>
    /// (1 MiB). Range: 16 to <see cref="StructuredLogOptions.LargestMaxLineLength"/>.
    /// </summary>
    public int MaxLineLength { get; set; } = StructuredLogOptions.DefaultMaxLineLength;

    /// <summary>
    /// Gets or sets the most snapshots one collection keeps, so memory stays bounded whatever the file's size: the newest
    /// of the window are kept and the result reports how many older ones were cut, and from when to when.
    /// Default: <see cref="DefaultMaxSnapshots"/>. Range: 1 to 10,000,000.
    /// </summary>
    public int MaxSnapshots { get; set; } = DefaultMaxSnapshots;
}
