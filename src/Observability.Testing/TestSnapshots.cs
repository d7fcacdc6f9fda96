namespace Observability.Testing;

/// <summary>Builds realistic snapshots for tests.</summary>
public static class TestSnapshots
{
    /// <summary>Creates a snapshot of a service with the given error rate and p99 latency.</summary>
    /// <param name="timestamp">When it was measured.</param>
    /// <param name="errorRate">The error rate, a ratio in [0, 1].</param>
    /// <param name="latencyP99Ms">The p99 latency in milliseconds.</param>
    /// <param name="jobs">The number of jobs (and, times 40, requests) in the interval.</param>
    /// <remarks>The defaults (0.04 % errors, 320 ms p99) meet the default SLOs (99.9 %, 500 ms).</remarks>
    /// <param name="source">The source name.</param>
    /// <returns>A complete snapshot with every well-known metric.</returns>
    public static MetricSnapshot Service(DateTimeOffset timestamp, double errorRate = 0.0004, double latencyP99Ms = 320, int jobs = 60, string source = "test")
    {
        var requests = jobs * 40.0;
        return new MetricSnapshot(timestamp, source, new Dictionary<string, double>
        {
            [WellKnownMetrics.Availability] = 1 - errorRate,
            [WellKnownMetrics.ErrorRate] = errorRate,
            [WellKnownMetrics.RequestCount] = requests,
            [WellKnownMetrics.JobCount] = jobs,
            [WellKnownMetrics.ErrorCount] = Math.Round(errorRate * requests),
            [WellKnownMetrics.LatencyP95] = latencyP99Ms * 0.55,
            [WellKnownMetrics.LatencyP99] = latencyP99Ms,
            [WellKnownMetrics.CpuUtilization] = 0.42,
            [WellKnownMetrics.MemoryUtilization] = 0.61,
        });
    }

    /// <summary>Creates the snapshot of a source that went quiet: every metric is zero.</summary>
    /// <param name="timestamp">When it was read.</param>
    /// <param name="source">The source name.</param>
    /// <returns>An all-zero snapshot.</returns>
    public static MetricSnapshot Quiet(DateTimeOffset timestamp, string source = "test")
        => new(timestamp, source, new[]
        {
            WellKnownMetrics.Availability, WellKnownMetrics.ErrorRate, WellKnownMetrics.RequestCount, WellKnownMetrics.JobCount,
            WellKnownMetrics.ErrorCount, WellKnownMetrics.LatencyP95, WellKnownMetrics.LatencyP99, WellKnownMetrics.CpuUtilization,
            WellKnownMetrics.MemoryUtilization,
        }.Select(static name => KeyValuePair.Create(name, 0.0)));

    /// <summary>Creates a series of snapshots at a fixed interval.</summary>
    /// <param name="start">The first timestamp.</param>
    /// <param name="interval">The spacing.</param>
    /// <param name="count">How many.</param>
    /// <param name="create">Creates the snapshot for an index and timestamp.</param>
    /// <returns>The snapshots, oldest first.</returns>
    public static IReadOnlyList<MetricSnapshot> Series(DateTimeOffset start, TimeSpan interval, int count, Func<int, DateTimeOffset, MetricSnapshot> create)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(create);
        return Enumerable.Range(0, count).Select(i => create(i, start + (interval * i))).ToArray();
    }
}
