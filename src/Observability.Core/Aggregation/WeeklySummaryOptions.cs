namespace Observability;

/// <summary>
/// Settings of <see cref="WeeklySummarizer"/>: the one set of thresholds (the same
/// <see cref="ThresholdOptions"/> the pass and the daily aggregation use) whose weekly rules recommend a
/// rollback (average availability below <see cref="ThresholdOptions.AvailabilityTarget"/>, average drift
/// above <see cref="ThresholdOptions.DriftLimitPercent"/>, <see cref="ThresholdOptions.DegradedDaysLimit"/>
/// or more degraded days, more than <see cref="ThresholdOptions.CriticalAlertLimit"/> critical alerts) and
/// whose <see cref="ThresholdOptions.Trends"/> bands judge the trends.
/// </summary>
public sealed class WeeklySummaryOptions
{
    /// <summary>Gets the thresholds. Set them, or share the pass's with <see cref="From(ThresholdOptions)"/>.</summary>
    public ThresholdOptions Thresholds { get; init; } = new();

    /// <summary>Gets or sets when the baseline the drift is measured against was taken (the GA day), shown in the summary; optional.</summary>
    public DateTimeOffset? BaselineTimestamp { get; set; }

    /// <summary>Creates settings that judge with the given thresholds (the same instance, not a copy).</summary>
    /// <param name="thresholds">The thresholds, for example <c>ObservabilityOptions.Thresholds</c>.</param>
    /// <returns>The settings.</returns>
    public static WeeklySummaryOptions From(ThresholdOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new WeeklySummaryOptions { Thresholds = thresholds };
    }

    /// <summary>Gets or sets the service the period is about, copied to <see cref="WeeklySummary.ServiceName"/> for the reports. Optional.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Gets or sets the version being watched (for example <c>v1.0.1</c>), copied to <see cref="WeeklySummary.Version"/> for the reports. Optional.</summary>
    public string? Version { get; set; }
}
