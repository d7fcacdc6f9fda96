using Observability.Internal;

namespace Observability;

/// <summary>Options of the <see cref="OperationalReporter"/>.</summary>
public sealed class OperationalReporterOptions : IReporterOptions
{
    /// <summary>The name of the reporter registered without one.</summary>
    public const string DefaultName = "operational";

    /// <summary>
    /// Gets or sets the file name, without extension. Default: <c>operational_report</c>; a reporter registered with a
    /// name of its own defaults to <c>operational_report-{name}</c>, so two never overwrite each other.
    /// </summary>
    public string? FileName { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>{FileName}.json</c> is written. Default: <see langword="true"/>.</summary>
    public bool WriteJson { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether <c>{FileName}.md</c> is written. Default: <see langword="true"/>.</summary>
    public bool WriteMarkdown { get; set; } = true;
}
