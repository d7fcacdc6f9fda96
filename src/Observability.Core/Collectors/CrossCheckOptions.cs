namespace Observability;

/// <summary>Options of the <see cref="CrossCheckedCollector"/>.</summary>
public sealed class CrossCheckOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether the next source with data is asked too, to cross-check the one used.
    /// Default: <see langword="true"/>. When <see langword="false"/> the collector is a plain fallback chain.
    /// </summary>
    public bool CrossCheck { get; set; } = true;

    /// <summary>Gets or sets the tolerance of a metric without its own entry in <see cref="Metrics"/>. Default: 5 % relative, 0 absolute.</summary>
    public MetricTolerance DefaultTolerance { get; set; } = new(0.05);

    /// <summary>Gets the tolerance of each metric by name, for example <c>availability</c> with an absolute 0.001.</summary>
    public IDictionary<string, MetricTolerance> Metrics { get; } = new Dictionary<string, MetricTolerance>(StringComparer.Ordinal);

    /// <summary>Gets the tolerance that applies to a metric.</summary>
    /// <param name="metric">The metric name.</param>
    /// <returns>Its own tolerance, or <see cref="DefaultTolerance"/>.</returns>
    public MetricTolerance ToleranceOf(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Metrics.TryGetValue(metric, out var tolerance) ? tolerance : DefaultTolerance;
    }
}
