namespace Observability;

/// <summary>Which change of a metric counts against the canary.</summary>
internal enum CanaryDirection
{
    /// <summary>A significant change either way fails the metric (the default).</summary>
    Either = 0,

    /// <summary>Only an increase is bad (latency, error rate): a significant decrease is reported as <see cref="CanaryClassification.Low"/> but passes.</summary>
    Increase = 1,

    /// <summary>Only a decrease is bad (throughput, success rate): a significant increase is reported as <see cref="CanaryClassification.High"/> but passes.</summary>
    Decrease = 2,
}
