namespace Observability.Internal;

/// <summary>
/// Decides proceed / hold / rollback from the findings, by each rule's effect in the
/// <see cref="RuleCatalogue"/>. Collection problems never roll back, and an evaluation window
/// without usable data is a verdict of its own.
/// </summary>
internal static class VerdictPolicy
{
    public static Verdict Decide(IReadOnlyList<Finding> findings, int usableRecentSnapshots, CollectionWindow evaluationWindow)
    {
        var span = Describe(evaluationWindow.Duration);
        if (usableRecentSnapshots == 0)
        {
            var reasons = findings.Where(static f => FindingRules.Category(f.Rule) == RuleCatalogue.Categories.DataQuality).ToArray();
            return new Verdict(Decision.NoData, $"No data: nothing usable was collected over the last {span}; fix collection before judging the release.", reasons);
        }

        var rollback = findings.Where(static f => RuleCatalogue.Get(f.Rule).Effect == RuleEffect.Rollback).ToArray();
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

    private static bool IsHold(string rule) => RuleCatalogue.Get(rule).Effect == RuleEffect.Hold;

    private static string Describe(TimeSpan span) => Figures.Duration(span);
}
