using static Observability.Core.Tests.Canary.CanaryTestData;

namespace Observability.Core.Tests.Canary;

/// <summary>Group weights, the 0-100 score, the thresholds, critical metrics, NoData and the deciding metric.</summary>
public sealed class CanaryScoringTests
{
    [Fact]
    public void Analyze_TwoGroups70And30OneOfTwoFailingIn70_Scores65AndFails()
    {
        // 70 x 1/2 + 30 x 2/2 = 35 + 30 = 65 < 75.
        var report = PassFail(
            [(Metric("latency", "perf"), true), (Metric("cpu", "perf"), false), (Metric("errors", "errors"), false), (Metric("timeouts", "errors"), false)],
            [("perf", 70), ("errors", 30)]);

        Assert.Equal(CanaryOutcome.Fail, report.Outcome);
        Assert.Equal(65, report.Score);
        Assert.Equal("latency", report.DecidingMetric);
        Assert.Equal(
            [new CanaryGroupResult("perf", 2, 2, 1, 50, 70, 35), new CanaryGroupResult("errors", 2, 2, 2, 100, 30, 30)],
            report.Groups);
        Assert.StartsWith(
            "Fail: score 65 is below the marginal threshold 75; 1 of 4 scored metrics failed. The costliest, latency in group perf, cost 35 points: latency is High:",
            report.Reason,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, 1, 95, (int)CanaryOutcome.Pass)] // 19/20 = 95: exactly the pass threshold
    [InlineData(19, 1, 94.74, (int)CanaryOutcome.Marginal)] // 18/19 = 94.737
    [InlineData(4, 1, 75, (int)CanaryOutcome.Marginal)] // 3/4 = 75: exactly the marginal threshold
    [InlineData(3, 1, 66.67, (int)CanaryOutcome.Fail)] // 2/3 = 66.667
    [InlineData(3, 0, 100, (int)CanaryOutcome.Pass)]
    public void Analyze_ScoreAgainstThresholds_AtThresholdCountsAsReached(int metrics, int failing, double score, int outcomeValue)
    {
        var outcome = (CanaryOutcome)outcomeValue;
        var report = PassFail(Enumerable.Range(0, metrics).Select(i => (Metric($"m{i:00}"), i < failing)));

        Assert.Equal(score, report.Score);
        Assert.Equal(outcome, report.Outcome);
        Assert.Equal(failing == 0 ? null : "m00", report.DecidingMetric);
    }

    [Fact]
    public void Analyze_AllPass_ReasonSaysSo()
    {
        var report = PassFail([(Metric("a"), false), (Metric("b"), false)]);

        Assert.Equal("Pass: score 100 is at least the pass threshold 95; all 2 scored metrics passed.", report.Reason);
        Assert.Null(report.DecidingMetric);
    }

