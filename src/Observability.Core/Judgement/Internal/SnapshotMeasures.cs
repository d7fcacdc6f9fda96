namespace Observability.Internal;

/// <summary>
/// The values of one snapshot, read once, with the derived ones: requests and jobs are kept apart,
/// and the error rate is taken over its own denominator (the <c>error_rate</c> metric over requests,
/// else <c>error_count</c> over requests, else over jobs when the snapshot counts no requests, else
/// 1 - availability). No threshold is applied here.
/// </summary>
internal readonly record struct SnapshotMeasures(
    double? Requests,
    double? Jobs,
    double? Errors,
    double? ErrorRate,
    double? ErrorVolume,
    VolumeKind ErrorVolumeKind,
    double? Availability,
    double? LatencyP95,
    double? LatencyP99,
    double? Cpu,
    double? Memory,
    double? ConnectivityFailures,
    double? QueueBacklog)
{
    public static SnapshotMeasures Of(MetricSnapshot snapshot)
    {
        // One pass over the snapshot's metrics (a struct enumerator when the snapshot holds a Dictionary) instead of a lookup per name.
        var read = default(Values);
        if (snapshot.Metrics is Dictionary<string, double> metrics)
        {
            foreach (var (name, value) in metrics)
            {
                read.Take(name, value);
            }
        }
        else
        {
            foreach (var (name, value) in snapshot.Metrics)
            {
                read.Take(name, value);
            }
        }

        // Errors are request errors when requests are counted; a jobs-only source (CI) counts failed jobs.
        var (volume, kind) = read.Requests is { } r ? (r, VolumeKind.Requests) : read.Jobs is { } j ? (j, VolumeKind.Jobs) : ((double?)null, VolumeKind.None);
        var rate = read.ErrorRate;
        if (rate is null && read.Errors is { } e && volume is { } v && v > 0)
        {
            rate = Math.Min(1, e / v);
        }

        rate ??= read.Availability is { } a ? 1 - a : null;
        return new SnapshotMeasures(
            read.Requests,
            read.Jobs,
            read.Errors,
            rate,
            rate is null ? null : volume,
            rate is null ? VolumeKind.None : kind,
            read.Availability ?? (rate is { } x ? 1 - x : null),
            read.LatencyP95,
            read.LatencyP99,
            read.Cpu,
            read.Memory,
            read.ConnectivityFailures,
            read.QueueBacklog);
    }

    /// <summary>The well-known metrics of one snapshot as they are read; non-finite values are absent, as <see cref="MetricSnapshot.GetValue"/> has them.</summary>
    private struct Values
    {
        public double? Requests, Jobs, Errors, Availability, ErrorRate, LatencyP95, LatencyP99, Cpu, Memory, ConnectivityFailures, QueueBacklog;

        public void Take(string name, double value)
        {
            if (!double.IsFinite(value))
            {
                return;
            }

            switch (name)
            {
                case WellKnownMetrics.RequestCount: Requests = value; break;
                case WellKnownMetrics.JobCount: Jobs = value; break;
                case WellKnownMetrics.ErrorCount: Errors = value; break;
                case WellKnownMetrics.Availability: Availability = value; break;
                case WellKnownMetrics.ErrorRate: ErrorRate = value; break;
                case WellKnownMetrics.LatencyP95: LatencyP95 = value; break;
                case WellKnownMetrics.LatencyP99: LatencyP99 = value; break;
                case WellKnownMetrics.CpuUtilization: Cpu = value; break;
                case WellKnownMetrics.MemoryUtilization: Memory = value; break;
                case WellKnownMetrics.ConnectivityFailures: ConnectivityFailures = value; break;
                case WellKnownMetrics.QueueBacklog: QueueBacklog = value; break;
            }
        }
    }
}

/// <summary>What an error rate is a share of.</summary>
internal enum VolumeKind : byte
{
    None = 0,
    Requests = 1,
    Jobs = 2,
}
