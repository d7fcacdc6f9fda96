namespace Observability.Internal;

/// <summary>
/// Turns metric results into group scores, the 0-100 score, the outcome, the deciding metric and the reason.
/// </summary>
/// <remarks>
/// Group weights follow <see cref="CanaryAnalysisOptions.GroupWeights"/>: configured weights as given,
/// unweighted groups share 100 minus their sum equally, groups without a scored metric drop out and the
/// rest are scaled to 100 (equal shares if they all weigh 0). Score = sum of weight x passed / scored,
/// rounded to two decimals; the thresholds compare the rounded score, so 95 exactly passes.
/// </remarks>
internal static class CanaryScorer
{
    public static CanaryReport Score(IReadOnlyList<CanaryMetricResult> metrics, IReadOnlyDictionary<string, double> configuredWeights, double passThreshold, double marginalThreshold, double confidence)
    {
        var groups = ScoreGroups(metrics, configuredWeights);
        var report = new CanaryReport
        {
            Outcome = CanaryOutcome.NoData,
            Score = 0,
            PassThreshold = passThreshold,
            MarginalThreshold = marginalThreshold,
            Confidence = confidence,
            Reason = string.Empty,
            Metrics = metrics,
            Groups = groups,
        };

        var scored = metrics.Count(static m => m.Scored);
        if (scored == 0)
        {
            var why = metrics.Count == 0
                ? "there are no metrics to compare"
                : string.Join("; ", metrics.Select(static m => $"{m.Name}: {m.BaselineCount} baseline, {m.CanaryCount} canary usable samples"));
            return report with { Reason = $"No data: no metric could be judged, so the canary can be neither passed nor failed ({why})." };
        }

        var score = Math.Round(groups.Sum(static g => g.Points), 2);
        var failures = metrics.Where(static m => m.Scored && !m.Passed).ToList();
        var critical = failures.Where(static m => m.Critical).OrderBy(static m => m.PValue ?? 2).FirstOrDefault();
        if (critical is not null)
        {
            return report with
            {
                Outcome = CanaryOutcome.Fail,
                DecidingMetric = critical.Name,
                Reason = $"{critical.Reason} A failing critical metric fails the canary: score 0 (by group weights alone it would be {CanaryText.Number(score)}).",
            };
        }

        var outcome = score >= passThreshold ? CanaryOutcome.Pass
            : score >= marginalThreshold ? CanaryOutcome.Marginal
            : CanaryOutcome.Fail;
        var band = outcome switch
        {
            CanaryOutcome.Pass => $"Pass: score {CanaryText.Number(score)} is at least the pass threshold {CanaryText.Number(passThreshold)}",
            CanaryOutcome.Marginal => $"Marginal: score {CanaryText.Number(score)} is below the pass threshold {CanaryText.Number(passThreshold)} but at least the marginal threshold {CanaryText.Number(marginalThreshold)}",
            _ => $"Fail: score {CanaryText.Number(score)} is below the marginal threshold {CanaryText.Number(marginalThreshold)}",
        };
        var unscored = metrics.Count - scored;
        var left = unscored == 0 ? string.Empty : $", {unscored} without data left out";
        if (failures.Count == 0)
        {
            return report with { Outcome = outcome, Score = score, Reason = $"{band}; all {scored} scored metrics passed{left}." };
        }

        var costs = groups.ToDictionary(static g => g.Name, static g => g.Scored == 0 ? 0 : g.Weight / g.Scored, StringComparer.Ordinal);
        var deciding = failures
            .Select((m, index) => (Metric: m, Index: index, Cost: costs[m.Group]))
            .OrderByDescending(static x => x.Cost).ThenBy(static x => x.Metric.PValue ?? 2).ThenBy(static x => x.Index)
            .First();
        return report with
        {
            Outcome = outcome,
            Score = score,
            DecidingMetric = deciding.Metric.Name,
            Reason = $"{band}; {failures.Count} of {scored} scored metrics failed{left}. The costliest, {deciding.Metric.Name} in group {deciding.Metric.Group}, cost {CanaryText.Number(deciding.Cost)} points: {deciding.Metric.Reason}",
        };
    }

    private static List<CanaryGroupResult> ScoreGroups(IReadOnlyList<CanaryMetricResult> metrics, IReadOnlyDictionary<string, double> configuredWeights)
    {
        var names = metrics.Select(static m => m.Group).Distinct(StringComparer.Ordinal).ToList();
        var unweighted = names.Count(n => !configuredWeights.ContainsKey(n));
        var share = unweighted == 0 ? 0 : Math.Max(0, 100 - configuredWeights.Values.Sum()) / unweighted;
        var counts = names.ToDictionary(
            static n => n,
            n => (Metrics: metrics.Count(m => m.Group == n), Scored: metrics.Count(m => m.Group == n && m.Scored), Passed: metrics.Count(m => m.Group == n && m.Scored && m.Passed)),
            StringComparer.Ordinal);
        var raw = names.ToDictionary(static n => n, n => counts[n].Scored == 0 ? 0 : configuredWeights.GetValueOrDefault(n, share), StringComparer.Ordinal);
        var judged = names.Count(n => counts[n].Scored > 0);
        var total = raw.Values.Sum();

        var groups = new List<CanaryGroupResult>(names.Count);
        foreach (var name in names)
        {
            var (all, scored, passed) = counts[name];
            if (scored == 0)
            {
                groups.Add(new CanaryGroupResult(name, all, 0, 0, null, 0, 0));
                continue;
            }

            var weight = total > 0 ? raw[name] * 100 / total : 100.0 / judged;
            var score = 100.0 * passed / scored;
            groups.Add(new CanaryGroupResult(name, all, scored, passed, score, weight, weight * score / 100));
        }

        return groups;
    }
}