    [Fact]
    public void Analyze_CriticalMetricFails_FailWithScoreZeroAndSaysWhy()
    {
        // By weight alone 4 of 5 pass = 80 (marginal); the critical failure overrides it.
        var report = PassFail([(Metric("a"), false), (Metric("b"), false), (Metric("latency_p99_ms", critical: true), true), (Metric("c"), false), (Metric("d"), false)]);

        Assert.Equal(CanaryOutcome.Fail, report.Outcome);
        Assert.Equal(0, report.Score);
        Assert.Equal("latency_p99_ms", report.DecidingMetric);
        Assert.StartsWith("latency_p99_ms (critical) is High: canary median 8 vs baseline 3, p = 0.0079 < 0.02", report.Reason, StringComparison.Ordinal);
        Assert.EndsWith("A failing critical metric fails the canary: score 0 (by group weights alone it would be 80).", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_CriticalMetricLowerButOnlyIncreaseIsBad_Passes()
    {
        var baseline = Samples(("latency", Shifted), ("cpu", Low));
        var canary = Samples(("latency", Low), ("cpu", Low));

        var report = Analyzer([Metric("latency", critical: true, direction: CanaryDirection.Increase), Metric("cpu")]).Analyze(baseline, canary);

        Assert.Equal(CanaryClassification.Low, report.Metrics[0].Classification);
        Assert.Equal(CanaryOutcome.Pass, report.Outcome);
        Assert.Equal(100, report.Score);
    }

    [Fact]
    public void Analyze_UnweightedGroups_ShareTheRemainderEqually()
    {
        // a has 50; b and c share 100 - 50 = 50 as 25 each. b's only metric fails: 50 + 0 + 25 = 75.
        var report = PassFail([(Metric("a1", "a"), false), (Metric("b1", "b"), true), (Metric("c1", "c"), false)], [("a", 50)]);

        Assert.Equal([50.0, 25, 25], report.Groups.Select(static g => g.Weight));
        Assert.Equal(75, report.Score);
        Assert.Equal(CanaryOutcome.Marginal, report.Outcome);
    }

    [Fact]
    public void Analyze_GroupWithoutData_LeftOutAndOthersScaledTo100()
    {
        // perf 70, errors 30, but errors has no data: perf alone weighs 100; 1 of 2 failing -> 50.
        var analyzer = Analyzer([Metric("latency", "perf"), Metric("cpu", "perf"), Metric("errors", "errors")], [("perf", 70), ("errors", 30)]);

        var report = analyzer.Analyze(
            Samples(("latency", Low), ("cpu", Low), ("errors", [1, 2])),
            Samples(("latency", Shifted), ("cpu", Low), ("errors", [1, 2])));

        Assert.Equal(new CanaryGroupResult("errors", 1, 0, 0, null, 0, 0), report.Groups[1]);
        Assert.Equal(100, report.Groups[0].Weight);
        Assert.Equal(50, report.Score);
        Assert.Contains("1 of 2 scored metrics failed, 1 without data left out", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_WeightsSumBelow100AndEveryGroupWeighted_ScaledTo100()
    {
        // a 30, b 10 -> 75 and 25 after scaling; b fails: 75.
        var report = PassFail([(Metric("a1", "a"), false), (Metric("b1", "b"), true)], [("a", 30), ("b", 10)]);

        Assert.Equal([75.0, 25], report.Groups.Select(static g => g.Weight));
        Assert.Equal(75, report.Score);
    }

    [Fact]
    public void Analyze_JudgedGroupsAllWeighZero_ShareEqually()
    {
        var report = PassFail([(Metric("a1", "a"), false), (Metric("b1", "b"), true)], [("a", 0), ("b", 0)]);

        Assert.Equal([50.0, 50], report.Groups.Select(static g => g.Weight));
        Assert.Equal(50, report.Score);
    }

    [Fact]
    public void Analyze_EveryMetricNoData_OutcomeNoDataNotPass()
    {
        var report = Analyzer([Metric("latency"), Metric("errors")]).Analyze(
            Samples(("latency", [1, 2, 3]), ("errors", [double.NaN, 1, 2, 3, 4])),
            Samples(("latency", [1, 2, 3, 4, 5])));

        Assert.Equal(CanaryOutcome.NoData, report.Outcome);
        Assert.Equal(0, report.Score);
        Assert.Null(report.DecidingMetric);
        Assert.Equal(
            "No data: no metric could be judged, so the canary can be neither passed nor failed (latency: 3 baseline, 5 canary usable samples; errors: 4 baseline, 0 canary usable samples).",
            report.Reason);
    }

    [Fact]
    public void Analyze_NoMetricsAtAll_NoData()
    {
        var report = Analyzer([]).Analyze(Samples(), Samples());

        Assert.Equal(CanaryOutcome.NoData, report.Outcome);
        Assert.Empty(report.Metrics);
        Assert.Contains("there are no metrics to compare", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_MustHaveDataWithoutData_CountsAsFailed()
    {
        // 1 pass + 1 failed for lack of data = 50.
        var required = Metric("errors");
        required.MustHaveData = true;

        var report = Analyzer([Metric("cpu"), required]).Analyze(Samples(("cpu", Low)), Samples(("cpu", Low)));

        Assert.Equal(50, report.Score);
        Assert.Equal(CanaryOutcome.Fail, report.Outcome);
        Assert.Equal("errors", report.DecidingMetric);
        Assert.True(report.Metrics[1].Scored);
        Assert.EndsWith("It must have data, so it counts as failed.", report.Metrics[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_CriticalMustHaveDataWithoutData_FailsTheCanary()
    {
        var required = Metric("errors", critical: true);
        required.MustHaveData = true;

        var report = Analyzer([Metric("cpu"), required]).Analyze(Samples(("cpu", Low)), Samples(("cpu", Low)));

        Assert.Equal(CanaryOutcome.Fail, report.Outcome);
        Assert.Equal(0, report.Score);
        Assert.Equal("errors", report.DecidingMetric);
    }

    [Fact]
    public void Analyze_SeveralFailures_DecidingMetricIsTheCostliest()
    {
        // a: 60 over 2 metrics, 30 points each; b: 40 over 4 metrics, 10 points each.
        // b1 (listed first) and a2 fail: 30 + 30 = 60; a2 cost 30 > b1's 10, so a2 decided.
        var report = PassFail(
            [(Metric("b1", "b"), true), (Metric("b2", "b"), false), (Metric("b3", "b"), false), (Metric("b4", "b"), false), (Metric("a1", "a"), false), (Metric("a2", "a"), true)],
            [("a", 60), ("b", 40)]);

        Assert.Equal(60, report.Score);
        Assert.Equal("a2", report.DecidingMetric);
        Assert.Contains("The costliest, a2 in group a, cost 30 points", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_PassWithAFailure_NamesItAsDeciding()
    {
        var report = PassFail(Enumerable.Range(0, 20).Select(i => (Metric($"m{i:00}"), i == 7)));

        Assert.Equal(CanaryOutcome.Pass, report.Outcome);
        Assert.Equal("m07", report.DecidingMetric);
        Assert.StartsWith("Pass: score 95 is at least the pass threshold 95; 1 of 20 scored metrics failed. The costliest, m07 in group default, cost 5 points", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NoMetricsConfigured_ComparesEveryNameWithDefaults()
    {
        var report = Analyzer([]).Analyze(Samples(("zeta", Low), ("alpha", Low)), Samples(("alpha", Shifted), ("beta", Low)));

        Assert.Equal(["alpha", "beta", "zeta"], report.Metrics.Select(static m => m.Name));
        Assert.Equal([CanaryClassification.High, CanaryClassification.NoData, CanaryClassification.NoData], report.Metrics.Select(static m => m.Classification));
        Assert.Equal(0, report.Score); // alpha is the only scored metric
        Assert.Equal(CanaryOutcome.Fail, report.Outcome);
    }
}
