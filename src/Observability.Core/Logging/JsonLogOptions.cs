namespace Observability;

/// <summary>Options of the structured JSON log output (<see cref="JsonLoggerProvider"/>).</summary>
public sealed class JsonLogOptions
{
    /// <summary>Gets or sets the <c>service</c> field of every line. Default: the entry assembly's name.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Gets or sets a value indicating whether the values of the active logging scopes become fields. Default: <see langword="true"/>.</summary>
    public bool IncludeScopes { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether <c>AddObservabilityJsonConsole</c> writes to standard error instead of
    /// standard output (command-line tools keep stdout for their result). Default: <see langword="false"/>.
    /// </summary>
    public bool UseStandardError { get; set; }
}
