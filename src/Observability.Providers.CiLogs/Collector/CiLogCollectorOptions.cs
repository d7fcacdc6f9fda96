namespace Observability;

/// <summary>Options of the <see cref="CiLogCollector"/>. Bindable from configuration.</summary>
public sealed class CiLogCollectorOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "ci-logs";

    /// <summary>The include patterns used when <see cref="IncludePatterns"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultIncludePatterns = ["*.log", "*.txt", "*.zip", "*.trx", "*.xml"];

    /// <summary>
    /// Gets or sets the file or folder to read. Required. A folder is searched with <see cref="IncludePatterns"/>
    /// (and its sub-folders when <see cref="Recursive"/>); a missing path at collection time gives a failed result.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Gets the counting rules (metric and pattern) applied to every log line. Default: none.</summary>
    public IList<CiLogRule> Rules { get; } = [];

    /// <summary>
    /// Gets the file name patterns (<c>*</c> and <c>?</c>) of a folder that are read. Default (empty):
    /// <see cref="DefaultIncludePatterns"/>. <c>.zip</c> files are run-logs archives, <c>.trx</c> and <c>.xml</c> test
    /// results, anything else a log.
    /// </summary>
    public IList<string> IncludePatterns { get; } = [];

    /// <summary>Gets or sets a value indicating whether sub-folders are searched. Default: <see langword="true"/>.</summary>
    public bool Recursive { get; set; } = true;

    /// <summary>Gets or sets the longest log line kept, in characters; longer lines are cut. Default: 65 536.</summary>
    public int MaxLineLength { get; set; } = CiLogParser.DefaultMaxLineLength;

    /// <summary>Gets or sets the source put on snapshots. Default (<see langword="null"/> or blank): the collector's name.</summary>
    public string? Source { get; set; }
}
