using Observability.Internal;

namespace Observability.Core.Tests.Reporting;

/// <summary>A report whose timeline was judged by the engine (<see cref="PassTimeline"/>): 48 snapshots, a gap, an error spike.</summary>
internal static class TimelineReports
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<MetricSnapshot> Snapshots()
    {
        var list = new List<MetricSnapshot>();
        for (var i = 0; i < 48; i++)
        {
            var at = Start.AddMinutes(30 * i);
            if (i is 20 or 21)
            {
                list.Add(MetricSnapshot.CreateEmpty(at, "file", "the source delivered no values"));
                continue;
            }

            var errors = i >= 44 ? 80 : 1;
            list.Add(new MetricSnapshot(at, "file", new Dictionary<string, double>
            {
                [WellKnownMetrics.RequestCount] = 1000,
                [WellKnownMetrics.ErrorCount] = errors,
                [WellKnownMetrics.LatencyP95] = 120 + i,
                [WellKnownMetrics.LatencyP99] = 250 + (2 * i),
            }));
        }

        return list;
    }

    public static HealthReport Report()
    {
        var t = new ThresholdOptions();
        var facts = SnapshotFacts.Evaluate(Snapshots(), new SnapshotClassifier(t), t);
        var end = Start.AddDays(1);
        return SampleReports.Rollback() with
        {
            Window = new CollectionWindow(Start, end),
            EvaluationWindow = new CollectionWindow(end.AddHours(-2), end),
            Timeline = PassTimeline.Build(facts, t),
            DataQuality = new DataQualitySummary(48, 46, 2, [new DataGap(Start.AddHours(10), Start.AddHours(10.5), 2, SignalCategories.CollectEmptySource, Persistent: false)]),
            Findings = [.. SampleReports.Rollback().Findings, new Finding(RuleCatalogue.AnomalyErrorRate, AlertSeverity.Info, "Anomalous error rate 8 % at 2025-06-01 22:00 UTC.") { Metric = WellKnownMetrics.ErrorRate, Observed = 0.08, At = Start.AddHours(22) }],
            Slos = [new SloStatus("availability", 0.999, 0.98, -2.5, "Burnt.") { BurnDown = [new SloBudgetPoint(Start, 1), new SloBudgetPoint(Start.AddHours(12), 0.8), new SloBudgetPoint(end, -2.5)] }],
        };
    }
}
