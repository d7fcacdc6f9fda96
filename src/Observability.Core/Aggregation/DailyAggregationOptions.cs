namespace Observability;

/// <summary>
/// Settings of <see cref="DailyAggregator"/>: the one set of thresholds (the same
/// <see cref="ThresholdOptions"/> the monitoring pass uses), how often a snapshot is expected, and the
/// baseline levels drift is measured against.
/// </summary>
public sealed class DailyAggregationOptions
{
    /// <summary>Gets the thresholds: SLO targets, error-rate thresholds, the degraded-day compliance and the drift limit. Set them, or copy the pass's with <see cref="From(ObservabilityOptions, TimeSpan)"/>.</summary>
    public ThresholdOptions Thresholds { get; init; } = new();

    /// <summary>
    /// Gets or sets how often a snapshot is expected; a day expects 24 h / interval of them (rounded up),
    /// one per slot of this length from the day's start. Between 1 second and 1 day. Default: 30 minutes
    /// (the 7-day monitor's interval).
    /// </summary>
    public TimeSpan ExpectedInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Gets the baseline levels by metric name (for example from a baseline file) that drift is measured
    /// against: drift % = |the day's mean - baseline| / baseline x 100. Each value must be finite and above 0.
    /// Empty by default: no drift is measured (n/a), and the stability score leaves drift out.
    /// </summary>
    public IDictionary<string, double> Baseline { get; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Creates settings that judge with a pass's options: its thresholds (the same instance) and its baseline levels.</summary>
    /// <param name="options">The pass's options.</param>
    /// <param name="expectedInterval">How often a snapshot is expected.</param>
    /// <returns>The settings.</returns>
    public static DailyAggregationOptions From(ObservabilityOptions options, TimeSpan expectedInterval)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new DailyAggregationOptions { Thresholds = options.Thresholds, ExpectedInterval = expectedInterval };
        foreach (var (metric, value) in Internal.BaselineLevels.From(options))
        {
            settings.Baseline[metric] = value;
        }

        return settings;
    }
}
