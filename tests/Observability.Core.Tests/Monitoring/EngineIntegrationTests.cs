using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;

namespace Observability.Core.Tests.Monitoring;

/// <summary>The detection and scoring engine as the monitoring pass uses it.</summary>
public sealed class EngineIntegrationTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    private static IReadOnlyList<MetricSnapshot> Day(Func<int, DateTimeOffset, MetricSnapshot> create)
        => TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-24), Interval, 48, create);

    private static MetricSnapshot With(MetricSnapshot snapshot, params (string Name, double Value)[] extra)
        => new(snapshot.Timestamp, snapshot.Source, snapshot.Metrics.Concat(extra.Select(static e => KeyValuePair.Create(e.Name, e.Value))));

    [Fact]
    public async Task RunOnceAsync_HealthySeries_ReportsBothSlosWithTheirBudgetsUntouchedByBurn()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((_, t) => TestSnapshots.Service(t)));

        var report = (await harness.Monitor.RunOnceAsync()).Report;

        Assert.Equal(["availability", "latency_p99"], report.Slos.Select(s => s.Name));
        var latency = report.Slos[1];
        // Every p99 (320 ms) is under 500 ms: 48 of 48 good snapshots, nothing burnt.
        Assert.Equal(1, latency.Compliance);
        Assert.Equal(1, latency.BudgetRemaining);
        Assert.Empty(latency.FiringRules);
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("slo_burn_rate_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_OnePercentErrorsForSixHours_PagesOnTheBurnRateAndHolds()
    {
        await using var harness = ObservabilityTestHarness.Create();
        // The last 12 snapshots (6 h) fail 1 %: burn rate 0.01 / 0.001 = 10x over 6 h and over the last 30 min,
        // at or above the 30-day 6h/30m page threshold of 6x, with 12 x 60 = 720 jobs (> 100) in the long window.
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 36 ? 0.01 : 0)));

        var result = await harness.Monitor.RunOnceAsync();

        var burn = Assert.Single(result.Report.Findings, f => f.Rule == "slo_burn_rate_availability");
        Assert.Equal(AlertSeverity.Critical, burn.Severity);
        Assert.Equal(6, burn.Threshold!.Value, 6);
        Assert.Equal(10, burn.Observed!.Value, 6);
        Assert.Equal(Decision.Hold, result.Verdict.Decision);
        Assert.Contains(result.Verdict.Reasons, r => r.Rule == "slo_burn_rate_availability");
        Assert.Contains("burn_rate_6h_30m", result.Report.Slos[0].FiringRules);
    }

    [Fact]
    public async Task RunOnceAsync_ConnectivityFailuresAtTheLimit_RollBack()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => With(TestSnapshots.Service(t), (WellKnownMetrics.ConnectivityFailures, i == 47 ? 3 : 0))));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Rollback, result.Verdict.Decision);
        Assert.Equal("rollback_processor_connectivity", result.Verdict.Reasons[0].Rule);
    }

    [Fact]
    public async Task RunOnceAsync_TwoConnectivityFailures_HoldWithoutASecondAlert()
    {
        await using var harness = ObservabilityTestHarness.Create(o => o.Alerts.Enabled = true);
        harness.Collector.Add(Day((i, t) => With(TestSnapshots.Service(t), (WellKnownMetrics.ConnectivityFailures, i == 47 ? 2 : 0))));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Hold, result.Verdict.Decision);
        Assert.Contains(result.Verdict.Reasons, r => r.Rule == "rollback_processor_connectivity_pending");
        Assert.True(await harness.Services.GetRequiredService<IAlertPublisher>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));
        Assert.DoesNotContain(harness.Sink.Alerts, a => a.Rule == "rollback_processor_connectivity_pending");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(800.0, false)] // 800 is not above 800
    [InlineData(799.0, true)]
    public async Task RunOnceAsync_QueueBacklog_RollsBackOnlyAboveItsLimit(double? limit, bool rollsBack)
    {
        await using var harness = ObservabilityTestHarness.Create(o => o.Thresholds.QueueBacklogLimit = limit);
        harness.Collector.Add(Day((i, t) => With(TestSnapshots.Service(t), (WellKnownMetrics.QueueBacklog, i == 47 ? 800 : 10))));

        var result = await harness.Monitor.RunOnceAsync();

        // Below the limit the backlog jump is still a regression symptom (a hold), never a rollback.
        Assert.Equal(rollsBack ? Decision.Rollback : Decision.Hold, result.Verdict.Decision);
        Assert.Equal(rollsBack, result.Report.Findings.Any(f => f.Rule == "rollback_queue_backlog"));
    }

    [Fact]
    public async Task RunOnceAsync_OneRegionDriftsMoreThan100Ms_CostsFivePoints()
    {
        await using var harness = ObservabilityTestHarness.Create();
        // eu-west-1 p95 150 -> 260 ms (+110 ms > 100 ms); us-east-1 stays at 150 ms.
        harness.Collector.Add(Day((i, t) => With(
            TestSnapshots.Service(t),
            (WellKnownMetrics.ForRegion(WellKnownMetrics.LatencyP95, "eu-west-1"), i >= 44 ? 260 : 150),
            (WellKnownMetrics.ForRegion(WellKnownMetrics.LatencyP95, "us-east-1"), 150))));

        var health = (await harness.Monitor.RunOnceAsync()).Report.Health;

        var drift = Assert.Single(health.Components, c => c.Name == "regional_latency_drift");
        Assert.Equal(-5, drift.Points);
        Assert.Contains("Region eu-west-1's p95 moved 110 ms from its baseline (150 -> 260 ms)", drift.Detail, StringComparison.Ordinal);
        // 100 - 0 SLO violations - 20 x 0.04 error-rate points - 5 = 94.2
        Assert.Equal(94.2, health.Value, 6);
    }

    [Fact]
    public async Task RunOnceAsync_RegionWithinItsDriftLimit_CostsNothing()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => With(
            TestSnapshots.Service(t),
            (WellKnownMetrics.ForRegion(WellKnownMetrics.LatencyP95, "eu-west-1"), i >= 44 ? 250 : 150))));

        var health = (await harness.Monitor.RunOnceAsync()).Report.Health;

        Assert.Equal(0, Assert.Single(health.Components, c => c.Name == "regional_latency_drift").Points);
    }

    [Fact]
    public async Task RunOnceAsync_LatencySpikeAfterAFlatDay_IsReportedAsAnAnomaly()
    {
        await using var harness = ObservabilityTestHarness.Create();
        // p95 is 0.55 x p99: 176 ms all day, then 495 ms in the newest snapshot.
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, latencyP99Ms: i == 47 ? 900 : 320)));

        var report = (await harness.Monitor.RunOnceAsync()).Report;

        var anomaly = Assert.Single(report.Findings, f => f.Rule == "anomaly_latency_p95");
        Assert.Equal(AlertSeverity.Info, anomaly.Severity);
        Assert.Equal(495, anomaly.Observed!.Value, 6);
        Assert.Equal(176, anomaly.Threshold!.Value, 6);
        Assert.DoesNotContain(report.Findings, f => f.Rule == "anomaly_error_rate");
    }

    [Fact]
    public async Task RunOnceAsync_LatencyAndCpuUpAfterTheRelease_ClassifiesAPerformanceRegression()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => i >= 44
            ? With(TestSnapshots.Service(t, latencyP99Ms: 480), (WellKnownMetrics.CpuUtilization, 0.80))
            : TestSnapshots.Service(t)));

        var report = (await harness.Monitor.RunOnceAsync()).Report;

        var finding = Assert.Single(report.Findings, f => f.Rule == "regression_performance");
        var component = Assert.Single(report.Health.Components, c => c.Name == "regression");
        Assert.Equal(-10 * finding.Observed!.Value, component.Points, 6);
        Assert.Equal(Decision.Hold, report.Verdict.Decision);
    }

    [Fact]
    public async Task RunOnceAsync_RegressionWithErrors_IsTheRootCauseOfTheErrorRateAlertOnly()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => i >= 44
            ? With(TestSnapshots.Service(t, errorRate: 0.08, latencyP99Ms: 480), (WellKnownMetrics.CpuUtilization, 0.80))
            : TestSnapshots.Service(t)));

        var report = (await harness.Monitor.RunOnceAsync()).Report;

        var regression = Assert.Single(report.Findings, f => f.Rule.StartsWith("regression_", StringComparison.Ordinal));
        var errorRate = Assert.Single(report.Alerts, a => a.Rule == "error_rate_critical");
        Assert.Equal(regression.Message, errorRate.RootCause);
        Assert.Null(Assert.Single(report.Alerts, a => a.Rule == regression.Rule).RootCause); // not its own cause
    }

    [Fact]
    public async Task RunOnceAsync_QuietHoursOfAHealthyService_AreNoRegression()
    {
        await using var harness = ObservabilityTestHarness.Create();
        // Night traffic: the last 2 h carry 15 jobs a snapshot against 60 before (-75 %), all else steady.
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, jobs: i >= 44 ? 15 : 60)));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        Assert.DoesNotContain(result.Report.Findings, f => f.Rule.StartsWith("regression_", StringComparison.Ordinal));
    }
}
