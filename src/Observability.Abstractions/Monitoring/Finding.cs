namespace Observability;

/// <summary>One thing a pass found: a rule, what was measured against what, and how bad.</summary>
/// <param name="Rule">The rule's identity, for example <c>error_rate_critical</c>.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Message">A sentence a person can read.</param>
public sealed record Finding(string Rule, AlertSeverity Severity, string Message)
{
    /// <summary>Gets the metric the rule looked at, when there is one.</summary>
    public string? Metric { get; init; }

    /// <summary>Gets the observed value, when there is one.</summary>
    public double? Observed { get; init; }

    /// <summary>Gets the snapshot time the finding points at (an anomaly's strongest snapshot, a change point), when it points at one.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Gets the threshold it was compared with, when there is one.</summary>
    public double? Threshold { get; init; }
}
