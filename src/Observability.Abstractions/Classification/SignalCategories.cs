namespace Observability;

/// <summary>The categories the built-in snapshot classifier assigns.</summary>
public static class SignalCategories
{
    /// <summary>The snapshot is usable and within every threshold.</summary>
    public const string Healthy = "healthy";

    /// <summary>The snapshot is usable and breaches at least one threshold: real degradation.</summary>
    public const string Degraded = "degraded";

    /// <summary>
    /// The source went quiet: every metric is zero or absent while nothing reports an error.
    /// A collection failure, not an outage; it never triggers a rollback.
    /// </summary>
    public const string CollectEmptySource = "collect_empty_source";

    /// <summary>The source could not be read.</summary>
    public const string CollectFailed = "collect_failed";
}
