namespace Observability;

/// <summary>Options of the <see cref="FileCollector"/>.</summary>
public sealed class FileCollectorOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "file";

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
}
