namespace Observability;

/// <summary>Options of the <see cref="StabilityMonitor"/>: how long, how often, where to write and what to compare with.</summary>
public sealed class StabilityMonitorOptions
{
    /// <summary>Gets or sets how long the monitor runs. Default: 168 hours (7 days).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(168);

    /// <summary>Gets or sets the time between two snapshots; between 1 second and 1 day, at most <see cref="Duration"/>. Default: 30 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets or sets the folder the raw snapshots (<c>day_01_raw/snapshot_2025-11-22_00-00-00.json</c>), the daily
    /// summaries (<c>day_01_summary.json</c>) and the weekly summary (<c>weekly_summary.json</c>, <c>.md</c>) go to. Required.
    /// </summary>
    public string? OutputDirectory { get; set; }

    /// <summary>
    /// Gets or sets the path of a baseline file (a JSON object of metric name to value, each above 0) that the drift of
    /// every metric is measured against. Optional: without it no drift is measured.
    /// </summary>
    public string? BaselinePath { get; set; }

    /// <summary>The service name used when none is set.</summary>
    public const string DefaultServiceName = "service";

    /// <summary>
    /// Gets or sets the service the monitor watches, for alert labels and the summaries. Default: <c>service</c>;
    /// registered with <c>AddObservability</c>, the default becomes <c>Observability:ServiceName</c>.
    /// </summary>
    public string ServiceName { get; set; } = DefaultServiceName;

    /// <summary>
    /// Gets or sets the thresholds every tick, day and the week are judged with: the same
    /// <see cref="ThresholdOptions"/> as the monitoring pass (registered with <c>AddObservability</c>, the
    /// monitor uses <c>Observability:Thresholds</c>). <see cref="ThresholdOptions.PersistentGapSnapshots"/>
    /// empty snapshots in a row make a persistent gap.
    /// </summary>
    public ThresholdOptions Thresholds { get; set; } = new();
}
