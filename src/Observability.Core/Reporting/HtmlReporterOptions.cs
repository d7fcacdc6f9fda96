namespace Observability;

/// <summary>Options of the <see cref="HtmlReporter"/>.</summary>
public sealed class HtmlReporterOptions
{
    /// <summary>The name of the reporter registered without one.</summary>
    public const string DefaultName = "html";

    /// <summary>Gets or sets the page's file name, without extension. Default: <c>dashboard</c>.</summary>
    public string FileName { get; set; } = "dashboard";
}
