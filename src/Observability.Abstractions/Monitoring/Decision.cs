namespace Observability;

/// <summary>What to do with the release.</summary>
public enum Decision
{
    /// <summary>The release is healthy: carry on with the rollout.</summary>
    Proceed = 0,

    /// <summary>Something needs a look: pause the rollout.</summary>
    Hold = 1,

    /// <summary>The release is harmful: roll it back.</summary>
    Rollback = 2,

    /// <summary>
    /// No usable data: the sources failed or went quiet. A collection failure is never
    /// grounds for a rollback, so it is a verdict of its own.
    /// </summary>
    NoData = 3,
}
