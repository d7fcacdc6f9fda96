namespace Observability;

/// <content>The features as a named vector, for models and reports.</content>
public sealed partial record RegressionFeatures
{
    /// <summary>
    /// Gets the snake_case names of the features, in the order <see cref="ToVector"/> returns them.
    /// The order is part of the contract: a model trained on it keeps working.
    /// </summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "latency_delta_percent",
        "error_rate_delta",
        "throughput_delta_percent",
        "queue_depth_delta_percent",
        "queue_wait_delta_ms",
        "error_spike",
        "cpu_delta_percent",
        "memory_delta_percent",
        "disk_io_delta_percent",
        "gc_pause_delta_percent",
        "external_api_latency_delta_percent",
        "database_latency_delta_percent",
        "timeout_rate_delta",
        "retry_rate_delta",
        "network_error_rate_delta",
        "cache_hit_rate_delta",
        "deployment_age_hours",
        "config_changed",
        "dependency_changed",
        "infrastructure_changed",
    ];

    /// <summary>
    /// Returns the features as (name, value) pairs in the order of <see cref="FeatureNames"/>: flags
    /// as 1 or 0, the deployment age in hours, <see langword="null"/> where not measured.
    /// </summary>
    /// <returns>The 20 named values.</returns>
    public IReadOnlyList<RegressionFeatureValue> ToVector()
    {
        double?[] values =
        [
            LatencyDeltaPercent,
            ErrorRateDelta,
            ThroughputDeltaPercent,
            QueueDepthDeltaPercent,
            QueueWaitDeltaMs,
            Flag(ErrorSpike),
            CpuDeltaPercent,
            MemoryDeltaPercent,
            DiskIoDeltaPercent,
            GcPauseDeltaPercent,
            ExternalApiLatencyDeltaPercent,
            DatabaseLatencyDeltaPercent,
            TimeoutRateDelta,
            RetryRateDelta,
            NetworkErrorRateDelta,
            CacheHitRateDelta,
            DeploymentAge?.TotalHours,
            Flag(ConfigChanged),
            Flag(DependencyChanged),
            Flag(InfrastructureChanged),
        ];
        var vector = new RegressionFeatureValue[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            vector[i] = new RegressionFeatureValue(FeatureNames[i], values[i]);
        }

        return vector;
    }

    private static double? Flag(bool? value) => value is { } b ? (b ? 1 : 0) : null;
}
