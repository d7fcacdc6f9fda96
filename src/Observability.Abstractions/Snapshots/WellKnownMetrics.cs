namespace Observability;

/// <summary>
/// The metric names the library evaluates. Ratios are fractions in [0, 1] (0.999 is 99.9 %);
/// durations are milliseconds; counts are per snapshot interval.
/// </summary>
public static class WellKnownMetrics
{
    /// <summary>Share of successful requests or jobs, a ratio in [0, 1].</summary>
    public const string Availability = "availability";

    /// <summary>Share of failed requests or jobs, a ratio in [0, 1].</summary>
    public const string ErrorRate = "error_rate";

    /// <summary>Requests served in the interval.</summary>
    public const string RequestCount = "request_count";

    /// <summary>Jobs (deployments, background jobs, CI runs) processed in the interval.</summary>
    public const string JobCount = "job_count";

    /// <summary>Failed requests or jobs in the interval.</summary>
    public const string ErrorCount = "error_count";

    /// <summary>95th percentile latency in milliseconds.</summary>
    public const string LatencyP95 = "latency_p95_ms";

    /// <summary>99th percentile latency in milliseconds.</summary>
    public const string LatencyP99 = "latency_p99_ms";

    /// <summary>CPU utilisation, a ratio in [0, 1].</summary>
    public const string CpuUtilization = "cpu_utilization";

    /// <summary>Memory utilisation, a ratio in [0, 1].</summary>
    public const string MemoryUtilization = "memory_utilization";
}
