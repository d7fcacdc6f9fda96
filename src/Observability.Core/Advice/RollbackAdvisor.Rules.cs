using Observability.Internal;

namespace Observability;

/// <content>The four breaker rules and the proceed summary.</content>
public sealed partial class RollbackAdvisor
{
    private void AddErrorRate(List<Finding> findings, RolloutObservation o)
    {
        if (o.ErrorRate is not { } rate || rate <= _maxErrorRate)
        {
            return;
        }

        if (o.JobCount <= _minimumJobs)
        {
            findings.Add(new Finding(AdviceRules.ErrorRateLowVolume, AlertSeverity.Info, $"Error rate {Percent(rate)} not judged: {o.JobCount} jobs is not more than the minimum of {_minimumJobs}.")
            { Metric = WellKnownMetrics.ErrorRate, Observed = rate, Threshold = _maxErrorRate });
            return;
        }

        findings.Add(new Finding(AdviceRules.ErrorRate, AlertSeverity.Critical, $"Error rate {Percent(rate)} over {o.JobCount} jobs is above the maximum of {Percent(_maxErrorRate)}.")
        { Metric = WellKnownMetrics.ErrorRate, Observed = rate, Threshold = _maxErrorRate });
    }

    /// <summary>Runs the health sustain timer; returns the time left before it trips, when it runs and has not tripped.</summary>
    private TimeSpan? AddHealth(List<Finding> findings, RolloutObservation o)
    {
        var now = o.Timestamp;
        if (o.HealthScore is not { } health)
        {
            if (_unhealthySince is { } was)
            {
                findings.Add(new Finding(AdviceRules.HealthPending, AlertSeverity.Warning, $"No health score in this observation; health has been below {Number(_healthCritical)} since {Figures.Time(was)} ({Minutes(now - was)}), so the timer keeps running, but only a measured low score can trip the breaker.")
                { Metric = "health_score", Threshold = _healthCritical });
                return TripIn(now);
            }

            return null;
        }

        if (health >= _healthCritical)
        {
            _unhealthySince = null;
            return null;
        }

        var since = _unhealthySince ??= now;
        var sustained = now - since;
        if (sustained >= _healthSustainFor)
        {
            findings.Add(new Finding(AdviceRules.HealthSustained, AlertSeverity.Critical, $"Health score {Number(health)} has been below {Number(_healthCritical)} for {Minutes(sustained)} (since {Figures.Time(since)}), at least the {Minutes(_healthSustainFor)} that trip the breaker.")
            { Metric = "health_score", Observed = health, Threshold = _healthCritical });
            return null;
        }

        var remaining = _healthSustainFor - sustained;
        findings.Add(new Finding(AdviceRules.HealthPending, AlertSeverity.Warning, $"Health score {Number(health)} is below {Number(_healthCritical)} since {Figures.Time(since)} ({Minutes(sustained)}); the breaker trips in {Minutes(remaining)} if it stays there.")
        { Metric = "health_score", Observed = health, Threshold = _healthCritical });
        return remaining;
    }

    private void AddConnectivity(List<Finding> findings, RolloutObservation o)
    {
        var failures = o.ProcessorConnectivityFailures;
        if (failures >= _connectivityFailureThreshold)
        {
            findings.Add(new Finding(AdviceRules.ProcessorConnectivity, AlertSeverity.Critical, $"{failures} processor connectivity failures, at least the {_connectivityFailureThreshold} that trip the breaker.")
            { Metric = "processor_connectivity_failures", Observed = failures, Threshold = _connectivityFailureThreshold });
        }
        else if (failures > 0)
        {
            findings.Add(new Finding(AdviceRules.ProcessorConnectivityPending, AlertSeverity.Warning, $"{failures} processor connectivity failure(s), below the {_connectivityFailureThreshold} that trip the breaker.")
            { Metric = "processor_connectivity_failures", Observed = failures, Threshold = _connectivityFailureThreshold });
        }
    }

    private void AddQueueBacklog(List<Finding> findings, RolloutObservation o)
    {
        if (_queueBacklogThreshold is { } threshold && o.QueueBacklog is { } backlog && backlog > threshold)
        {
            findings.Add(new Finding(AdviceRules.QueueBacklog, AlertSeverity.Critical, $"Queue backlog {Number(backlog)} is above the threshold of {Number(threshold)}.")
            { Metric = "queue_backlog", Observed = backlog, Threshold = threshold });
        }
    }

    private string ProceedSummary(RolloutObservation o)
    {
        var parts = new List<string>();
        if (o.ErrorRate is { } rate)
        {
            parts.Add(rate > _maxErrorRate
                ? $"error rate {Percent(rate)} not judged ({o.JobCount} jobs, more than {_minimumJobs} needed)"
                : $"error rate {Percent(rate)} over {o.JobCount} jobs (max {Percent(_maxErrorRate)})");
        }

        if (o.HealthScore is { } health)
        {
            parts.Add($"health {Number(health)} (critical below {Number(_healthCritical)})");
        }

        parts.Add($"{o.ProcessorConnectivityFailures} processor connectivity failures");
        if (o.QueueBacklog is { } backlog)
        {
            parts.Add(_queueBacklogThreshold is { } threshold ? $"queue backlog {Number(backlog)} (max {Number(threshold)})" : $"queue backlog {Number(backlog)} (rule off)");
        }

        return $"Proceed: {string.Join(", ", parts)}; no rollback rule is breached.";
    }

    private static string Percent(double ratio) => SnapshotMath.Percent(ratio);

    private static string Number(double value) => SnapshotMath.Number(value, "0.##");

    private static string Minutes(TimeSpan span) => SnapshotMath.Number(span.TotalMinutes, "0.#") + " min";
}
