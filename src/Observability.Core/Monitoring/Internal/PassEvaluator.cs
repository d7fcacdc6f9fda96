namespace Observability.Internal;

/// <summary>What a pass concluded from its snapshot facts.</summary>
internal sealed record Evaluation(
    Verdict Verdict,
    IReadOnlyList<Finding> Findings,
    HealthScore Health,
    StabilityScore Stability,
    IReadOnlyList<SloStatus> Slos,
    IReadOnlyList<MetricSummary> Metrics,
    DataQualitySummary DataQuality,
    Classification? Regression,
    IReadOnlyList<RegionDrift> RegionalDrift);

/// <summary>What a pass judges with: the one set of thresholds, the baseline levels and the regression classifier.</summary>
internal sealed record PassSettings(ThresholdOptions Thresholds, IReadOnlyDictionary<string, double> Baseline, IRegressionClassifier Regression, SecretRedactor Redactor);

/// <summary>
/// Turns snapshot facts into findings, scores and a verdict. The evaluation window (the newest
/// part) decides the verdict and health, compared like with like against the same hours of earlier
/// days; the whole window gives stability (against the baseline levels) and context.
/// </summary>
internal static partial class PassEvaluator
{
    public static Evaluation Evaluate(IReadOnlyList<SnapshotFacts> facts, CollectionWindow window, CollectionWindow evaluationWindow, IReadOnlyList<CollectionResult> collections, PassSettings settings)
    {
        var t = settings.Thresholds;
        var usable = facts.Where(static f => f.Usable).ToArray();
        var recent = usable.Where(f => f.Timestamp >= evaluationWindow.Start).ToArray();
        var earlier = usable.Where(f => f.Timestamp < evaluationWindow.Start).ToArray();
        var baseline = SeasonalBaseline.For(earlier, recent, evaluationWindow);
        var aggregate = WindowAggregate.From(recent, t);

        var explanations = new List<Finding>();
        var errorSpike = AnomalyChecks.AddFindings(explanations, usable, evaluationWindow.Start, baseline);
        var drifts = RegionalDrift.Compute(baseline.Facts.Select(static f => f.Snapshot).ToArray(), recent.Select(static f => f.Snapshot).ToArray());
        var regression = recent.Length > 0 && baseline.Facts.Count > 0
            ? settings.Regression.Classify(RegressionInputs.From(baseline, recent, aggregate, t, errorSpike))
            : null;
        var health = HealthScorer.Score(aggregate, t, regression, drifts);
        var advice = AdvisorReplay.Run(facts, evaluationWindow.Start, t);
        var slos = SloChecks.Evaluate(usable.Select(static f => f.Snapshot).ToArray(), t);
        var stability = StabilityMath.Of(facts, window.Start, settings.Baseline, t.DriftLimitPercent);
        var gaps = DataGaps.Find(facts, t.PersistentGapSnapshots);

        var findings = new List<Finding>();
        AddCollectionFindings(findings, collections, facts.Count, recent.Length, gaps, evaluationWindow, settings.Redactor);
        if (recent.Length > 0)
        {
            AddErrorRateFindings(findings, aggregate, t);
            AddEarlyWarning(findings, earlier, evaluationWindow, aggregate, t);
            SuccessRateTrend.AddFinding(findings, recent, t);
            AddSloFindings(findings, aggregate, t);
            AddHealthFindings(findings, health, t);
            SloChecks.AddFindings(findings, slos);
            findings.AddRange(explanations);
            AddRegressionFindings(findings, regression, baseline);
            AddAdvisorFindings(findings, advice);
        }

        findings.Sort(static (a, b) => b.Severity.CompareTo(a.Severity));
        return new Evaluation(
            VerdictPolicy.Decide(findings, recent.Length, evaluationWindow),
            findings,
            health,
            stability,
            slos.Select(SloChecks.ToStatus).ToArray(),
            MetricSummaries.Summarize(usable.Select(static f => f.Snapshot).ToArray(), evaluationWindow),
            new DataQualitySummary(facts.Count, usable.Length, facts.Count - usable.Length, gaps),
            regression?.ToClassification(),
            [.. drifts.Select(static d => new RegionDrift(d.Region, d.BaselineMs, d.RecentMs))]);
    }

