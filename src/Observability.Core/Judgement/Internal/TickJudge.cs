namespace Observability.Internal;

/// <summary>
/// What one tick (one snapshot, in time order) fired: every finding, the alerting ones, and those that just started;
/// with the snapshot's own health score (<see langword="null"/> for a data gap).
/// </summary>
internal sealed record TickJudgement(DateTimeOffset Time, IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Firing, IReadOnlyList<Finding> Started, HealthScore? Health = null);

/// <summary>
/// Judges a series tick by tick with the pass's rules for a single snapshot: the error rate, both
/// SLOs, the snapshot's health score, the advisor's history rules (sustained health, connectivity,
/// backlog), the rolling success rate and data gaps. An alerting rule that fires on consecutive ticks
/// is one alert: it is counted when it starts. The stability monitor and the daily summaries both
/// count alerts this way, so the same snapshots give the same counts whoever reads them.
/// </summary>
internal sealed class TickJudge
{
    private readonly ThresholdOptions _t;
    private readonly RollbackAdvisor _advisor;
    private readonly RollingSuccessRate _rolling;
    private HashSet<string> _firing = new(StringComparer.Ordinal);
    private int _gapRun;

    public TickJudge(ThresholdOptions thresholds)
    {
        _t = thresholds;
        _advisor = new RollbackAdvisor(RollbackAdvisorOptions.From(thresholds));
        _rolling = new RollingSuccessRate(thresholds.SuccessRateWindow, 1 - thresholds.ErrorRateWarning, 1 - thresholds.ErrorRateCritical);
    }

    public TickJudgement Judge(SnapshotFacts fact)
    {
        var findings = new List<Finding>();
        HealthScore? health = null;
        var advice = _advisor.Observe(AdvisorReplay.Observation(fact, _t));
        if (!fact.Usable)
        {
            _gapRun++;
            findings.Add(_gapRun >= _t.PersistentGapSnapshots
                ? new Finding(RuleCatalogue.DataGapPersistent, AlertSeverity.Error, $"The source has been quiet for {Figures.Plural(_gapRun, "snapshot")} ({fact.Classification.Category}).") { Observed = _gapRun }
                : new Finding(RuleCatalogue.DataGapTransient, AlertSeverity.Warning, $"The source went quiet at {Figures.Time(fact.Timestamp)} ({fact.Classification.Category}).") { Observed = _gapRun });
        }
        else
        {
            _gapRun = 0;
            health = AddSnapshotRules(findings, fact);
        }

        foreach (var reason in advice.Reasons)
        {
            if (FindingRules.IsAdvisorRule(reason.Rule))
            {
                findings.Add(reason);
            }
        }

        var firing = findings.Where(static f => f.Severity >= AlertSeverity.Warning && RuleCatalogue.Get(f.Rule).Alerts).ToArray();
        var started = firing.Where(f => !_firing.Contains(f.Rule)).ToArray();
        _firing = new HashSet<string>(firing.Select(static f => f.Rule), StringComparer.Ordinal);
        return new TickJudgement(fact.Timestamp, findings, firing, started, health);
    }

    private HealthScore AddSnapshotRules(List<Finding> findings, SnapshotFacts fact)
    {
        var m = fact.Measures;
        var at = Figures.Time(fact.Timestamp);
        var volume = m.ErrorVolume is { } v ? $"{Figures.Count(v)} {(m.ErrorVolumeKind == VolumeKind.Jobs ? "jobs" : "requests")} at {at}" : at;
        if (m.ErrorRate is { } rate && ThresholdJudge.ErrorRateFinding(fact.ErrorLevel, rate, volume, _t) is { } error)
        {
            findings.Add(error);
        }

        if (fact.AvailabilitySlo == SloOutcome.Bad)
        {
            findings.Add(new Finding(RuleCatalogue.AvailabilitySlo, AlertSeverity.Warning, $"Availability {Figures.Percent(m.Availability!.Value)} at {at} is below the SLO of {Figures.Percent(_t.AvailabilityTarget)}.") { Metric = WellKnownMetrics.Availability, Observed = m.Availability, Threshold = _t.AvailabilityTarget });
        }

        if (fact.LatencySlo == SloOutcome.Bad)
        {
            findings.Add(new Finding(RuleCatalogue.LatencySlo, AlertSeverity.Warning, $"p99 latency {Figures.Milliseconds(m.LatencyP99!.Value)} at {at} is at or above the SLO of {Figures.Milliseconds(_t.LatencyP99Target.TotalMilliseconds)}.") { Metric = WellKnownMetrics.LatencyP99, Observed = m.LatencyP99, Threshold = _t.LatencyP99Target.TotalMilliseconds });
        }

        var health = HealthScorer.Score(WindowAggregate.From([fact], _t), _t);
        if (ThresholdJudge.HealthFinding(health.Status, health.Value, _t) is { } healthFinding)
        {
            findings.Add(healthFinding);
        }

        if (SuccessRateTrend.Add(_rolling, fact) && SuccessRateTrend.Finding(_rolling, _t, $" at {at}") is { } trend)
        {
            findings.Add(trend);
        }

        return health;
    }
}
