using Observability.Internal;

namespace Observability;

/// <summary>Options of the <see cref="HtmlReporter"/>.</summary>
public sealed class HtmlReporterOptions : IReporterOptions
{
    /// <summary>The name of the reporter registered without one.</summary>
    public const string DefaultName = "html";

    /// <summary>The page's default file name, without extension.</summary>
    public const string DefaultFileName = "dashboard";

    /// <summary>
    /// Gets or sets the page's file name, without extension. Default: <c>dashboard</c>; a reporter registered with a name
    /// of its own and left with the default writes <c>dashboard-{name}</c>, so two never overwrite each other.
    /// </summary>
    public string FileName { get; set; } = DefaultFileName;
}