    private static void AddCollectionFindings(List<Finding> findings, IReadOnlyList<CollectionResult> collections, int snapshots, int recent, IReadOnlyList<DataGap> gaps, CollectionWindow evaluationWindow, SecretRedactor redactor)
    {
        foreach (var failed in collections.Where(static c => c.Status == CollectionStatus.Failed))
        {
            findings.Add(new Finding(FindingRules.CollectorFailed, AlertSeverity.Warning, $"Collector '{failed.CollectorName}' failed: {redactor.RedactText(string.Join("; ", failed.Errors)).TrimEnd('.')}."));
        }

        if (recent == 0)
        {
            var why = snapshots == 0 ? "no collector returned a snapshot for the window" : "every snapshot of the evaluation window is empty or failed";
            findings.Add(new Finding(FindingRules.NoUsableData, AlertSeverity.Warning, $"No usable data in the evaluation window: {why}. A collection failure is not a reason to roll back."));
        }

        // Only gaps that touch the evaluation window raise an alert; older ones stay in the report.
        foreach (var gap in gaps.Where(g => g.End >= evaluationWindow.Start))
        {
            findings.Add(gap.Persistent
                ? new Finding(FindingRules.DataGapPersistent, AlertSeverity.Error, $"The source has been quiet for {Figures.Plural(gap.Snapshots, "snapshot")} since {Figures.Time(gap.Start)} ({gap.Category}): check the exporter or the collector.") { Observed = gap.Snapshots }
                : new Finding(FindingRules.DataGapTransient, AlertSeverity.Warning, $"The source was quiet for {Figures.Plural(gap.Snapshots, "snapshot")} from {Figures.Time(gap.Start)} ({gap.Category}); treated as a collection gap, not an outage.") { Observed = gap.Snapshots });
        }
    }

    private static void AddErrorRateFindings(List<Finding> findings, WindowAggregate recent, ThresholdOptions t)
    {
        if (recent.ErrorRate is not { } rate)
        {
            return;
        }

        if (recent.ErrorLevel == ErrorRateLevel.LowVolume)
        {
            findings.Add(new Finding(FindingRules.ErrorRateLowVolume, AlertSeverity.Info, $"Error rate {Figures.Percent(rate)} not judged: {recent.VolumeText} is not more than the minimum of {t.MinimumJobs}.")
            { Metric = WellKnownMetrics.ErrorRate, Observed = recent.Volume, Threshold = t.MinimumJobs });
        }
        else if (ThresholdJudge.ErrorRateFinding(recent.ErrorLevel, rate, recent.VolumeText, t) is { } finding)
        {
            findings.Add(finding);
        }
    }

    /// <summary>
    /// The rollout spec's early warning: the error rate rose more than the configured share against the
    /// equally long period before, and it already stands at half the warning threshold or more (a rise
    /// from 0.02 % to 0.04 % is noise, not a warning).
    /// </summary>
    private static void AddEarlyWarning(List<Finding> findings, IReadOnlyList<SnapshotFacts> earlier, CollectionWindow evaluationWindow, WindowAggregate recent, ThresholdOptions t)
    {
        if (recent.ErrorRate is not { } now || recent.ErrorLevel is ErrorRateLevel.LowVolume or ErrorRateLevel.Critical || now < t.ErrorRateWarning / 2)
        {
            return;
        }

        var before = WindowAggregate.From(earlier.Where(f => f.Timestamp >= evaluationWindow.Start - evaluationWindow.Duration).ToArray(), t);
        if (before.ErrorRate is not { } then || then <= 0 || before.ErrorLevel == ErrorRateLevel.LowVolume)
        {
            return;
        }

        var rise = (now - then) / then * 100;
        if (rise > t.EarlyWarningIncreasePercent)
        {
            findings.Add(new Finding(RuleCatalogue.ErrorRateEarlyWarning, AlertSeverity.Warning, $"Error rate rising fast: {Figures.Percent(then)} in the {Figures.Duration(evaluationWindow.Duration)} before, {Figures.Percent(now)} now ({Figures.PercentValue(rise)} up, more than the {Figures.PercentValue(t.EarlyWarningIncreasePercent)} early-warning limit).")
            { Metric = WellKnownMetrics.ErrorRate, Observed = rise, Threshold = t.EarlyWarningIncreasePercent });
        }
    }
}
