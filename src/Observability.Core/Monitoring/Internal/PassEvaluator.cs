namespace Observability.Internal;

/// <summary>What a pass concluded from its classified snapshots.</summary>
internal sealed record Evaluation(
    Verdict Verdict,
    IReadOnlyList<Finding> Findings,
    HealthScore Health,
    StabilityScore Stability,
    IReadOnlyList<SloStatus> Slos,
    IReadOnlyList<MetricSummary> Metrics,
    DataQualitySummary DataQuality);

/// <summary>
/// Turns classified snapshots into findings, scores and a verdict. The evaluation window (the
/// newest part) decides the verdict and health; the whole window gives stability and context.
/// </summary>
internal static class PassEvaluator
{
    private static readonly RuleBasedRegressionClassifier RegressionClassifier = new();

    public static Evaluation Evaluate(IReadOnlyList<ClassifiedSnapshot> snapshots, CollectionWindow evaluationWindow, IReadOnlyList<CollectionResult> collections, ThresholdOptions thresholds)
    {
        var usable = snapshots.Where(static s => s.Usable).Select(static s => s.Snapshot).ToArray();
        var recent = usable.Where(s => s.Timestamp >= evaluationWindow.Start).ToArray();
        var baseline = usable.Where(s => s.Timestamp < evaluationWindow.Start).ToArray();
        var aggregate = WindowAggregate.From(recent, thresholds);

        var anomalies = new List<Finding>();
        var errorSpike = AnomalyChecks.AddFindings(anomalies, usable, evaluationWindow.Start);
        var drifts = RegionalDrift.Compute(baseline, recent);
        var regression = recent.Length > 0 && baseline.Length > 0
            ? RegressionClassifier.Classify(RegressionInputs.From(baseline, recent, aggregate, thresholds, errorSpike))
            : null;
        var health = HealthScorer.Score(aggregate, thresholds, regression, drifts);
        var advice = AdvisorReplay.Run(snapshots, evaluationWindow.Start, thresholds);
        var slos = SloChecks.Evaluate(usable, thresholds);
        var stability = StabilityScorer.Score(usable, baseline, recent, thresholds);
        var gaps = DataGaps.Find(snapshots, thresholds.PersistentGapSnapshots);

        var findings = new List<Finding>();
        AddCollectionFindings(findings, collections, snapshots, recent, gaps, evaluationWindow);
        if (recent.Length > 0)
        {
            AddErrorRateFindings(findings, aggregate, thresholds);
            AddSloFindings(findings, aggregate, thresholds);
            AddHealthFindings(findings, health, thresholds);
            SloChecks.AddFindings(findings, slos);
            findings.AddRange(anomalies);
            AddRegressionFindings(findings, regression);
            AddAdvisorFindings(findings, advice);
        }

        findings.Sort(static (a, b) => b.Severity.CompareTo(a.Severity));
        return new Evaluation(
            VerdictPolicy.Decide(findings, recent.Length, evaluationWindow),
            findings,
            health,
            stability,
            slos.Select(SloChecks.ToStatus).ToArray(),
            MetricSummaries.Summarize(usable, evaluationWindow),
            new DataQualitySummary(snapshots.Count, usable.Length, snapshots.Count - usable.Length, gaps));
    }

    private static void AddCollectionFindings(List<Finding> findings, IReadOnlyList<CollectionResult> collections, IReadOnlyList<ClassifiedSnapshot> snapshots, MetricSnapshot[] recent, IReadOnlyList<DataGap> gaps, CollectionWindow evaluationWindow)
    {
        foreach (var failed in collections.Where(static c => c.Status == CollectionStatus.Failed))
        {
            findings.Add(new Finding(FindingRules.CollectorFailed, AlertSeverity.Warning, $"Collector '{failed.CollectorName}' failed: {string.Join("; ", failed.Errors).TrimEnd('.')}."));
        }

        if (recent.Length == 0)
        {
            var why = snapshots.Count == 0 ? "no collector returned a snapshot for the window" : "every snapshot of the evaluation window is empty or failed";
            findings.Add(new Finding(FindingRules.NoUsableData, AlertSeverity.Warning, $"No usable data in the evaluation window: {why}. A collection failure is not a reason to roll back."));
        }

        // Only gaps that touch the evaluation window raise an alert; older ones stay in the report.
        foreach (var gap in gaps.Where(g => g.End >= evaluationWindow.Start))
        {
            findings.Add(gap.Persistent
                ? new Finding(FindingRules.DataGapPersistent, AlertSeverity.Error, $"The source has been quiet for {gap.Snapshots} snapshots since {gap.Start:O} ({gap.Category}): check the exporter or the collector.")
                : new Finding(FindingRules.DataGapTransient, AlertSeverity.Warning, $"The source was quiet for {gap.Snapshots} snapshot(s) from {gap.Start:O} ({gap.Category}); treated as a collection gap, not an outage."));
        }
    }

