using Observability.Internal;

namespace Observability;

/// <summary>Options of the <see cref="SnapshotCsvReporter"/>.</summary>
public sealed class SnapshotCsvReporterOptions : IReporterOptions
{
    /// <summary>The name of the reporter registered without one.</summary>
    public const string DefaultName = "csv";

    /// <summary>The file's default name, without extension.</summary>
    public const string DefaultFileName = "snapshots";

    /// <summary>
    /// Gets or sets the file name, without extension. Default: <see langword="null"/>, <c>snapshots</c>; a reporter
    /// registered with a name of its own defaults to <c>snapshots-{name}</c>, so two never overwrite each other.
    /// </summary>
    public string? FileName { get; set; }
}
