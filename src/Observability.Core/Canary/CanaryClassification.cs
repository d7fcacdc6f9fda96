namespace Observability;

/// <summary>
/// What the comparison of one metric found, regardless of <see cref="CanaryDirection"/>:
/// whether that counts against the canary is <see cref="CanaryMetricResult.Passed"/>.
/// </summary>
internal enum CanaryClassification
{
    /// <summary>No significant difference, or one within the effect-size tolerance.</summary>
    Pass = 0,

    /// <summary>The canary is significantly higher, by more than the allowed increase.</summary>
    High = 1,

    /// <summary>The canary is significantly lower, by more than the allowed decrease.</summary>
    Low = 2,

    /// <summary>Too few usable samples on a side to judge; not scored unless <see cref="CanaryMetricConfig.MustHaveData"/>.</summary>
    NoData = 3,
}
