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
        var requests = snapshot.GetValue(WellKnownMetrics.RequestCount);
        var jobs = snapshot.GetValue(WellKnownMetrics.JobCount);
        var errors = snapshot.GetValue(WellKnownMetrics.ErrorCount);
        var availabilityMetric = snapshot.GetValue(WellKnownMetrics.Availability);
        var rateMetric = snapshot.GetValue(WellKnownMetrics.ErrorRate);

        // Errors are request errors when requests are counted; a jobs-only source (CI) counts failed jobs.
        var (volume, kind) = requests is { } r ? (r, VolumeKind.Requests) : jobs is { } j ? (j, VolumeKind.Jobs) : ((double?)null, VolumeKind.None);
        double? rate = rateMetric;
        if (rate is null && errors is { } e && volume is { } v && v > 0)
        {
            rate = Math.Min(1, e / v);
        }

        rate ??= availabilityMetric is { } a ? 1 - a : null;
        return new SnapshotMeasures(
            requests,
            jobs,
            errors,
            rate,
            rate is null ? null : volume,
            rate is null ? VolumeKind.None : kind,
            availabilityMetric ?? (rate is { } x ? 1 - x : null),
            snapshot.GetValue(WellKnownMetrics.LatencyP95),
            snapshot.GetValue(WellKnownMetrics.LatencyP99),
            snapshot.GetValue(WellKnownMetrics.CpuUtilization),
            snapshot.GetValue(WellKnownMetrics.MemoryUtilization),
            snapshot.GetValue(WellKnownMetrics.ConnectivityFailures),
            snapshot.GetValue(WellKnownMetrics.QueueBacklog));
    }
}

/// <summary>What an error rate is a share of.</summary>
internal enum VolumeKind : byte
{
    None = 0,
    Requests = 1,
    Jobs = 2,
}
