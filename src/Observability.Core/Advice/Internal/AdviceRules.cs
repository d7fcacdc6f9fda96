namespace Observability.Internal;

/// <summary>The rule names of the rollback advisor and the cost anomaly detector; they are the findings' rule identities.</summary>
internal static class AdviceRules
{
    /// <summary>Error rate above the maximum with more than the minimum number of jobs: trips the breaker.</summary>
    public const string ErrorRate = "rollback_error_rate";

    /// <summary>Error rate above the maximum, but too few jobs to judge it: information only.</summary>
    public const string ErrorRateLowVolume = "rollback_error_rate_low_volume";

    /// <summary>Health below the critical score for the whole sustain period: trips the breaker.</summary>
    public const string HealthSustained = "rollback_health_sustained";

    /// <summary>Health below the critical score, not yet for the whole sustain period: holds.</summary>
    public const string HealthPending = "rollback_health_pending";

    /// <summary>Processor connectivity failures at or above the threshold: trips the breaker.</summary>
    public const string ProcessorConnectivity = "rollback_processor_connectivity";

    /// <summary>Some processor connectivity failures, fewer than the threshold: holds.</summary>
    public const string ProcessorConnectivityPending = "rollback_processor_connectivity_pending";

    /// <summary>Queue backlog above its threshold: trips the breaker.</summary>
    public const string QueueBacklog = "rollback_queue_backlog";

    /// <summary>The observation carries no data: its own verdict, never a rollback.</summary>
    public const string NoData = "rollback_no_data";

    /// <summary>Cost variance above the warning percentage.</summary>
    public const string CostVarianceWarning = "cost_variance_warning";

    /// <summary>Cost variance above the critical percentage.</summary>
    public const string CostVarianceCritical = "cost_variance_critical";
}
