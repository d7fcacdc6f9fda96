using System.Collections.Frozen;

namespace Observability.Internal;

/// <summary>
/// The operational report's recommendations: one per catalogue category of the findings that fired (warning and
/// above, most severe first), from the table below (rules are data: a new category is one row); the regression's
/// kind tells whether a rollback can help; then the week's own recommendations.
/// </summary>
internal static class OperationalRecommendations
{
    private static readonly FrozenDictionary<string, string> ByCategory = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RuleCatalogue.Categories.ErrorRate] = "Find the failing requests behind the error rate (the top errors above) and stop the rollout until it is under the warning threshold.",
        [RuleCatalogue.Categories.Health] = "Keep the release on hold while the health score is below its warning level; its components above show what costs the points.",
        [RuleCatalogue.Categories.Slo] = "Protect the error budget: freeze further releases of the service until the burn rate is below 1x.",
        [RuleCatalogue.Categories.Trend] = "The success rate is trending down: watch the next passes closely and prepare the rollback.",
        [RuleCatalogue.Categories.Anomaly] = "Look at the marked anomalies and change points on the charts: they show when the behaviour turned.",
        [RuleCatalogue.Categories.Processor] = "Check the processor's connectivity and queue: the backlog grows while it cannot reach its dependencies.",
        [RuleCatalogue.Categories.DataQuality] = "Check the metrics exporter and the collector: missing data is a collection problem, not an outage, and it hides the real state.",
        [RuleCatalogue.Categories.Cost] = "Review the cost variance with the service owners.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The categories that have a recommendation (a test checks every catalogue category that can fire has one).</summary>
    public static IReadOnlyCollection<string> Categories => ByCategory.Keys;

    public static IReadOnlyList<string> For(HealthReport report, WeeklySummary? week)
    {
        var recommendations = new List<string>();
        var verdict = report.Verdict;
        recommendations.Add(verdict.Decision switch
        {
            Decision.Rollback => $"Roll back the release: {verdict.Summary}",
            Decision.Hold => $"Hold the rollout: {verdict.Summary}",
            Decision.NoData => $"Restore the data before deciding: {verdict.Summary}",
            _ => $"Proceed with the rollout: {verdict.Summary}",
        });

        foreach (var category in report.Findings.Where(static f => f.Severity >= AlertSeverity.Warning)
                     .Select(static f => RuleCatalogue.Find(f.Rule)?.Category).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (category == RuleCatalogue.Categories.Regression)
            {
                continue;
            }

            if (ByCategory.TryGetValue(category, out var text))
            {
                recommendations.Add(text);
            }
        }

        switch (report.Regression?.Category)
        {
            case "performance_regression":
                recommendations.Add($"The regression is the release's own (confidence {Figures.Number(report.Regression.Confidence, "0.##")}): a rollback fixes it.");
                break;
            case "environment_regression":
                recommendations.Add($"The regression comes from around the release (confidence {Figures.Number(report.Regression.Confidence, "0.##")}): a rollback will not fix it; check the dependencies, configuration and infrastructure.");
                break;
        }

        if (report.RegionalDrift.FirstOrDefault() is { } worst && report.Health.Components.Any(static c => c.Name == "regional_latency_drift" && c.Points < 0))
        {
            recommendations.Add(worst.Region == OperationalReport.RegionalAll
                ? $"The service's p95 latency moved {Figures.Milliseconds(worst.DriftMs)} from its baseline: compare the release's latency with the previous one."
                : $"Investigate region {worst.Region}: its p95 latency moved {Figures.Milliseconds(worst.DriftMs)} from its baseline.");
        }

        if (week is not null)
        {
            recommendations.AddRange(week.Recommendations.Where(r => !recommendations.Contains(r, StringComparer.Ordinal)));
        }

        return recommendations;
    }
}
