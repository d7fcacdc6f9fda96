namespace Observability.Internal;

/// <summary>
/// Decides proceed / hold / rollback from the findings. Only findings about the release itself
/// (error rate, health, SLOs) can hold or roll back; collection problems never roll back, and
/// an evaluation window without usable data is a verdict of its own.
/// </summary>
internal static class VerdictPolicy
{
    private static readonly HashSet<string> RollbackRules =
        [FindingRules.ErrorRateCritical, AdviceRules.HealthSustained, AdviceRules.ProcessorConnectivity, AdviceRules.QueueBacklog];

    private static readonly HashSet<string> HoldRules =
    [
        FindingRules.ErrorRateWarning, FindingRules.HealthWarning, FindingRules.HealthCritical, FindingRules.AvailabilitySlo, FindingRules.LatencySlo,
        FindingRules.DataGapPersistent, FindingRules.RegressionPerformance, FindingRules.RegressionEnvironment,
        AdviceRules.HealthPending, AdviceRules.ProcessorConnectivityPending,
    ];

    public static Verdict Decide(IReadOnlyList<Finding> findings, int usableRecentSnapshots, CollectionWindow evaluationWindow)
    {
        var span = Describe(evaluationWindow.Duration);
        if (usableRecentSnapshots == 0)
        {
            var reasons = findings.Where(static f => FindingRules.Category(f.Rule) == "data_quality").ToArray();
            return new Verdict(Decision.NoData, $"No data: nothing usable was collected over the last {span}; fix collection before judging the release.", reasons);
        }

        var rollback = findings.Where(static f => RollbackRules.Contains(f.Rule)).ToArray();
        if (rollback.Length > 0)
        {
            return new Verdict(Decision.Rollback, $"Roll back: {rollback[0].Message}", rollback.Concat(findings.Where(static f => IsHold(f.Rule))).ToArray());
        }

        var hold = findings.Where(static f => IsHold(f.Rule)).ToArray();
        if (hold.Length > 0)
        {
            return new Verdict(Decision.Hold, $"Hold: {hold[0].Message}", hold);
        }

        return new Verdict(Decision.Proceed, $"Proceed: error rate, health and SLOs are within their thresholds over the last {span}.", []);
    }

    private static bool IsHold(string rule) => HoldRules.Contains(rule) || rule.StartsWith(SloChecks.BurnRatePrefix, StringComparison.Ordinal);

    private static string Describe(TimeSpan span)
        => span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours)
            ? $"{span.TotalHours:0} h"
            : $"{span.TotalMinutes:0} min";
}
