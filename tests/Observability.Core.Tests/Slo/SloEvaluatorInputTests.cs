using static Observability.Core.Tests.Slo.SloTestData;

namespace Observability.Core.Tests.Slo;

public sealed class SloEvaluatorInputTests
{
    private static readonly SloEvaluator Evaluator = new();

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
    public void Evaluate_P95Slo_ReadsOnlyTheP95Metric()
    {
        var snapshots = Series(10, TimeSpan.FromMinutes(1), (_, t) => Latency(t, 900)); // p99 only

        var result = Evaluator.Evaluate(SloDefinition.Latency("api", 0.9, 500, 95), snapshots);

        Assert.Equal(0, result.Snapshots);
        Assert.Equal(10, result.SkippedSnapshots);
        Assert.Contains("latency_p95_ms missing or invalid", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_SerializesToJson()
    {
        var result = Evaluator.Evaluate(SloDefinition.Availability("checkout", 0.99, TimeSpan.FromDays(1)), DayOfRequests());

        var json = System.Text.Json.JsonSerializer.Serialize(result);

        Assert.Contains("\"Compliance\":0.994", json, StringComparison.Ordinal);
        Assert.Contains("\"Rule\":\"burn_rate_1h_5m\"", json, StringComparison.Ordinal);
        Assert.Contains("\"RemainingFraction\":0.4", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_VolumeIsTheErrorRatesOwnDenominator_RequestsNotJobs()
    {
        // TestSnapshots.Service: 60 jobs and 2400 requests; the error rate is a share of requests, so requests are the events.
        var snapshot = Observability.Testing.TestSnapshots.Service(AsOf, errorRate: 0.05, jobs: 60);

        var result = Evaluator.Evaluate(SloDefinition.Availability("requests", 0.99), [snapshot]);

        Assert.Equal(2400, result.TotalEvents);
        Assert.Equal(120, result.BadEvents, 9); // 5 % of 2400
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
