namespace Observability;

/// <summary>A named PromQL query of a <see cref="PrometheusCollector"/> and the snapshot metric it fills.</summary>
public sealed class PrometheusQuery
{
    /// <summary>
    /// Gets or sets the PromQL expression. Required. It may hold the placeholders <c>{service}</c> (the service, escaped for a
    /// PromQL string), <c>{service_label}</c>, <c>{window}</c> (the rate window) and <c>{step}</c> (the step), the last two as
    /// PromQL durations such as <c>300s</c>. It must return one series (aggregate with <c>sum</c>) or a scalar.
    /// </summary>
    public string? Expression { get; set; }

    /// <summary>
    /// Gets or sets the snapshot metric the query fills, for example <see cref="WellKnownMetrics.ErrorRate"/>.
    /// Default (<see langword="null"/> or blank): the query's name.
    /// </summary>
    public string? Metric { get; set; }
}
