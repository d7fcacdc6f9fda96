namespace Observability.Internal;

/// <summary>
/// What one snapshot contributes to an SLO: its events, bad events and traffic, the observed value
/// and, when it breaks the per-snapshot limit, how far (<see cref="Exceedance"/> &gt; 0).
/// </summary>
internal readonly record struct SloSample(DateTimeOffset Time, double Events, double Bad, double Traffic, double Observed, double Exceedance)
{
    public bool Violates => Exceedance > 0;

    /// <summary>Reads a snapshot for an SLO; false when it cannot be used (quality, metric or volume missing or invalid).</summary>
    public static bool TryRead(SloDefinition slo, MetricSnapshot snapshot, out SloSample sample)
    {
        sample = default;
        if (!snapshot.Quality.IsUsable)
        {
            return false;
        }

        // The snapshot's values are read once (the engine's one reading of them).
        var measures = SnapshotMeasures.Of(snapshot);
        var volume = measures.Requests ?? measures.Jobs;
        if (slo.Kind == SloKind.LatencyPercentile)
        {
            if (snapshot.GetValue(slo.Metric) is not { } latency || latency < 0)
            {
                return false;
            }

            var bad = latency >= slo.Threshold;
            sample = new SloSample(snapshot.Timestamp, 1, bad ? 1 : 0, volume is > 0 ? volume.Value : 0, latency, bad ? latency / slo.Threshold : 0);
            return true;
        }

        var errorRate = slo.Kind == SloKind.Availability && measures.Availability is { } availability
            ? 1 - availability
            : measures.ErrorRate;
        if (errorRate is not { } rate || rate is < 0 or > 1 || volume is not { } events || events < 0)
        {
            return false;
        }

        var allowed = slo.AllowedErrorRate;
        var violates = events > 0 && rate > allowed;
        var observed = slo.Kind == SloKind.Availability ? 1 - rate : rate;
        sample = new SloSample(snapshot.Timestamp, events, rate * events, events, observed, violates ? rate / allowed : 0);
        return true;
    }
}
