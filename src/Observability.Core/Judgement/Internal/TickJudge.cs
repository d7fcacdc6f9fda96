namespace Observability.Internal;

/// <summary>What one tick (one snapshot, in time order) fired: every finding, the alerting ones, and those that just started.</summary>
internal sealed record TickJudgement(IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Firing, IReadOnlyList<Finding> Started)
{
    /// <summary>A tick at which nothing fires (shared: a quiet tick allocates nothing).</summary>
    public static TickJudgement Quiet { get; } = new([], [], []);
}

/// <summary>
/// Judges a series tick by tick with the pass's rules for a single snapshot: the error rate, both
/// SLOs, the snapshot's health score, the advisor's history rules (sustained health, connectivity,
/// backlog; without the advisor's latching breaker, so a condition that clears stops firing), the
/// rolling success rate and data gaps. An alerting rule that fires on consecutive ticks is one alert:
/// it is counted when it starts. The stability monitor and the daily summaries both count alerts this
/// way, so the same snapshots give the same counts whoever reads them. A quiet tick allocates only its
/// (empty) judgement.
/// </summary>
internal sealed class TickJudge
{
    private readonly ThresholdOptions _t;
    private readonly RollbackAdvisor _advisor;
    private readonly RollingSuccessRate _rolling;
    private readonly HashSet<string> _firing = new(StringComparer.Ordinal);
    private int _gapRun;
    private bool? _rollingAdded;

    public TickJudge(ThresholdOptions thresholds)
    {
        _t = thresholds;
        _advisor = new RollbackAdvisor(RollbackAdvisorOptions.From(thresholds));
        _rolling = new RollingSuccessRate(thresholds.SuccessRateWindow, 1 - thresholds.ErrorRateWarning, 1 - thresholds.ErrorRateCritical);
    }

    public TickJudgement Judge(SnapshotFacts fact)
    {
        _rollingAdded = null;
        if (fact.Usable && IsQuiet(fact))
        {
            _gapRun = 0;
            _firing.Clear();
            return TickJudgement.Quiet;
        }

        var findings = new List<Finding>(2);
        if (!fact.Usable)
        {
            // The advisor keeps its health timer through a gap: only a measured low score can trip it.
            _gapRun++;
            findings.Add(_gapRun >= _t.PersistentGapSnapshots
                ? new Finding(RuleCatalogue.DataGapPersistent, AlertSeverity.Error, $"The source has been quiet for {Figures.Plural(_gapRun, "snapshot")} ({fact.Classification.Category}).") { Observed = _gapRun }
                : new Finding(RuleCatalogue.DataGapTransient, AlertSeverity.Warning, $"The source went quiet at {Figures.Time(fact.Timestamp)} ({fact.Classification.Category}).") { Observed = _gapRun });
        }
        else
        {
            _gapRun = 0;
            AddSnapshotRules(findings, fact);
        }

        return Conclude(findings);
    }

    /// <summary>
    /// A usable snapshot on which no rule can fire and whose judgement changes no state (the health timer is not
    /// running and would not start, the rolling success rate stays healthy): the common case, judged without allocating.
    /// </summary>
    private bool IsQuiet(SnapshotFacts fact)
    {
        var m = fact.Measures;
        if (fact.ErrorLevel is ErrorRateLevel.Warning or ErrorRateLevel.Critical || fact.AvailabilitySlo == SloOutcome.Bad || fact.LatencySlo == SloOutcome.Bad
            || _advisor.UnhealthySince is not null || m.ConnectivityFailures is > 0 || (_t.QueueBacklogLimit is { } limit && m.QueueBacklog > limit))
        {
            return false;
        }

        if (HealthScorer.Status(HealthScorer.ValueOf(fact, _t), _t) != HealthStatus.Healthy)
        {
            return false;
        }

        // The rolling rate is fed as always (once a tick); the tick is quiet only when it stays above the degradation bound.
        _rollingAdded = SuccessRateTrend.Add(_rolling, fact);
        return _rollingAdded == false || _rolling.Status is SuccessRateStatus.Healthy or SuccessRateStatus.NoData;
    }

