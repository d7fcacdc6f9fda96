namespace Observability.Internal;

/// <summary>
/// The pass's snapshots judged one by one, in time order, by the same <see cref="TickJudge"/> the daily
/// summaries and the stability monitor use: no threshold is compared here, the tick's findings are read.
/// </summary>
internal static class PassTimeline
{
    public static IReadOnlyList<SnapshotJudgement> Build(IReadOnlyList<SnapshotFacts> facts, ThresholdOptions thresholds)
    {
        var judge = new TickJudge(thresholds);
        var timeline = new SnapshotJudgement[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            timeline[i] = Of(facts[i], judge.Judge(facts[i]), thresholds);
        }

        return timeline;
    }

    public static SnapshotJudgement Of(SnapshotFacts fact, TickJudgement tick, ThresholdOptions thresholds)
    {
        var m = fact.Measures;
        double? health = fact.Usable ? HealthScorer.ValueOf(fact, thresholds) : null;
        var rules = tick.Findings.Where(static f => f.Severity >= AlertSeverity.Warning).Select(static f => f.Rule).Distinct(StringComparer.Ordinal).ToArray();
        return new SnapshotJudgement(fact.Timestamp, fact.Usable, fact.Classification.Category, health is { } h ? HealthScorer.Status(h, thresholds) : HealthStatus.Unknown)
        {
            Health = health,
            Availability = fact.Usable ? m.Availability : null,
            ErrorRate = fact.Usable ? m.ErrorRate : null,
            LatencyP95 = fact.Usable ? m.LatencyP95 : null,
            LatencyP99 = fact.Usable ? m.LatencyP99 : null,
            Metrics = fact.Snapshot.Metrics,
            Rules = rules,
            AlertFlags = [.. rules.Select(static r => RuleCatalogue.Get(r).Flag).OfType<string>().Distinct(StringComparer.Ordinal)],
        };
    }
}
