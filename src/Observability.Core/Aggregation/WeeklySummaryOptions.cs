namespace Observability;

/// <summary>The rollback rules and trend bands of <see cref="WeeklySummarizer"/>. Ratios are fractions in [0, 1].</summary>
public sealed class WeeklySummaryOptions
{
    /// <summary>Gets or sets the availability the period must average; below it, a rollback is recommended (exactly at it is not below). Default: 0.999 (99.9 %).</summary>
    public double AvailabilityTarget { get; set; } = 0.999;

    /// <summary>Gets or sets the average drift from the baseline, in percent, above which a rollback is recommended (exactly at it is not above). Default: 15.</summary>
    public double DriftLimitPercent { get; set; } = 15;

    /// <summary>Gets or sets how many degraded days recommend a rollback (this many or more). Default: 2.</summary>
    public int DegradedDaysLimit { get; set; } = 2;

    /// <summary>Gets or sets how many critical alerts the period may have; more recommend a rollback. Default: 5.</summary>
    public int CriticalAlertLimit { get; set; } = 5;

    /// <summary>
    /// Gets or sets when the baseline that drift is measured against was taken (for example the end of the
    /// release-day window the baseline file was built from), copied to <see cref="WeeklySummary.BaselineTimestamp"/>
    /// for the reports. Optional: default <see langword="null"/> (written as <c>null</c> and <c>n/a</c>).
    /// </summary>
    public DateTimeOffset? BaselineTimestamp { get; set; }

    /// <summary>Gets or sets the service the period is about, copied to <see cref="WeeklySummary.ServiceName"/> for the reports. Optional.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Gets or sets the version being watched (for example <c>v1.0.1</c>), copied to <see cref="WeeklySummary.Version"/> for the reports. Optional.</summary>
    public string? Version { get; set; }

    /// <summary>Gets the bands of the period-over-period and half comparisons.</summary>
    public TrendOptions Trends { get; } = new();
}
