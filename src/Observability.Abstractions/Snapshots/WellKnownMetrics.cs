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

    /// <summary>Processor (payment provider, job runner...) connection failures in the interval.</summary>
    public const string ConnectivityFailures = "connectivity_failures";

    /// <summary>Items waiting in the work queue at the end of the interval.</summary>
    public const string QueueBacklog = "queue_backlog";

    /// <summary>Seconds since the running release was deployed (environment evidence for the regression classifier).</summary>
    public const string DeploymentAgeSeconds = "deployment_age_seconds";

    /// <summary>1 when the configuration changed with the release, 0 when it did not (environment evidence for the regression classifier).</summary>
    public const string ConfigChanged = "config_changed";

    /// <summary>The separator between a metric and its region in a regional metric name.</summary>
    public const char RegionSeparator = '@';

    /// <summary>
    /// Names a metric measured in one region, for example <c>latency_p95_ms@eu-west-1</c>. The
    /// health score compares each region's latency with its own baseline.
    /// </summary>
    /// <param name="metric">The metric, for example <see cref="LatencyP95"/>.</param>
    /// <param name="region">The region, for example <c>eu-west-1</c>.</param>
    /// <returns>The regional metric name.</returns>
    public static string ForRegion(string metric, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (metric.Contains(RegionSeparator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The metric '{metric}' already names a region ('{RegionSeparator}').", nameof(metric));
        }

        return string.Concat(metric, RegionSeparator.ToString(), region);
    }

    /// <summary>Splits a regional metric name (see <see cref="ForRegion"/>) into its metric and region.</summary>
    /// <param name="name">A metric name.</param>
    /// <param name="metric">The metric part, when the name is regional.</param>
    /// <param name="region">The region part, when the name is regional.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a metric in a region.</returns>
    public static bool TryParseRegional(string name, out string metric, out string region)
    {
        ArgumentNullException.ThrowIfNull(name);
        var at = name.IndexOf(RegionSeparator, StringComparison.Ordinal);
        if (at <= 0 || at == name.Length - 1)
        {
            metric = region = string.Empty;
            return false;
        }

        metric = name[..at];
        region = name[(at + 1)..];
        return true;
    }
}
