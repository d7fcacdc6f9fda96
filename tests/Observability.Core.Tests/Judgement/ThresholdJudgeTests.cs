using Observability.Testing;

namespace Observability.Core.Tests.Judgement;

/// <summary>The public judgement of one health score or error rate: the pass's boundaries, rules and findings.</summary>
public sealed class ThresholdJudgeTests
{
    private static readonly ThresholdOptions Defaults = new();

    [Theory]
    [InlineData(100, null, null)]
    [InlineData(70, null, null)] // "below 70": exactly the warning threshold is healthy
    [InlineData(69.99, RuleCatalogue.HealthWarning, AlertSeverity.Warning)]
    [InlineData(50, RuleCatalogue.HealthWarning, AlertSeverity.Warning)] // "below 50": exactly the critical threshold is a warning
    [InlineData(49.99, RuleCatalogue.HealthCritical, AlertSeverity.Error)]
    public void Health_DefaultThresholds_Boundaries(double score, string? rule, AlertSeverity? severity)
    {
        var finding = ThresholdJudge.Health(score, Defaults);

        Assert.Equal(rule, finding?.Rule);
        Assert.Equal(severity, finding?.Severity);
    }

    [Fact]
    public void Health_Critical_IsThePassFinding()
    {
        var finding = ThresholdJudge.Health(42.5, new ThresholdOptions { HealthWarning = 80, HealthCritical = 60 })!;

        Assert.Equal(
            new Finding(RuleCatalogue.HealthCritical, AlertSeverity.Error, "Health score 42.5 is below the critical threshold of 60.") { Metric = "health_score", Observed = 42.5, Threshold = 60 },
            finding);
    }

    [Theory]
    [InlineData(0.0249, null, null)]
    [InlineData(0.025, RuleCatalogue.ErrorRateWarning, AlertSeverity.Warning)] // "at or above": exactly 2.5 % is a warning
    [InlineData(0.05, RuleCatalogue.ErrorRateWarning, AlertSeverity.Warning)] // "above": exactly 5 % is still a warning
    [InlineData(0.0501, RuleCatalogue.ErrorRateCritical, AlertSeverity.Critical)]
    public void ErrorRate_DefaultThresholds_Boundaries(double rate, string? rule, AlertSeverity? severity)
    {
        var finding = ThresholdJudge.ErrorRate(rate, Defaults);

        Assert.Equal(rule, finding?.Rule);
        Assert.Equal(severity, finding?.Severity);
    }

    [Fact]
    public void ErrorRate_Warning_NamesTheConfiguredThreshold()
    {
        var finding = ThresholdJudge.ErrorRate(0.031, new ThresholdOptions { ErrorRateWarning = 0.03, ErrorRateCritical = 0.06 })!;

        Assert.Equal("Error rate 3.1 % is at or above the warning threshold of 3 %.", finding.Message);
        Assert.Equal((WellKnownMetrics.ErrorRate, 0.031, 0.03), (finding.Metric, finding.Observed!.Value, finding.Threshold!.Value));
    }

    [Fact]
    public void Arguments_AreGuarded()
    {
        Assert.Throws<ArgumentNullException>("thresholds", () => ThresholdJudge.Health(60, null!));
        Assert.Throws<ArgumentNullException>("thresholds", () => ThresholdJudge.ErrorRate(0.1, null!));
        Assert.Equal("healthScore", Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdJudge.Health(double.NaN, Defaults)).ParamName);
        Assert.Equal("errorRate", Assert.Throws<ArgumentOutOfRangeException>(() => ThresholdJudge.ErrorRate(double.PositiveInfinity, Defaults)).ParamName);
    }

    [Fact]
    public async Task Judgement_MatchesThePassOnTheSameThresholds()
    {
        static void Configure(ThresholdOptions t)
        {
            t.ErrorRateWarning = 0.02;
            t.ErrorRateCritical = 0.04;
            t.HealthWarning = 90;
            t.HealthCritical = 20;
        }

        var thresholds = new ThresholdOptions();
        Configure(thresholds);
        await using var harness = ObservabilityTestHarness.Create(o => Configure(o.Thresholds));
        // 3 % in the 2-hour evaluation window: a warning under 2 % / 4 % (each snapshot scores 100 - 60 - 2 = 38, a warning under 90 / 20).
        harness.Collector.Add(TestSnapshots.Series(
            ObservabilityTestHarness.DefaultStart.AddHours(-24), TimeSpan.FromMinutes(30), 48, (i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.03 : 0.0004)));

        var result = await harness.Monitor.RunOnceAsync();

        var passError = Assert.Single(result.Verdict.Reasons, static r => r.Rule is RuleCatalogue.ErrorRateWarning or RuleCatalogue.ErrorRateCritical);
        var judgedError = ThresholdJudge.ErrorRate(passError.Observed!.Value, thresholds)!;
        Assert.Equal((RuleCatalogue.ErrorRateWarning, AlertSeverity.Warning, 0.02), (judgedError.Rule, judgedError.Severity, judgedError.Threshold!.Value));
        Assert.Equal((passError.Rule, passError.Severity, passError.Threshold), (judgedError.Rule, judgedError.Severity, judgedError.Threshold));
        var passHealth = Assert.Single(result.Verdict.Reasons, static r => r.Rule is RuleCatalogue.HealthWarning or RuleCatalogue.HealthCritical);
        Assert.Equal(passHealth, ThresholdJudge.Health(result.Report.Health.Value, thresholds));
        Assert.Equal(RuleCatalogue.HealthWarning, passHealth.Rule);
    }
}
