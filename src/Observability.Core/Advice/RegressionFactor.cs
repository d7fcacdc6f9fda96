namespace Observability;

/// <summary>One feature that moved a <see cref="RegressionClassification"/>, with its weight and why.</summary>
/// <param name="Name">The feature or derived rule, for example <c>cpu_delta_percent</c> or <c>cpu_normal_while_dependencies_slow</c>.</param>
/// <param name="Value">The measured value the rule looked at, in the feature's unit; <see langword="null"/> when the rule has none.</param>
/// <param name="Weight">The points it added to the class it supports (a symptom counts 1 towards "something regressed").</param>
/// <param name="Evidence">What was seen against which tolerance, for a person.</param>
public sealed record RegressionFactor(string Name, double? Value, double Weight, string Evidence)
{
    /// <summary>
    /// Gets the class the factor argues for; <see langword="null"/> for a symptom (latency, errors,
    /// throughput, queue), which shows that something regressed but not what.
    /// </summary>
    public RegressionKind? Supports { get; init; }
}
