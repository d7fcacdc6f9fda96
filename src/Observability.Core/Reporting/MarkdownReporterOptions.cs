using Observability.Internal;

namespace Observability;

/// <summary>Options of the <see cref="MarkdownReporter"/>.</summary>
public sealed class MarkdownReporterOptions : IReporterOptions
{
    /// <summary>The name of the reporter registered without one.</summary>
    public const string DefaultName = "markdown";

    /// <summary>
    /// Gets or sets the file name, without extension. Default: <see langword="null"/>, the report's own
    /// <see cref="ReportingOptions.FileName"/> (<c>health-report.md</c>); a reporter registered with a name of its own
    /// defaults to <c>health-report-{name}</c>, so two never overwrite each other.
    /// </summary>
    public string? FileName { get; set; }
}
