namespace Observability;

/// <summary>The overall result of a canary analysis.</summary>
internal enum CanaryOutcome
{
    /// <summary>The score reached the pass threshold and no critical metric failed.</summary>
    Pass = 0,

    /// <summary>The score reached the marginal threshold but not the pass threshold: a person should look.</summary>
    Marginal = 1,

    /// <summary>The score fell below the marginal threshold, or a critical metric failed.</summary>
    Fail = 2,

    /// <summary>No metric had enough data to be judged: the analysis cannot say pass or fail.</summary>
    NoData = 3,
}
