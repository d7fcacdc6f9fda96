using Observability.Internal;

namespace Observability.Core.Tests.Judgement;

/// <summary>The per-tick health value is the health score of a one-snapshot window: one definition, two speeds.</summary>
public sealed class HealthValueTests
{
    [Fact]
    public void ValueOf_EverySnapshotOfADegradingWeek_EqualsTheScoreOfItsOneSnapshotWindow()
    {
        var thresholds = new ThresholdOptions();
        var classifier = new SnapshotClassifier(thresholds);
        var facts = SnapshotFacts.Evaluate(GeneratedWeeks.DegradingAtTheEnd(), classifier, thresholds);
        var lowVolume = SnapshotFacts.Of(
            new MetricSnapshot(GeneratedWeeks.Start, "t", new Dictionary<string, double> { [WellKnownMetrics.ErrorRate] = 0.5, [WellKnownMetrics.JobCount] = 3, [WellKnownMetrics.LatencyP99] = 900 }),
            new Classification(SignalCategories.Degraded, 1, "test"),
            thresholds);

        foreach (var fact in facts.Append(lowVolume))
        {
            var score = HealthScorer.Score(WindowAggregate.From([fact], thresholds), thresholds);
            Assert.Equal(score.Value, HealthScorer.ValueOf(fact, thresholds));
        }

        Assert.Contains(facts, f => HealthScorer.ValueOf(f, thresholds) < thresholds.HealthCritical); // the degraded hours score low
        Assert.Equal(98, HealthScorer.ValueOf(lowVolume, thresholds)); // 3 jobs: the error rate is not counted, the p99 breach is
    }
}
