namespace Observability.Internal;

/// <summary>
/// Replays the evaluation window through a <see cref="RollbackAdvisor"/>, one snapshot at a time,
/// so the circuit-breaker rules that need history (health below critical for a sustained time,
/// processor connectivity failures, queue backlog) judge the pass. The error-rate rule stays with
/// the pass, which judges the whole window's volume-weighted rate.
/// </summary>
internal static class AdvisorReplay
{
    public static RollbackAdvice? Run(IReadOnlyList<SnapshotFacts> facts, DateTimeOffset evaluationStart, ThresholdOptions thresholds)
    {
        var advisor = new RollbackAdvisor(RollbackAdvisorOptions.From(thresholds));
        RollbackAdvice? advice = null;
        foreach (var fact in facts)
        {
            if (fact.Timestamp >= evaluationStart)
            {
                advice = advisor.Observe(Observation(fact, thresholds));
            }
        }

        return advice;
    }

    /// <summary>What the advisor sees of one snapshot: its health score (one snapshot's window) and its processor metrics.</summary>
    public static RolloutObservation Observation(SnapshotFacts fact, ThresholdOptions thresholds)
    {
        if (!fact.Usable)
        {
            return RolloutObservation.NoData(fact.Timestamp, fact.Classification.Reason);
        }

        return new RolloutObservation(fact.Timestamp)
        {
            HealthScore = HealthScorer.ValueOf(fact, thresholds),
            ProcessorConnectivityFailures = fact.Measures.ConnectivityFailures is { } failures && failures > 0 ? (int)Math.Min(failures, int.MaxValue) : 0,
            QueueBacklog = fact.Measures.QueueBacklog is { } backlog && backlog >= 0 ? backlog : null,
        };
    }
}
