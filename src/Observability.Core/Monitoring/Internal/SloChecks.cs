namespace Observability.Internal;

/// <summary>
/// The pass's two service level objectives, from the thresholds: availability (objective
/// <see cref="ThresholdOptions.AvailabilityTarget"/>) and p99 latency under
/// <see cref="ThresholdOptions.LatencyP99Target"/> in <see cref="ThresholdOptions.LatencyObjective"/>
/// of the snapshots, both over <see cref="ThresholdOptions.SloPeriod"/>, with the SRE workbook's
/// multi-window burn-rate alerts.
/// </summary>
internal static class SloChecks
{
    public const string BurnRatePrefix = "slo_burn_rate_";

    /// <remarks>As of the newest usable snapshot, so the short burn-rate windows hold data.</remarks>
    public static IReadOnlyList<SloEvaluation> Evaluate(IReadOnlyList<MetricSnapshot> usable, ThresholdOptions t)
    {
        var evaluator = new SloEvaluator(new SloEvaluatorOptions { Policy = BurnRatePolicy.Workbook.WithMinimumEvents(t.BurnRateMinimumEvents) });
        var evaluations = new List<SloEvaluation>(2);
        if (t.AvailabilityTarget is > 0 and < 1)
        {
            evaluations.Add(evaluator.Evaluate(SloDefinition.Availability("availability", t.AvailabilityTarget, t.SloPeriod), usable));
        }

        evaluations.Add(evaluator.Evaluate(SloDefinition.Latency("latency_p99", t.LatencyObjective, t.LatencyP99Target.TotalMilliseconds, period: t.SloPeriod), usable));
        return evaluations;
    }

    public static SloStatus ToStatus(SloEvaluation e) => new(e.Slo.Name, e.Slo.Objective, e.Compliance, Math.Round(e.Budget.RemainingFraction, 4), e.Reason)
    {
        BurnRate = e.CurrentBurnRate is { } rate ? Math.Round(rate, 3) : null,
        ProjectedExhaustion = e.ProjectedExhaustion,
        BurnDown = e.BurnDown.Select(static p => new SloBudgetPoint(p.Timestamp, Math.Round(p.RemainingFraction, 4))).ToArray(),
        FiringRules = e.FiringAlerts.Select(static a => a.Rule).ToArray(),
        Kind = KindName(e.Slo.Kind),
        Violations = e.Violations.Select(static v => new SloBreach(v.Start, v.End, v.Severity, v.WorstValue, v.Threshold) { Snapshots = v.Snapshots, Message = v.Message }).ToArray(),
        ViolationCount = e.ViolationCount,
    };

    /// <summary>The <see cref="SloStatus.Kind"/> name of an SLO kind.</summary>
    public static string KindName(SloKind kind) => kind switch
    {
        SloKind.Availability => "availability",
        SloKind.ErrorRate => "error_rate",
        _ => "latency_percentile",
    };

    /// <summary>One finding per SLO whose burn-rate alerts fire: the most severe rule speaks for it.</summary>
    public static void AddFindings(List<Finding> findings, IReadOnlyList<SloEvaluation> evaluations)
    {
        foreach (var evaluation in evaluations)
        {
            if (evaluation.FiringAlerts.Count == 0)
            {
                continue;
            }

            var worst = evaluation.FiringAlerts.MaxBy(static a => a.Severity)!;
            findings.Add(new Finding(BurnRatePrefix + evaluation.Slo.Name, worst.Severity, worst.Reason)
            {
                Metric = evaluation.Slo.Metric,
                Observed = worst.LongBurnRate,
                Threshold = worst.Threshold,
            });
        }
    }
}
