using static Observability.Core.Tests.Slo.SloTestData;

namespace Observability.Core.Tests.Slo;

public sealed class SloEvaluatorBudgetTests
{
    private static readonly SloEvaluator Evaluator = new();

    // Availability 99 % over one day; ten hourly snapshots of 1000 requests. Ages 6 and 5 fail 2.5 %
    // (25 bad each), the other eight 0.125 % (1.25 bad each): 50 + 10 = 60 bad of 10,000 events.
    private static MetricSnapshot[] DayOfRequests()
        => Series(10, TimeSpan.FromHours(1), (age, t) => Requests(t, age is 5 or 6 ? 0.025 : 0.00125, 1000));

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
    public void Evaluate_EmptyInputWithAsOf_ReturnsAClearResult()
    {
        var result = Evaluator.Evaluate(SloDefinition.Availability("checkout", 0.999), [], AsOf);

        Assert.Equal(AsOf, result.AsOf);
        Assert.Equal(0, result.Snapshots);
        Assert.Equal(0, result.TotalEvents);
        Assert.Null(result.Compliance);
        Assert.Null(result.IsMet);
        Assert.Equal(0, result.Budget.Allowed);
        Assert.Equal(1, result.Budget.RemainingFraction); // untouched, no 0 / 0
        Assert.Null(result.CurrentBurnRate);
        Assert.Null(result.ProjectedExhaustion);
        Assert.Empty(result.BurnDown);
        Assert.Empty(result.FiringAlerts);
        Assert.All(result.BurnRateAlerts, static a => Assert.Equal(BurnRateAlertStatus.NoData, a.Status));
        Assert.Contains("nothing to judge", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EmptyInputWithoutAsOf_SaysThereIsNoTime()
    {
        var result = Evaluator.Evaluate(SloDefinition.Availability("checkout", 0.999), []);

        Assert.Null(result.AsOf);
        Assert.Null(result.Compliance);
        Assert.Empty(result.BurnRateAlerts);
        Assert.Equal("checkout: no snapshots and no as-of time, nothing to evaluate; the error budget is untouched.", result.Reason);
    }

    [Fact]
    public void Evaluate_SnapshotsWithoutTheMetricOrVolume_AreSkippedAndCounted()
    {
        MetricSnapshot[] snapshots =
        [
            Requests(AsOf.AddMinutes(-3), 0.01, 100),
            new(AsOf.AddMinutes(-2), "test", new Dictionary<string, double> { [WellKnownMetrics.ErrorRate] = 0.5 }), // no volume
            new(AsOf.AddMinutes(-1), "test", new Dictionary<string, double> { [WellKnownMetrics.RequestCount] = 100 }), // no rate
            new(AsOf, "test", new Dictionary<string, double> { [WellKnownMetrics.ErrorRate] = 0.5, [WellKnownMetrics.RequestCount] = 100 }, DataQuality.Failed("timeout")),
            Requests(AsOf, 1.5, 100), // not a ratio
        ];

        var result = Evaluator.Evaluate(SloDefinition.ErrorRate("errors", 0.99), snapshots);

        Assert.Equal(1, result.Snapshots);
        Assert.Equal(4, result.SkippedSnapshots);
        Assert.Equal(1, result.BadEvents, 9); // only the first: 1 % of 100
        Assert.Contains("4 snapshot(s) skipped", result.Reason, StringComparison.Ordinal);
        Assert.Contains("error_rate and a volume", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OnlySkippedSnapshots_HasNoEventsAndSaysWhy()
    {
        var result = Evaluator.Evaluate(SloDefinition.Latency("api", 0.99, 500), [Requests(AsOf, 0.01, 100)]);

        Assert.Equal(0, result.Snapshots);
        Assert.Equal(1, result.SkippedSnapshots);
        Assert.Null(result.Compliance);
        Assert.Contains("1 snapshot(s) skipped: unusable, or latency_p99_ms missing or invalid.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SnapshotsOutsideThePeriod_AreIgnoredAndCounted()
    {
        var slo = SloDefinition.Availability("checkout", 0.999, TimeSpan.FromDays(1));
        MetricSnapshot[] snapshots =
        [
            Requests(AsOf.AddDays(-1), 0.5, 100),          // at the exclusive start
            Requests(AsOf.AddDays(-1).AddTicks(1), 0, 100), // just inside
            Requests(AsOf, 0, 100),                         // at the inclusive end
            Requests(AsOf.AddMinutes(1), 0.5, 100),         // after as-of
        ];

        var result = Evaluator.Evaluate(slo, snapshots, AsOf);

        Assert.Equal(2, result.Snapshots);
        Assert.Equal(2, result.OutsidePeriodSnapshots);
        Assert.Equal(0, result.BadEvents);
    }

    [Fact]
    public void Evaluate_ShuffledInput_GivesTheSameResultAsSorted()
    {
        var sorted = Series(720, TimeSpan.FromHours(1), (age, t) => Requests(t, age % 7 == 0 ? 0.01 : 0.0005, 1000 + age));
        var shuffled = sorted.OrderBy(static s => s.Timestamp.Ticks % 13).ToArray();
        var slo = SloDefinition.Availability("checkout", 0.999);

        var a = Evaluator.Evaluate(slo, sorted);
        var b = Evaluator.Evaluate(slo, shuffled);

        Assert.Equal(a.Budget.Consumed, b.Budget.Consumed, 6);
        Assert.Equal(a.ViolationCount, b.ViolationCount);
        Assert.Equal(a.BurnDown.Select(static p => p.Timestamp), b.BurnDown.Select(static p => p.Timestamp));
        Assert.Equal(a.BurnRateAlerts.Select(static x => x.Status), b.BurnRateAlerts.Select(static x => x.Status));
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

    [Fact]
    public void Evaluate_VolumePrefersJobsOverRequests()
    {
        // TestSnapshots.Service: 60 jobs and 2400 requests; the library counts jobs when it has them.
        var snapshot = Observability.Testing.TestSnapshots.Service(AsOf, errorRate: 0.05, jobs: 60);

        var result = Evaluator.Evaluate(SloDefinition.Availability("jobs", 0.99), [snapshot]);

        Assert.Equal(60, result.TotalEvents);
        Assert.Equal(3, result.BadEvents, 9); // 5 % of 60
    }

    [Fact]
    public void Constructor_BadOptions_ListsEveryProblem()
    {
        var options = new SloEvaluatorOptions { Policy = null!, MaxBurnDownPoints = 0, MaxViolations = -1, CurrentBurnRateWindow = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => new SloEvaluator(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Policy is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBurnDownPoints must be at least 1 (was 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxViolations must not be negative (was -1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("CurrentBurnRateWindow must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NullArguments_Throw()
    {
        Assert.Equal("slo", Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(null!, [])).ParamName);
        Assert.Equal("snapshots", Assert.Throws<ArgumentNullException>(() => Evaluator.Evaluate(SloDefinition.Availability("a", 0.9), null!)).ParamName);
        var nullItem = Assert.Throws<ArgumentException>(() => Evaluator.Evaluate(SloDefinition.Availability("a", 0.9), [Requests(AsOf, 0, 1), null!]));
        Assert.Contains("snapshot 1 is null", nullItem.Message, StringComparison.Ordinal);
    }
}
