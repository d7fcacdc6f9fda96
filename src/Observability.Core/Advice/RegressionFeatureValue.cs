namespace Observability;

/// <summary>One named feature of a <see cref="RegressionFeatures"/> vector, as a model reads it.</summary>
/// <param name="Name">The feature's stable snake_case name, for example <c>latency_delta_percent</c>.</param>
/// <param name="Value">The value as a number (flags are 1 or 0, the deployment age is in hours); <see langword="null"/> when not measured.</param>
public readonly record struct RegressionFeatureValue(string Name, double? Value);
