namespace Observability;

/// <summary>
/// Options of the monitoring pass. Bind them from configuration (section <c>Observability</c>
/// by convention) or set them in <c>AddObservability(o => ...)</c>. Validated at start-up.
/// </summary>
public sealed class ObservabilityOptions
{
    /// <summary>Gets or sets the service being monitored. Required.</summary>
    public string ServiceName { get; set; } = string.Empty;

    /// <summary>Gets or sets the environment (for example <c>production</c>); optional, shown in reports and alert labels.</summary>
    public string? Environment { get; set; }

    /// <summary>Gets or sets how far back a pass collects. Default: 24 hours.</summary>
    public TimeSpan LookbackWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets the newest part of the look-back window that the verdict and health score
    /// judge; the rest is the baseline for stability and drift. Default: 2 hours.
    /// </summary>
    public TimeSpan EvaluationWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Gets the baseline levels by metric name (for example the GA day's <c>latency_p95_ms</c>) that
    /// drift is measured against, in the stability score and the daily summaries. Values must be
    /// finite and above 0. Empty by default: drift is then not measured (shown as n/a).
    /// </summary>
    public IDictionary<string, double> Baseline { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets a baseline file (a JSON object of metric name to value, as the stability monitor
    /// reads it); its values are added to <see cref="Baseline"/>, replacing those of the same name.
    /// Read and checked at start-up. Default: none.
    /// </summary>
    public string? BaselineFile { get; set; }

    /// <summary>Gets the thresholds of the verdict and scores.</summary>
    public ThresholdOptions Thresholds { get; } = new();

    /// <summary>Gets the alerting options. Alerts are off unless <see cref="AlertingOptions.Enabled"/>.</summary>
    public AlertingOptions Alerts { get; } = new();

    /// <summary>Gets the reporting options. Reports are written only when an output directory is set.</summary>
    public ReportingOptions Reports { get; } = new();

    /// <summary>Gets the secret redaction options applied to every alert.</summary>
    public RedactionOptions Redaction { get; } = new();

    /// <summary>Gets the emergency rollback: its action, timeout, audit folder and whether it runs automatically.</summary>
    public RollbackOptions Rollback { get; } = new();

    /// <summary>Gets the trace store's bounds and the debug-last switch (off by default).</summary>
    public TraceOptions Traces { get; } = new();
}