    private TickJudgement Conclude(List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            _firing.Clear();
            return TickJudgement.Quiet;
        }

        var firing = new List<Finding>(findings.Count);
        var started = new List<Finding>();
        foreach (var finding in findings)
        {
            if (finding.Severity >= AlertSeverity.Warning && RuleCatalogue.Get(finding.Rule).Alerts)
            {
                firing.Add(finding);
                if (!_firing.Contains(finding.Rule))
                {
                    started.Add(finding);
                }
            }
        }

        _firing.Clear();
        foreach (var finding in firing)
        {
            _firing.Add(finding.Rule);
        }

        return new TickJudgement(findings, firing, started);
    }

    private void AddSnapshotRules(List<Finding> findings, SnapshotFacts fact)
    {
        var m = fact.Measures;
        if (m.ErrorRate is { } rate && fact.ErrorLevel is ErrorRateLevel.Warning or ErrorRateLevel.Critical
            && ThresholdJudge.ErrorRateFinding(fact.ErrorLevel, rate, Volume(fact), _t) is { } error)
        {
            findings.Add(error);
        }

        if (fact.AvailabilitySlo == SloOutcome.Bad)
        {
            findings.Add(new Finding(RuleCatalogue.AvailabilitySlo, AlertSeverity.Warning, $"Availability {Figures.Percent(m.Availability!.Value)} at {Figures.Time(fact.Timestamp)} is below the SLO of {Figures.Percent(_t.AvailabilityTarget)}.") { Metric = WellKnownMetrics.Availability, Observed = m.Availability, Threshold = _t.AvailabilityTarget });
        }

        if (fact.LatencySlo == SloOutcome.Bad)
        {
            findings.Add(new Finding(RuleCatalogue.LatencySlo, AlertSeverity.Warning, $"p99 latency {Figures.Milliseconds(m.LatencyP99!.Value)} at {Figures.Time(fact.Timestamp)} is at or above the SLO of {Figures.Milliseconds(_t.LatencyP99Target.TotalMilliseconds)}.") { Metric = WellKnownMetrics.LatencyP99, Observed = m.LatencyP99, Threshold = _t.LatencyP99Target.TotalMilliseconds });
        }

        var health = HealthScorer.ValueOf(fact, _t);
        if (ThresholdJudge.HealthFinding(HealthScorer.Status(health, _t), health, _t) is { } healthFinding)
        {
            findings.Add(healthFinding);
        }

        // The advisor's history rules (sustained health, connectivity, backlog); its error-rate rule is the one above.
        var before = findings.Count;
        _advisor.EvaluateRules(findings, new RolloutObservation(fact.Timestamp)
        {
            HealthScore = health,
            ProcessorConnectivityFailures = m.ConnectivityFailures is { } failures && failures > 0 ? (int)Math.Min(failures, int.MaxValue) : 0,
            QueueBacklog = m.QueueBacklog is { } backlog && backlog >= 0 ? backlog : null,
        });
        for (var i = findings.Count - 1; i >= before; i--)
        {
            if (!FindingRules.IsAdvisorRule(findings[i].Rule))
            {
                findings.RemoveAt(i);
            }
        }

        var added = _rollingAdded ?? SuccessRateTrend.Add(_rolling, fact);
        if (added && SuccessRateTrend.Finding(_rolling, _t, fact.Timestamp) is { } trend)
        {
            findings.Add(trend);
        }
    }

    private static string Volume(SnapshotFacts fact)
    {
        var m = fact.Measures;
        var at = "at " + Figures.Time(fact.Timestamp);
        return m.ErrorVolume is { } v ? $"{Figures.Count(v)} {(m.ErrorVolumeKind == VolumeKind.Jobs ? "jobs" : "requests")} {at}" : at;
    }
}
