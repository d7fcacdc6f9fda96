namespace Observability.Internal;

/// <content>The SLO, health, regression and advisor findings of a pass.</content>
internal static partial class PassEvaluator
{
    private static void AddSloFindings(List<Finding> findings, WindowAggregate recent, ThresholdOptions t)
    {
        if (Judge.Availability(recent.Availability, recent.Volume, t) == SloOutcome.Bad)
        {
            findings.Add(new Finding(FindingRules.AvailabilitySlo, AlertSeverity.Warning, $"Availability {Figures.Percent(recent.Availability!.Value)} is below the SLO of {Figures.Percent(t.AvailabilityTarget)}.")
            { Metric = WellKnownMetrics.Availability, Observed = recent.Availability, Threshold = t.AvailabilityTarget });
        }

        if (Judge.Latency(recent.LatencyP99, t) == SloOutcome.Bad)
        {
            var target = t.LatencyP99Target.TotalMilliseconds;
            findings.Add(new Finding(FindingRules.LatencySlo, AlertSeverity.Warning, $"p99 latency {Figures.Milliseconds(recent.LatencyP99!.Value)} is at or above the SLO of {Figures.Milliseconds(target)}.")
            { Metric = WellKnownMetrics.LatencyP99, Observed = recent.LatencyP99, Threshold = target });
        }
    }

    private static void AddHealthFindings(List<Finding> findings, HealthScore health, ThresholdOptions t)
    {
        if (ThresholdJudge.HealthFinding(health.Status, health.Value, t) is { } finding)
        {
            findings.Add(finding);
        }
    }

    private static void AddRegressionFindings(List<Finding> findings, RegressionClassification? regression, SeasonalBaseline baseline)
    {
        var rule = regression?.Kind switch
        {
            RegressionKind.PerformanceRegression => FindingRules.RegressionPerformance,
            RegressionKind.EnvironmentRegression => FindingRules.RegressionEnvironment,
            _ => null,
        };
        if (rule is not null)
        {
            findings.Add(new Finding(rule, AlertSeverity.Warning, $"{regression!.Reason.TrimEnd('.')} (compared with {baseline.Description}).") { Metric = "regression_confidence", Observed = regression.Confidence });
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
