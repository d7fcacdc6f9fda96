using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Aggregation;

public sealed class WeeklyRollbackTests
{
    private static List<DailySummary> Week(Func<int, DailySummary>? day = null)
        => [.. Enumerable.Range(1, 7).Select(n => day?.Invoke(n) ?? Day(n))];

    [Fact]
    public void Summarize_HealthyWeek_NoRollbackNoActions()
    {
        var week = WeeklySummarizer.Summarize(Week());

        Assert.False(week.RollbackRecommended);
        Assert.Empty(week.RollbackReasons);
        Assert.Empty(week.ActionItems);
        Assert.Equal(
            "No action needed over 7 days: availability averaged 99.95 % (target 99.9 %), p99 latency met the 500 ms SLO in 100 % of snapshots, no day was degraded (stability 100, grade A).",
            Assert.Single(week.Recommendations));
    }

    [Fact]
    public void Summarize_AverageAvailabilityExactlyAtTarget_IsNotBelow()
    {
        // Seven days of exactly 99.9 %: the weighted mean is 99.9 % (give or take the last bit), not below it.
        var week = WeeklySummarizer.Summarize(Week(n => Day(n, availability: 0.999)));

        Assert.DoesNotContain(week.RollbackReasons, r => r.Rule == RollbackReason.AvailabilityBelowTarget);
    }

    [Fact]
    public void Summarize_AverageAvailabilityJustBelowTarget_RecommendsRollback()
    {
        var week = WeeklySummarizer.Summarize(Week(n => Day(n, availability: 0.99899)));

        var reason = Assert.Single(week.RollbackReasons);
        Assert.Equal(RollbackReason.AvailabilityBelowTarget, reason.Rule);
        Assert.Equal(0.99899, reason.Observed, 12);
        Assert.Equal(0.999, reason.Threshold);
        Assert.Equal("Availability averaged 99.899 % over 7 days, below the 99.9 % target.", reason.Message);
        Assert.True(week.RollbackRecommended);
        Assert.Equal("Roll back the release: Availability averaged 99.899 % over 7 days, below the 99.9 % target.", week.ActionItems[0]);
    }

    [Fact]
    public void Summarize_AverageDriftExactlyFifteen_IsNotAbove()
    {
        var week = WeeklySummarizer.Summarize(Week(n => Day(n, drift: 15)));

        Assert.Equal(15, week.AverageDriftPercent!.Value, 9);
        Assert.False(week.RollbackRecommended);
    }

    [Fact]
    public void Summarize_AverageDriftJustAboveFifteen_RecommendsRollback()
    {
        // Six days at 15 % and one at 15.07 %: (90 + 15.07) / 7 = 15.01 %.
        var week = WeeklySummarizer.Summarize(Week(n => Day(n, drift: n == 7 ? 15.07 : 15)));

        var reason = Assert.Single(week.RollbackReasons);
        Assert.Equal(RollbackReason.DriftAboveLimit, reason.Rule);
        Assert.Equal(15.01, reason.Observed, 9);
        Assert.Equal("Metrics drifted 15 % from the baseline on average, above the 15 % limit.", reason.Message);
    }

    [Fact]
    public void Summarize_OneDegradedDay_IsNotEnough()
    {
        var week = WeeklySummarizer.Summarize(Week(n => n == 3 ? Degraded(Day(n)) : Day(n)));

        Assert.Single(week.DegradedDays);
        Assert.False(week.RollbackRecommended);
    }

    [Fact]
    public void Summarize_TwoDegradedDays_RecommendRollback()
    {
        var week = WeeklySummarizer.Summarize(Week(n => n is 3 or 5 ? Degraded(Day(n)) : Day(n)));

        Assert.Equal([3, 5], week.DegradedDays.Select(d => d.DayNumber));
        Assert.Equal(DegradationFlag.LatencyCompliance, week.DegradedDays[0].Flags[0].Rule);
        var reason = Assert.Single(week.RollbackReasons);
        Assert.Equal(RollbackReason.DegradedDays, reason.Rule);
        Assert.Equal(2, reason.Observed);
        Assert.Equal("2 of 7 days were degraded (days 3 and 5); 2 or more recommend a rollback.", reason.Message);
    }

    [Fact]
    public void Summarize_FiveCriticalAlerts_AreAllowed()
    {
        // 4 on day 2 and 1 on day 5.
        var week = WeeklySummarizer.Summarize(Week(n => Day(n, critical: n switch { 2 => 4, 5 => 1, _ => 0 })));

        Assert.Equal(5, week.Alerts.Critical);
        Assert.False(week.RollbackRecommended);
    }

    [Fact]
    public void Summarize_SixCriticalAlerts_RecommendRollback()
    {
        var week = WeeklySummarizer.Summarize(Week(n => Day(n, critical: n switch { 2 => 4, 5 => 2, _ => 0 })));

        var reason = Assert.Single(week.RollbackReasons);
        Assert.Equal(RollbackReason.CriticalAlerts, reason.Rule);
        Assert.Equal(6, reason.Observed);
        Assert.Equal(5, reason.Threshold);
        Assert.Equal("6 critical alerts, more than the 5 allowed.", reason.Message);
    }

    [Fact]
    public void Summarize_EveryRuleAtOnce_ListsAllFourReasons()
    {
        var week = WeeklySummarizer.Summarize(Week(n => n <= 2 ? Degraded(Day(n, availability: 0.99, drift: 30, critical: 3)) : Day(n, availability: 0.99, drift: 30)));

        Assert.Equal(
            [RollbackReason.AvailabilityBelowTarget, RollbackReason.DriftAboveLimit, RollbackReason.DegradedDays, RollbackReason.CriticalAlerts],
            week.RollbackReasons.Select(r => r.Rule));
        Assert.Equal("Rollback recommended: 4 of 4 rollback rules triggered.", week.Recommendations[0]);
    }

    [Fact]
    public void Summarize_CustomLimits_Apply()
    {
        var options = new WeeklySummaryOptions();
        options.Thresholds.DegradedDaysLimit = 3;
        options.Thresholds.CriticalAlertLimit = 10;

        var week = WeeklySummarizer.Summarize(Week(n => n is 3 or 5 ? Degraded(Day(n, critical: 4)) : Day(n)), options);

        Assert.False(week.RollbackRecommended); // 2 degraded days < 3, 8 critical alerts <= 10
    }
}