    private static void AddErrorRateFindings(List<Finding> findings, WindowAggregate recent, ThresholdOptions t)
    {
        if (recent.ErrorRate is not { } rate)
        {
            return;
        }

        if (recent.Volume is { } volume && volume <= t.MinimumJobs)
        {
            findings.Add(new Finding(FindingRules.ErrorRateLowVolume, AlertSeverity.Info, $"Error rate {SnapshotMath.Percent(rate)} not judged: {SnapshotMath.Number(volume, "0")} jobs is not more than the minimum of {t.MinimumJobs}.")
            { Metric = WellKnownMetrics.ErrorRate, Observed = rate, Threshold = t.MinimumJobs });
            return;
        }

        var volumeText = recent.Volume is { } v ? $" (volume: {SnapshotMath.Number(v, "0")} jobs)" : string.Empty;
        if (rate > t.ErrorRateCritical)
        {
            findings.Add(new Finding(FindingRules.ErrorRateCritical, AlertSeverity.Critical, $"Error rate {SnapshotMath.Percent(rate)}{volumeText} is above the maximum of {SnapshotMath.Percent(t.ErrorRateCritical)}.")
            { Metric = WellKnownMetrics.ErrorRate, Observed = rate, Threshold = t.ErrorRateCritical });
        }
        else if (rate >= t.ErrorRateWarning)
        {
            findings.Add(new Finding(FindingRules.ErrorRateWarning, AlertSeverity.Warning, $"Error rate {SnapshotMath.Percent(rate)}{volumeText} is at or above the warning threshold of {SnapshotMath.Percent(t.ErrorRateWarning)}.")
            { Metric = WellKnownMetrics.ErrorRate, Observed = rate, Threshold = t.ErrorRateWarning });
        }
    }

    private static void AddSloFindings(List<Finding> findings, WindowAggregate recent, ThresholdOptions t)
    {
        if (recent.Availability is { } availability && availability < t.AvailabilityTarget)
        {
            findings.Add(new Finding(FindingRules.AvailabilitySlo, AlertSeverity.Warning, $"Availability {SnapshotMath.Percent(availability)} is below the SLO of {SnapshotMath.Percent(t.AvailabilityTarget)}.")
            { Metric = WellKnownMetrics.Availability, Observed = availability, Threshold = t.AvailabilityTarget });
        }

        var target = t.LatencyP99Target.TotalMilliseconds;
        if (recent.LatencyP99 is { } p99 && p99 >= target)
        {
            findings.Add(new Finding(FindingRules.LatencySlo, AlertSeverity.Warning, $"p99 latency {SnapshotMath.Number(p99)} ms is at or above the SLO of {SnapshotMath.Number(target)} ms.")
            { Metric = WellKnownMetrics.LatencyP99, Observed = p99, Threshold = target });
        }
    }

    private static void AddHealthFindings(List<Finding> findings, HealthScore health, ThresholdOptions t)
    {
        if (health.Status == HealthStatus.Critical)
        {
            findings.Add(new Finding(FindingRules.HealthCritical, AlertSeverity.Error, $"Health score {SnapshotMath.Number(health.Value)} is below the critical threshold of {SnapshotMath.Number(t.HealthCritical)}.")
            { Metric = "health_score", Observed = health.Value, Threshold = t.HealthCritical });
        }
        else if (health.Status == HealthStatus.Warning)
        {
            findings.Add(new Finding(FindingRules.HealthWarning, AlertSeverity.Warning, $"Health score {SnapshotMath.Number(health.Value)} is below the warning threshold of {SnapshotMath.Number(t.HealthWarning)}.")
            { Metric = "health_score", Observed = health.Value, Threshold = t.HealthWarning });
        }
    }

    private static void AddRegressionFindings(List<Finding> findings, RegressionClassification? regression)
    {
        var rule = regression?.Kind switch
        {
            RegressionKind.PerformanceRegression => FindingRules.RegressionPerformance,
            RegressionKind.EnvironmentRegression => FindingRules.RegressionEnvironment,
            _ => null,
        };
        if (rule is not null)
        {
            findings.Add(new Finding(rule, AlertSeverity.Warning, regression!.Reason) { Metric = "regression_confidence", Observed = regression.Confidence });
        }
    }

    private static void AddAdvisorFindings(List<Finding> findings, RollbackAdvice? advice)
    {
        // The advisor's history rules; its no-data answer is the pass's own no_usable_data finding.
        foreach (var reason in advice?.Reasons ?? [])
        {
            if (FindingRules.IsAdvisorRule(reason.Rule) && !findings.Contains(reason))
            {
                findings.Add(reason);
            }
        }
    }
}
