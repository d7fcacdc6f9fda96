using static Observability.Core.Tests.Slo.SloTestData;

namespace Observability.Core.Tests.Slo;

public sealed class SloEvaluatorBurnRateTests
{
    private static readonly SloEvaluator Evaluator = new();
    private static readonly SloDefinition Checkout = SloDefinition.Availability("checkout", 0.999);

    // Three days of one-minute snapshots: enough history that the longer windows are not just the bad hour.
    private const int ThreeDays = 3 * 24 * 60;

    [Fact]
    public void Evaluate_LastHourAt18Percent_MeasuresEveryWindow()
    {
        // Three days of one-minute snapshots (100 requests each); only the last 60 minutes fail 1.8 %,
        // a burn rate of 1.8 % / 0.1 % = 18 wherever the window lies inside that hour.
        var result = Evaluator.Evaluate(Checkout, Minutes(ThreeDays, age => age < 60 ? 0.018 : 0));

        AssertBurn(Rule(result, "burn_rate_1h_5m"), 18, 18);          // both inside the bad hour
        AssertBurn(Rule(result, "burn_rate_6h_30m"), 3, 18);          // 18 x 60 / 360
        AssertBurn(Rule(result, "burn_rate_1d_2h"), 0.75, 9);         // 18 x 60 / 1440; 18 x 60 / 120
        AssertBurn(Rule(result, "burn_rate_3d_6h"), 0.25, 3);         // 18 x 60 / 4320; 18 x 60 / 360
        Assert.Equal(6000, Rule(result, "burn_rate_1h_5m").LongWindowTraffic, 6); // 60 x 100 requests

        var firing = Assert.Single(result.FiringAlerts);              // only 18 >= 14.4 fires
        Assert.Equal("burn_rate_1h_5m", firing.Rule);
        Assert.Equal(AlertSeverity.Critical, firing.Severity);
        Assert.Equal(14.4, firing.Threshold, 9);
        Assert.Equal(TimeSpan.FromHours(1), firing.LongWindow);
        Assert.Equal(TimeSpan.FromMinutes(5), firing.ShortWindow);
        Assert.Equal(
            "checkout burn_rate_1h_5m (Critical, 1h/5m): burn rate 18x over 1h and 18x over 5m against 14.4x (2 % of the budget for 30 days); 6000 events in 1h.",
            firing.Reason);
        Assert.Equal(BurnRateAlertStatus.Ok, Rule(result, "burn_rate_6h_30m").Status);
        Assert.Contains("Firing: checkout burn_rate_1h_5m", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BurnRateExactlyAtThreshold_Fires()
    {
        // 1.44 % / 0.1 % = 14.4, the 1h/5m threshold for 30 days: "at or above" fires.
        var result = Evaluator.Evaluate(Checkout, Minutes(ThreeDays, age => age < 60 ? 0.0144 : 0));

        var rule = Rule(result, "burn_rate_1h_5m");
        Assert.Equal(14.4, rule.LongBurnRate!.Value, 9);
        Assert.Equal(BurnRateAlertStatus.Firing, rule.Status);
    }

    [Fact]
    public void Evaluate_BurnRateJustBelowThreshold_DoesNotFire()
    {
        // 1.439 % / 0.1 % = 14.39 < 14.4.
        var result = Evaluator.Evaluate(Checkout, Minutes(ThreeDays, age => age < 60 ? 0.01439 : 0));

        var rule = Rule(result, "burn_rate_1h_5m");
        Assert.Equal(14.39, rule.LongBurnRate!.Value, 9);
        Assert.Equal(BurnRateAlertStatus.Ok, rule.Status);
        Assert.Empty(result.FiringAlerts);
    }

    [Fact]
    public void Evaluate_ShortWindowRecovered_DoesNotFire()
    {
        // Minutes 59..5 fail 3 % (burn 30), the last five are clean: 1h burn 30 x 55 / 60 = 27.5, 5m burn 0.
        var result = Evaluator.Evaluate(Checkout, Minutes(ThreeDays, age => age is >= 5 and < 60 ? 0.03 : 0));

        var rule = Rule(result, "burn_rate_1h_5m");
        Assert.Equal(27.5, rule.LongBurnRate!.Value, 9);
        Assert.Equal(0, rule.ShortBurnRate!.Value, 9);
        Assert.Equal(BurnRateAlertStatus.Ok, rule.Status);
        Assert.Equal(30.0 * 55 / 360, Rule(result, "burn_rate_6h_30m").LongBurnRate!.Value, 9); // 4.58 < 6
        Assert.Contains("the short window has recovered", rule.Reason, StringComparison.Ordinal);
        Assert.Empty(result.FiringAlerts);
    }

    [Fact]
    public void Evaluate_LowTraffic_IsSuppressedByTheGuard()
    {
        // One request a minute; three of the last 60 fail (ages 0, 20, 40): 1h 3/60 = 5 % (burn 50),
        // 5m 1/5 = 20 % (burn 200). Only 60 requests in the hour, below the guard of 100.
        var snapshots = Minutes(60, age => age % 20 == 0 ? 1 : 0, requestsPerMinute: 1);

        var result = Evaluator.Evaluate(Checkout, snapshots);

        var rule = Rule(result, "burn_rate_1h_5m");
        Assert.Equal(50, rule.LongBurnRate!.Value, 9);
        Assert.Equal(200, rule.ShortBurnRate!.Value, 9);
        Assert.Equal(BurnRateAlertStatus.Suppressed, rule.Status);
        Assert.False(rule.IsFiring);
        Assert.Equal(60, rule.LongWindowTraffic);
        Assert.Contains("suppressed by the traffic guard", rule.Reason, StringComparison.Ordinal);
        Assert.Contains("only 60 events in 1h (minimum 100)", rule.Reason, StringComparison.Ordinal);
        Assert.Empty(result.FiringAlerts);
        Assert.Contains("suppressed by the traffic guard", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TrafficExactlyAtGuard_Fires()
    {
        var evaluator = new SloEvaluator(new SloEvaluatorOptions { Policy = BurnRatePolicy.Workbook.WithMinimumEvents(60) });
        var snapshots = Minutes(60, age => age % 20 == 0 ? 1 : 0, requestsPerMinute: 1);

        var result = evaluator.Evaluate(Checkout, snapshots);

        Assert.Equal(BurnRateAlertStatus.Firing, Rule(result, "burn_rate_1h_5m").Status); // 60 events >= 60
    }

    [Fact]
    public void Evaluate_HourlyThirtyDays_FiresPageAndTicketMostSevereFirst()
    {
        // 720 hourly snapshots of 1000 requests: the newest six fail 1 % (burn 10), the rest 0.05 % (burn 0.5).
        var snapshots = Series(720, TimeSpan.FromHours(1), (age, t) => Requests(t, age < 6 ? 0.01 : 0.0005, 1000));

        var result = Evaluator.Evaluate(Checkout, snapshots);

        AssertBurn(Rule(result, "burn_rate_1h_5m"), 10, 10);      // 10 < 14.4: ok
        AssertBurn(Rule(result, "burn_rate_6h_30m"), 10, 10);     // 10 >= 6: page
        AssertBurn(Rule(result, "burn_rate_1d_2h"), 2.875, 10);   // (6 x 10 + 18 x 0.5) / 24,000 / 0.1 % = 2.875 < 3
        AssertBurn(Rule(result, "burn_rate_3d_6h"), 93.0 / 72, 10); // (60 + 66 x 0.5) / 72,000 / 0.1 % = 1.29 >= 1
        Assert.Equal(["burn_rate_6h_30m", "burn_rate_3d_6h"], result.FiringAlerts.Select(static a => a.Rule));
        Assert.Equal([AlertSeverity.Critical, AlertSeverity.Warning], result.FiringAlerts.Select(static a => a.Severity));
    }

    [Fact]
    public void Evaluate_NoRecentData_ReportsNoData()
    {
        // Data only four to five days ago: every window up to 3 days is empty.
        var snapshots = Series(24, TimeSpan.FromHours(1), (age, t) => Requests(t.AddDays(-4), 0.5, 1000));

        var result = Evaluator.Evaluate(Checkout, snapshots, AsOf);

        Assert.All(result.BurnRateAlerts, static a => Assert.Equal(BurnRateAlertStatus.NoData, a.Status));
        Assert.Null(result.CurrentBurnRate);
        Assert.Null(result.ProjectedExhaustion);
        Assert.True(result.Budget.IsExhausted); // 50 % errors against 0.1 % allowed
    }

    [Fact]
    public void Evaluate_OneDayPeriod_ScalesThresholdsAndSkipsTheThreeDayRule()
    {
        var slo = SloDefinition.Availability("checkout", 0.999, TimeSpan.FromDays(1));

        var result = Evaluator.Evaluate(slo, Minutes(60, _ => 0));

        Assert.Equal([0.48, 0.2, 0.1], result.BurnRateAlerts.Take(3).Select(static a => Math.Round(a.Threshold, 9))); // 2 % x 24, 5 % x 4, 10 % x 1
        var threeDay = Rule(result, "burn_rate_3d_6h");
        Assert.Equal(BurnRateAlertStatus.NotApplicable, threeDay.Status);
        Assert.Contains("longer than the 1 day SLO period", threeDay.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LatencySlo_BurnsOnBadMinutesAndGuardsOnRequests()
    {
        // p99 < 500 ms in 99 % of minutes: the last 60 minutes are all slow, a burn rate of 1 / 1 % = 100.
        var slo = SloDefinition.Latency("api", 0.99, 500);
        var snapshots = Series(120, TimeSpan.FromMinutes(1), (age, t) => Latency(t, age < 60 ? 800 : 200, requests: 50));

        var result = Evaluator.Evaluate(slo, snapshots);

        var rule = Rule(result, "burn_rate_1h_5m");
        Assert.Equal(100, rule.LongBurnRate!.Value, 9);
        Assert.Equal(3000, rule.LongWindowTraffic);  // the guard counts requests: 60 x 50
        Assert.Equal(BurnRateAlertStatus.Firing, rule.Status);

        // The same latencies without a request count: no traffic to prove the burn, so the guard holds.
        var unweighted = Series(120, TimeSpan.FromMinutes(1), (age, t) => new MetricSnapshot(t, "test", new Dictionary<string, double> { [WellKnownMetrics.LatencyP99] = age < 60 ? 800 : 200 }));
        Assert.Equal(BurnRateAlertStatus.Suppressed, Rule(Evaluator.Evaluate(slo, unweighted), "burn_rate_1h_5m").Status);
    }

    [Fact]
    public void Evaluate_ThirtyDaysOfMinutes_IsConsistentAndBounded()
    {
        // 43,200 one-minute snapshots of 100 requests; every 1000th minute fails 50 % (50 bad).
        var snapshots = Minutes(43_200, age => age % 1000 == 0 ? 0.5 : 0);

        var result = Evaluator.Evaluate(Checkout, snapshots);

        Assert.Equal(43_200, result.Snapshots);
        Assert.Equal(4_320, result.Budget.Allowed, 6);     // 0.1 % x 4,320,000
        Assert.Equal(44 * 50, result.Budget.Consumed, 6);  // ages 0, 1000, ..., 43,000: 44 failures
        Assert.Equal(720, result.BurnDown.Count);          // hourly slices of 30 days
        Assert.Equal(result.Budget.RemainingFraction, result.BurnDown[^1].RemainingFraction, 9);
        Assert.Equal(AsOf, result.BurnDown[^1].Timestamp);
        Assert.Equal(44, result.ViolationCount);
        Assert.Equal(44, result.Violations.Count);         // under the cap of 100
    }

    private static void AssertBurn(BurnRateAlert alert, double expectedLong, double expectedShort)
    {
        Assert.Equal(expectedLong, alert.LongBurnRate!.Value, 9);
        Assert.Equal(expectedShort, alert.ShortBurnRate!.Value, 9);
    }
}
