namespace Observability;

/// <summary>Where and how the reports of a pass are written.</summary>
public sealed class ReportingOptions
{
    /// <summary>Gets or sets the folder reports are written to; created when missing. Default: <see langword="null"/> (no files).</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>Gets or sets the file name (without extension) of the reports. Default: <c>health-report</c>.</summary>
    public string FileName { get; set; } = "health-report";
}
