namespace Observability;

/// <summary>
/// A notification about a condition. Alerts are redacted and fingerprinted by the pipeline
/// before any sink sees them; <see cref="ToString"/> never prints labels or context.
/// </summary>
public sealed record Alert
{
    /// <summary>Gets the identity of the rule or condition that fired, for example <c>error_rate_critical</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>Gets the severity.</summary>
    public required AlertSeverity Severity { get; init; }

    /// <summary>Gets the one-line title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the message: what was measured against what.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Gets the most likely root cause, when known.</summary>
    public string? RootCause { get; init; }

    /// <summary>Gets the trace id of the monitoring pass or execution that raised the alert.</summary>
    public string? TraceId { get; init; }

    /// <summary>Gets links for the reader (CI run, dashboard, runbook).</summary>
    public IReadOnlyList<AlertLink> Links { get; init; } = [];

    /// <summary>Gets labels that identify and route the alert (service, environment, region...).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyLabels;

    /// <summary>
    /// Gets structured context (values may be nested dictionaries and lists). Keys that name
    /// secrets are redacted before delivery.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Context { get; init; } = EmptyContext;

    /// <summary>Gets the component that raised the alert.</summary>
    public string Source { get; init; } = "observability";

    /// <summary>Gets the fingerprint that identifies the condition across passes; set by the pipeline.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Gets when the condition was observed.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets whether the condition holds (the default) or has cleared.</summary>
    public AlertStatus Status { get; init; } = AlertStatus.Firing;

    /// <summary>Gets when the condition cleared; set on <see cref="AlertStatus.Resolved"/> alerts.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    private static IReadOnlyDictionary<string, string> EmptyLabels { get; } = new Dictionary<string, string>(0, StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, object?> EmptyContext { get; } = new Dictionary<string, object?>(0, StringComparer.Ordinal);

    /// <summary>Returns the severity, title, rule and fingerprint; never labels, context or message.</summary>
    /// <returns>A short description.</returns>
    public override string ToString()
    {
        var state = Status == AlertStatus.Resolved ? "resolved " : string.Empty;
        return Fingerprint is null
            ? $"[{state}{Severity}] {Title} ({Rule})"
            : $"[{state}{Severity}] {Title} ({Rule}, {Fingerprint[..Math.Min(8, Fingerprint.Length)]})";
    }
}
