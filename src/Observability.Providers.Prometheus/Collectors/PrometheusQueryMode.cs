namespace Observability;

/// <summary>How a <see cref="PrometheusCollector"/> asks Prometheus for the window.</summary>
public enum PrometheusQueryMode
{
    /// <summary>
    /// A range query (<c>/api/v1/query_range</c>): one snapshot per step, stamped with the start of the step it covers;
    /// <c>{window}</c> and <c>{step}</c> are the step.
    /// </summary>
    Range = 0,

    /// <summary>
    /// An instant query (<c>/api/v1/query</c>) at the window's end: one snapshot for the whole window, stamped with its start;
    /// <c>{window}</c> and <c>{step}</c> are the window's length.
    /// </summary>
    Instant = 1,
}
