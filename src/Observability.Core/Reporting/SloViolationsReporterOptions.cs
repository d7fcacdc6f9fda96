using Observability.Internal;

namespace Observability;

/// <summary>Options of the <see cref="SloViolationsReporter"/>.</summary>
public sealed class SloViolationsReporterOptions : IReporterOptions
{
    /// <summary>The name of the reporter registered without one.</summary>
    public const string DefaultName = "slo_violations";

    /// <summary>The files' default name, without extension.</summary>
    public const string DefaultFileName = "slo_violations";

    /// <summary>
    /// Gets or sets the file name of both files, without extension. Default: <see langword="null"/>, <c>slo_violations</c>;
    /// a reporter registered with a name of its own defaults to <c>slo_violations-{name}</c>, so two never overwrite each other.
    /// </summary>
    public string? FileName { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>{FileName}.json</c> is written. Default: <see langword="true"/>.</summary>
    public bool WriteJson { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether <c>{FileName}.md</c> is written. Default: <see langword="true"/>.</summary>
    public bool WriteMarkdown { get; set; } = true;
}
