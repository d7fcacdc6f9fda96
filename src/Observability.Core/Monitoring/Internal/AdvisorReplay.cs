namespace Observability.Internal;

/// <summary>
/// Replays the evaluation window through a <see cref="RollbackAdvisor"/>, one snapshot at a time,
/// so the circuit-breaker rules that need history (health below critical for a sustained time,
/// processor connectivity failures, queue backlog) judge the pass. The error-rate rule stays with
/// the pass, which judges the whole window's volume-weighted rate.
/// </summary>
internal static class AdvisorReplay
{
    public static RollbackAdvice? Run(IReadOnlyList<ClassifiedSnapshot> snapshots, DateTimeOffset evaluationStart, ThresholdOptions thresholds)
    {
        var advisor = new RollbackAdvisor(new RollbackAdvisorOptions
        {
            MaxErrorRate = thresholds.ErrorRateCritical,
            MinimumJobs = thresholds.MinimumJobs,
            HealthCritical = thresholds.HealthCritical,
            HealthSustainFor = thresholds.HealthSustainFor,
            ConnectivityFailureThreshold = thresholds.ConnectivityFailureLimit,
            QueueBacklogThreshold = thresholds.QueueBacklogLimit,
        });

        RollbackAdvice? advice = null;
        foreach (var classified in snapshots)
        {
            var snapshot = classified.Snapshot;
            if (snapshot.Timestamp < evaluationStart)
            {
                continue;
            }

            advice = advisor.Observe(classified.Usable ? Observation(snapshot, thresholds) : RolloutObservation.NoData(snapshot.Timestamp, classified.Classification.Reason));
        }

        return advice;
    }

    private static RolloutObservation Observation(MetricSnapshot snapshot, ThresholdOptions thresholds)
    {
        var health = HealthScorer.Score(WindowAggregate.From([snapshot], thresholds), thresholds);
        return new RolloutObservation(snapshot.Timestamp)
        {
            HealthScore = health.Value,
            ProcessorConnectivityFailures = snapshot.GetValue(WellKnownMetrics.ConnectivityFailures) is { } failures && failures > 0 ? (int)Math.Min(failures, int.MaxValue) : 0,
            QueueBacklog = snapshot.GetValue(WellKnownMetrics.QueueBacklog) is { } backlog && backlog >= 0 ? backlog : null,
        };
    }
}
