using Observability.Internal;

namespace Observability;

/// <summary>Options of the <see cref="PdfReporter"/>.</summary>
public sealed class PdfReporterOptions : IReporterOptions
{
    /// <summary>The name of the reporter registered without one.</summary>
    public const string DefaultName = "pdf";

    /// <summary>
    /// Gets or sets the file name, without extension. Default: <see langword="null"/>, the report's own
    /// <see cref="ReportingOptions.FileName"/> (<c>health-report.pdf</c>); a reporter registered with a name of its own
    /// defaults to <c>health-report-{name}</c>, so two never overwrite each other.
    /// </summary>
    public string? FileName { get; set; }

    /// <summary>Gets or sets a value indicating whether the dashboard's charts are drawn. Default: <see langword="true"/>.</summary>
    public bool IncludeCharts { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the operational report's sections follow the health report. Default: <see langword="true"/>.</summary>
    public bool IncludeOperationalReport { get; set; } = true;
}
