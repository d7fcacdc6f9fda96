using static Observability.Core.Tests.Slo.SloTestData;

namespace Observability.Core.Tests.Slo;

public sealed class SloEvaluatorBudgetTests
{
    private static readonly SloEvaluator Evaluator = new();

    [Fact]
    public void Evaluate_HandComputedDay_GivesComplianceAndBudget()
    {
        var slo = SloDefinition.Availability("checkout", 0.99, TimeSpan.FromDays(1));

        var result = Evaluator.Evaluate(slo, DayOfRequests());

        Assert.Equal(AsOf, result.AsOf); // the newest snapshot's time
        Assert.Equal(AsOf.AddDays(-1), result.PeriodStart);
        Assert.Equal(10, result.Snapshots);
        Assert.Equal(10_000, result.TotalEvents, 9);
        Assert.Equal(60, result.BadEvents, 9);
        Assert.Equal(0.994, result.Compliance!.Value, 9);   // 9,940 / 10,000
        Assert.True(result.IsMet);                           // 99.4 % >= 99 %
        Assert.Equal(100, result.Budget.Allowed, 9);         // (1 - 0.99) x 10,000
        Assert.Equal(60, result.Budget.Consumed, 9);
        Assert.Equal(40, result.Budget.Remaining, 9);
        Assert.Equal(0.4, result.Budget.RemainingFraction, 9); // 1 - 60 / 100
        Assert.False(result.Budget.IsExhausted);
        Assert.Null(result.ExhaustedAt);
    }

