namespace Observability;

/// <summary>
/// Counts the log lines that match a pattern into a metric, for example
/// <c>{ Metric = "approval_conflict", Pattern = "approval .* conflict" }</c>. Bindable from configuration.
/// </summary>
public sealed class CiLogRule
{
    /// <summary>Gets or sets the metric the matches are counted into. Required.</summary>
    public string? Metric { get; set; }

    /// <summary>
    /// Gets or sets the .NET regular expression matched against each line's text (timestamp and ANSI codes removed),
    /// case-insensitive, with a 100 ms timeout per line. Required.
    /// </summary>
    public string? Pattern { get; set; }
}
