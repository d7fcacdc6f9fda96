namespace Observability.Eval.Nab;

/// <summary>One NAB application profile: the weights of a true positive, a false positive and a false negative.</summary>
/// <param name="Name">The profile's name as NAB spells it (for example <c>standard</c>).</param>
/// <param name="TruePositiveWeight">A_TP: what the earliest detection of a window earns.</param>
/// <param name="FalsePositiveWeight">A_FP: what a detection outside every window costs at most.</param>
/// <param name="FalseNegativeWeight">A_FN: what a window without a detection costs.</param>
internal sealed record NabProfile(string Name, double TruePositiveWeight, double FalsePositiveWeight, double FalseNegativeWeight)
{
    /// <summary>Gets NAB v1.1's three profiles (config/profiles.json): standard, reward_low_FP_rate, reward_low_FN_rate.</summary>
    public static IReadOnlyList<NabProfile> Defaults { get; } =
    [
        new("standard", 1.0, 0.11, 1.0),
        new("reward_low_FP_rate", 1.0, 0.22, 1.0),
        new("reward_low_FN_rate", 1.0, 0.11, 2.0),
    ];
}