    [Fact]
    public void Evaluate_HandComputedDay_ProjectsExhaustionAtTheCurrentBurnRate()
    {
        var slo = SloDefinition.Availability("checkout", 0.99, TimeSpan.FromDays(1));

        var result = Evaluator.Evaluate(slo, DayOfRequests());

        // The last hour holds only the newest snapshot: 0.125 % / 1 % = burn rate 0.125.
        // 40 % of the budget at 0.125x lasts 0.4 x 1 day / 0.125 = 3.2 days.
        Assert.Equal(0.125, result.CurrentBurnRate!.Value, 9);
        Assert.Equal(TimeSpan.FromHours(1), result.CurrentBurnRateWindow);
        Assert.Equal(AsOf.AddDays(3.2), result.ProjectedExhaustion!.Value, TimeSpan.FromSeconds(1));
        Assert.Contains("40 % of the error budget remains (60 of 100 bad events allowed)", result.Reason, StringComparison.Ordinal);
        Assert.Contains("exhausted in 3.2 days", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HandComputedDay_BurnsDownOnePointPerSnapshot()
    {
        var slo = SloDefinition.Availability("checkout", 0.99, TimeSpan.FromDays(1));

        var burnDown = Evaluator.Evaluate(slo, DayOfRequests()).BurnDown;

        Assert.Equal(10, burnDown.Count);
        Assert.Equal(0.9875, burnDown[0].RemainingFraction, 9); // 1 - 1.25 / 100
        Assert.Equal(AsOf.AddHours(-6), burnDown[3].Timestamp);
        Assert.Equal(28.75, burnDown[3].Consumed, 9);           // 3 x 1.25 + 25
        Assert.Equal(0.7125, burnDown[3].RemainingFraction, 9);
        Assert.Equal(0.4, burnDown[^1].RemainingFraction, 9);
    }

    [Fact]
    public void Evaluate_HandComputedDay_ListsTheSpikeAsOneViolation()
    {
        var slo = SloDefinition.Availability("checkout", 0.99, TimeSpan.FromDays(1));

        var result = Evaluator.Evaluate(slo, DayOfRequests());

        var violation = Assert.Single(result.Violations);
        Assert.Equal(1, result.ViolationCount);
        Assert.Equal(AsOf.AddHours(-6), violation.Start);
        Assert.Equal(AsOf.AddHours(-5), violation.End);
        Assert.Equal(2, violation.Snapshots);
        Assert.Equal(50, violation.BadEvents, 9);
        Assert.Equal(0.975, violation.WorstValue, 9);  // availability 97.5 % < 99 %
        Assert.Equal(2.5, violation.Exceedance, 6);    // 2.5 % errors / 1 % allowed
        Assert.Equal(AlertSeverity.Error, violation.Severity); // 2x <= 2.5x < 10x
        Assert.Contains("availability 97.5 % below 99 %", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ThirtyDaysHourly_ProjectsFromTheLastHour()
    {
        // 720 hourly snapshots of 1000 requests: the newest six fail 1 % (10 bad each), the other 714 0.05 % (0.5 each).
        var snapshots = Series(720, TimeSpan.FromHours(1), (age, t) => Requests(t, age < 6 ? 0.01 : 0.0005, 1000));
        var slo = SloDefinition.Availability("checkout", 0.999);

        var result = Evaluator.Evaluate(slo, snapshots, AsOf);

        Assert.Equal(720, result.Budget.Allowed, 6);              // 0.1 % x 720,000
        Assert.Equal(417, result.Budget.Consumed, 6);             // 714 x 0.5 + 6 x 10
        Assert.Equal(1 - (417.0 / 720), result.Budget.RemainingFraction, 9); // 0.42083
        Assert.Equal(10, result.CurrentBurnRate!.Value, 6);      // 1 % / 0.1 %
        // 0.42083 x 720 h / 10 = 30.3 h
        Assert.Equal(AsOf.AddHours(30.3), result.ProjectedExhaustion!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(720, result.BurnDown.Count);
    }

    [Fact]
    public void Evaluate_NoErrors_IsNotBurning()
    {
        var result = Evaluator.Evaluate(SloDefinition.Availability("checkout", 0.999), Minutes(120, _ => 0));

        Assert.Equal(1, result.Compliance);
        Assert.Equal(0, result.CurrentBurnRate);
        Assert.Null(result.ProjectedExhaustion);
        Assert.Equal(1, result.Budget.RemainingFraction);
        Assert.Empty(result.Violations);
        Assert.Contains("not burning", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ErrorRateSlo_UsesErrorCountFallbackAndItsOwnViolationThreshold()
    {
        // error_count / request_count gives the rate; violations only above 5 %, the budget at 1 %.
        static MetricSnapshot Counts(DateTimeOffset t, double errors) => new(t, "test", new Dictionary<string, double>
        {
            [WellKnownMetrics.ErrorCount] = errors,
            [WellKnownMetrics.RequestCount] = 200,
        });
        var slo = SloDefinition.ErrorRate("errors", 0.99, maxErrorRate: 0.05, period: TimeSpan.FromDays(1));

        var result = Evaluator.Evaluate(slo, [Counts(AsOf.AddHours(-2), 4), Counts(AsOf.AddHours(-1), 12), Counts(AsOf, 2)]);

        Assert.Equal(18, result.BadEvents, 9);                    // 4 + 12 + 2
        Assert.Equal(6, result.Budget.Allowed, 9);                // 1 % x 600
        Assert.Equal(-2, result.Budget.RemainingFraction, 9);     // 1 - 18 / 6: overspent, 300 % used
        Assert.True(result.Budget.IsExhausted);
        Assert.Equal(AsOf.AddHours(-1), result.ExhaustedAt);      // 4 < 6, then 4 + 12 = 16 >= 6
        Assert.Null(result.ProjectedExhaustion);
        var violation = Assert.Single(result.Violations);         // 2 % is not above 5 %, 6 % is, 1 % is not
        Assert.Equal(0.06, violation.WorstValue, 9);
        Assert.Equal(AlertSeverity.Warning, violation.Severity);   // 6 % / 5 % = 1.2x
        Assert.False(result.IsMet);
        Assert.Contains("the error budget is overspent by 200 % (18 of 6 bad events allowed), exhausted since " + AsOf.AddHours(-1).ToString("O", System.Globalization.CultureInfo.InvariantCulture), result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LatencySlo_CountsBadSnapshots()
    {
        // p99 < 500 ms in 90 % of snapshots over a day. Ten one-minute snapshots, oldest first; 500 ms
        // is not under 500 ms, so 500, 600 and 1200 are bad: 3 of 10. One more snapshot has no p99.
        double[] p99 = [100, 200, 499.9, 500, 600, 1200, 300, 300, 300, 300];
        var snapshots = Series(10, TimeSpan.FromMinutes(1), (age, t) => Latency(t, p99[9 - age]))
            .Append(Requests(AsOf, 0, 100))
            .ToArray();
        var slo = SloDefinition.Latency("api", 0.9, 500, period: TimeSpan.FromDays(1));

        var result = Evaluator.Evaluate(slo, snapshots);

        Assert.Equal(10, result.Snapshots);
        Assert.Equal(1, result.SkippedSnapshots);
        Assert.Equal(10, result.TotalEvents);              // time-based: one event per snapshot
        Assert.Equal(3, result.BadEvents);
        Assert.Equal(0.7, result.Compliance!.Value, 9);    // 7 / 10
        Assert.False(result.IsMet);
        Assert.Equal(1, result.Budget.Allowed, 9);         // 10 % x 10 snapshots
        Assert.Equal(-2, result.Budget.RemainingFraction, 9); // 1 - 3 / 1
        Assert.Equal(AsOf.AddMinutes(-6), result.ExhaustedAt); // the 500 ms snapshot spends the one allowed
        Assert.Equal(3, result.CurrentBurnRate!.Value, 9); // 30 % bad / 10 % allowed
        Assert.Null(result.ProjectedExhaustion);           // already exhausted
        Assert.Contains("(3 of 1 bad snapshots allowed)", result.Reason, StringComparison.Ordinal);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(3, violation.Snapshots);
        Assert.Equal(AsOf.AddMinutes(-6), violation.Start);
        Assert.Equal(AsOf.AddMinutes(-4), violation.End);
        Assert.Equal(1200, violation.WorstValue);
        Assert.Equal(2.4, violation.Exceedance, 9);       // 1200 / 500
        Assert.Equal(AlertSeverity.Critical, violation.Severity); // >= 2x the threshold
        Assert.StartsWith("api: p99 latency 1200 ms at or above 500 ms in 3 snapshots from ", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ManyViolations_KeepsTheMostRecentAndCountsAll()
    {
        var evaluator = new SloEvaluator(new SloEvaluatorOptions { MaxViolations = 3 });
        // Every other minute fails 10 %: 30 separate one-snapshot violations in an hour.
        var snapshots = Minutes(60, age => age % 2 == 0 ? 0.1 : 0);

        var result = evaluator.Evaluate(SloDefinition.Availability("checkout", 0.999), snapshots);

        Assert.Equal(30, result.ViolationCount);
        Assert.Equal([AsOf.AddMinutes(-4), AsOf.AddMinutes(-2), AsOf], result.Violations.Select(static v => v.Start));
        Assert.All(result.Violations, static v => Assert.Equal(AlertSeverity.Critical, v.Severity)); // 10 % / 0.1 % = 100x
    }
}
