using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;

namespace Observability.Core.Tests.Monitoring;

public sealed class HealthMonitorTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    // 48 half-hourly snapshots ending just before the harness clock; the last four are the
    // default 2-hour evaluation window.
    private static IReadOnlyList<MetricSnapshot> Day(Func<int, DateTimeOffset, MetricSnapshot> create)
        => TestSnapshots.Series(ObservabilityTestHarness.DefaultStart.AddHours(-24), Interval, 48, create);

    [Fact]
    public async Task RunOnceAsync_HealthySeries_ProceedsWithoutAlerts()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((_, t) => TestSnapshots.Service(t)));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        Assert.Empty(result.Verdict.Reasons);
        Assert.Equal(HealthStatus.Healthy, result.Report.Health.Status);
        Assert.Equal("A", result.Report.Stability.Grade);
        Assert.Empty(harness.Sink.Alerts);
        var window = Assert.Single(harness.Collector.Requests);
        Assert.Equal(harness.Time.GetUtcNow(), window.End);
        Assert.Equal(TimeSpan.FromHours(24), window.Duration);
        Assert.Equal(48, result.Report.DataQuality.Usable);
    }

    [Fact]
    public async Task RunOnceAsync_CriticalErrorRateInEvaluationWindow_RollsBackAndAlerts()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.08 : 0.0004)));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.Rollback, result.Verdict.Decision);
        Assert.Contains(result.Verdict.Reasons, r => r.Rule == "error_rate_critical" && Math.Abs(r.Observed!.Value - 0.08) < 1e-9);
        var alert = Assert.Single(harness.Sink.Alerts, a => a.Rule == "error_rate_critical");
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(64, alert.Fingerprint!.Length);
        Assert.DoesNotContain("8", alert.Title, StringComparison.Ordinal); // titles carry no measured numbers
        Assert.Equal("test-service", alert.Labels[AlertLabels.Service]);
        Assert.Equal(result.Report.TraceId, alert.TraceId);
    }

    [Fact]
    public async Task RunOnceAsync_WarningErrorRateNotYetSustained_HoldsRatherThanRollsBack()
    {
        await using var harness = ObservabilityTestHarness.Create();
        // Only the newest snapshot fails: (3 x 0.04 % + 10 %) / 4 = 2.53 % over the window, a warning
        // (not above 5 %). Its own health is 0, but it has been low for 0 of the 30 minutes.
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i == 47 ? 0.10 : 0.0004)));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.Hold, result.Verdict.Decision);
        Assert.Contains(result.Verdict.Reasons, r => r.Rule == "error_rate_warning");
        Assert.Contains(result.Verdict.Reasons, r => r.Rule == "rollback_health_pending");
        Assert.DoesNotContain(result.Verdict.Reasons, r => r.Rule is "error_rate_critical" or "rollback_health_sustained");
        Assert.DoesNotContain(harness.Sink.Alerts, a => a.Rule == "rollback_health_pending");
    }

    [Fact]
    public async Task RunOnceAsync_WarningErrorRateSustained_RollsBackOnHealth()
    {
        await using var harness = ObservabilityTestHarness.Create();
        // 3 % in all four snapshots of the window: each scores 100 - 60 - 2 (availability 97 % < 99.9 %) = 38,
        // below 50 from 10:30 to 12:00, 90 minutes >= 30: the breaker trips though 3 % is under the 5 % maximum.
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.03 : 0.0004)));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.Rollback, result.Verdict.Decision);
        Assert.Equal("rollback_health_sustained", result.Verdict.Reasons[0].Rule);
        Assert.Contains(result.Verdict.Reasons, r => r.Rule == "error_rate_warning");
        Assert.DoesNotContain(result.Verdict.Reasons, r => r.Rule == "error_rate_critical");
    }

    [Fact]
    public async Task RunOnceAsync_ErrorRateBelowMinimumVolume_DoesNotCount()
    {
        await using var harness = ObservabilityTestHarness.Create();
        // A jobs-only source (a CI pipeline: no requests): two jobs per snapshot, 8 jobs in the evaluation window,
        // not more than the minimum of 10, so a 50 % failure rate is not evidence. The error rate's own denominator is jobs here.
        harness.Collector.Add(Day((i, t) => new MetricSnapshot(t, "ci", new Dictionary<string, double>
        {
            [WellKnownMetrics.ErrorRate] = i >= 44 ? 0.5 : 0.0004,
            [WellKnownMetrics.JobCount] = i >= 44 ? 2 : 60,
            [WellKnownMetrics.LatencyP99] = 320,
        })));

        var result = await RunAndFlushAsync(harness);

        Assert.NotEqual(Decision.Rollback, result.Verdict.Decision);
        var lowVolume = Assert.Single(result.Report.Findings, f => f.Rule == "error_rate_low_volume" && f.Severity == AlertSeverity.Info);
        Assert.Contains("8 jobs is not more than the minimum of 10", lowVolume.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Sink.Alerts, a => a.Rule.StartsWith("error_rate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_TransientQuietSourceInHistory_IsAGapNotAnOutage()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => i is 20 or 21 ? TestSnapshots.Quiet(t) : TestSnapshots.Service(t)));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        var gap = Assert.Single(result.Report.DataQuality.Gaps);
        Assert.Equal(2, gap.Snapshots);
        Assert.Equal(SignalCategories.CollectEmptySource, gap.Category);
        Assert.False(gap.Persistent);
        Assert.Equal(46, result.Report.DataQuality.Usable);
        Assert.Equal(1.0, result.Report.Stability.AvailabilityCompliance); // the quiet snapshots are not counted as downtime
        Assert.Empty(harness.Sink.Alerts); // an old gap is reported, not alerted
    }

    [Fact]
    public async Task RunOnceAsync_SourceQuietForWholeEvaluationWindow_IsNoDataNeverRollback()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => i >= 44 ? TestSnapshots.Quiet(t) : TestSnapshots.Service(t)));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.NoData, result.Verdict.Decision);
        Assert.Equal(HealthStatus.Unknown, result.Report.Health.Status);
        var gap = Assert.Single(result.Report.DataQuality.Gaps);
        Assert.True(gap.Persistent); // 4 quiet snapshots >= 3
        Assert.Contains(harness.Sink.Alerts, a => a.Rule == "data_gap_persistent" && a.Severity == AlertSeverity.Error);
        Assert.DoesNotContain(harness.Sink.Alerts, a => a.Severity == AlertSeverity.Critical);
    }

    [Fact]
    public async Task RunOnceAsync_ShortGapInsideEvaluationWindow_RaisesLowSeverityAlertAndJudgesTheRest()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => i == 46 ? TestSnapshots.Quiet(t) : TestSnapshots.Service(t)));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        var alert = Assert.Single(harness.Sink.Alerts);
        Assert.Equal("data_gap_transient", alert.Rule);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
    }

    [Fact]
    public async Task RunOnceAsync_SameConditionTwiceWithinRepeatInterval_AlertsOnce()
    {
        // A 5-minute repeat interval (the default is 4 hours) so that the third pass falls after it.
        await using var harness = ObservabilityTestHarness.Create(o => o.Alerts.RepeatInterval = TimeSpan.FromMinutes(5));
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.08 : 0.0004)));

        var first = await RunAndFlushAsync(harness);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var second = await RunAndFlushAsync(harness);

        Assert.NotEmpty(first.Report.Alerts);
        Assert.Empty(second.Report.Alerts);
        Assert.Equal(first.Report.Alerts.Count, second.SuppressedAlerts);
        Assert.Single(harness.Sink.Deliveries);
        Assert.NotEqual(first.Report.TraceId, second.Report.TraceId);

        harness.Time.Advance(TimeSpan.FromMinutes(4)); // 6 minutes after the first: the repeat interval has passed
        var third = await RunAndFlushAsync(harness);
        Assert.Equal(Decision.Rollback, third.Verdict.Decision);
        Assert.Equal(2, harness.Sink.Deliveries.Count);
    }

    [Fact]
    public async Task RunOnceAsync_ConditionClears_SendsOneResolvedNotificationPerNotifiedAlert()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.08 : 0.0004)));

        var failing = await RunAndFlushAsync(harness);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        harness.Collector.EnqueueResult(CollectionResult.Success("scripted", Day((_, t) => TestSnapshots.Service(t))));
        var healthy = await RunAndFlushAsync(harness);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        harness.Collector.EnqueueResult(CollectionResult.Success("scripted", Day((_, t) => TestSnapshots.Service(t))));
        var stillHealthy = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.Proceed, healthy.Verdict.Decision);
        var notified = failing.Report.Alerts.Select(static a => a.Fingerprint).Order().ToArray();
        Assert.NotEmpty(notified);
        var resolved = harness.Sink.Alerts.Where(static a => a.Status == AlertStatus.Resolved).ToArray();
        Assert.Equal(notified, resolved.Select(static a => a.Fingerprint).Order());
        Assert.All(resolved, a => Assert.Equal(ObservabilityTestHarness.DefaultStart + TimeSpan.FromMinutes(2), a.EndsAt));
        Assert.Empty(stillHealthy.Report.Alerts); // resolved once, not on every healthy pass
    }

    [Fact]
    public async Task RunOnceAsync_CollectorWarnings_ReachTheReportRedacted()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.EnqueueResult(CollectionResult.Success("scripted", Day((_, t) => TestSnapshots.Service(t)))
            .WithWarnings(["query 'error_rate': PromQL info: metric might not be a counter", "token=tok-warning-1234567 was refused"]));

        var result = await RunAndFlushAsync(harness);

        var summary = Assert.Single(result.Report.Collections);
        Assert.Equal("query 'error_rate': PromQL info: metric might not be a counter", summary.Warnings[0]);
        Assert.Equal("token=***4567 was refused", summary.Warnings[1]);
    }

    [Fact]
    public async Task RunOnceAsync_AlertsDisabled_ReportsAlertsButSendsNothing()
    {
        await using var harness = ObservabilityTestHarness.Create(o => o.Alerts.Enabled = false);
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.08 : 0.0004)));

        var result = await RunAndFlushAsync(harness);

        Assert.Contains(result.Report.Alerts, a => a.Rule == "error_rate_critical");
        Assert.Empty(result.Deliveries);
        Assert.Empty(harness.Sink.Alerts);
    }

    [Fact]
    public async Task RunOnceAsync_FirstCollectorThrows_FallsBackToTheNextWithoutLeakingSecrets()
    {
        var backup = new ScriptedCollector("backup");
        await using var harness = ObservabilityTestHarness.Create(build: b => b.AddCollector(backup));
        harness.Collector.EnqueueException(new HttpRequestException("GET https://metrics?api_key=sk_live_abcdef123456 failed"));
        backup.Add(Day((_, t) => TestSnapshots.Service(t)));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        Assert.Equal(2, result.Report.Collections.Count);
        var failed = result.Report.Collections[0];
        Assert.Equal(CollectionStatus.Failed, failed.Status);
        Assert.False(failed.Used);
        Assert.DoesNotContain(failed.Errors, e => e.Contains("sk_live_abcdef", StringComparison.Ordinal));
        Assert.Contains(failed.Errors, e => e.Contains("HttpRequestException", StringComparison.Ordinal));
        Assert.True(result.Report.Collections[1].Used);
        Assert.Contains(result.Report.Findings, f => f.Rule == "collector_failed");
    }

    [Fact]
    public async Task RunOnceAsync_EveryCollectorFails_NoDataVerdict()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.EnqueueResult(CollectionResult.Failed("scripted", new CollectionError(CollectionErrorKind.Unreachable, "connection refused")));

        var result = await RunAndFlushAsync(harness);

        Assert.Equal(Decision.NoData, result.Verdict.Decision);
        Assert.Contains(result.Verdict.Reasons, r => r.Rule == "no_usable_data");
        Assert.Equal(0, result.Report.DataQuality.Total);
    }

    [Fact]
    public async Task RunOnceAsync_SinkThrows_PassCompletesWithTheAlertQueued()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.08 : 0.0004)));
        harness.Sink.ThrowNext(new InvalidOperationException("webhook https://hooks.example/token=abcdefgh99 is down"));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Rollback, result.Verdict.Decision);
        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(DeliveryStatus.Queued, delivery.Status); // the pass never waits for a sink
        using var shortWait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        Assert.False(await harness.Services.GetRequiredService<IAlertPublisher>().FlushAsync(shortWait.Token)); // the retry waits on the fake clock
        Assert.Single(harness.Sink.AttemptTimes); // the throwing attempt was made, and the alert is still queued
    }

    [Fact]
    public async Task RunOnceAsync_SecretInFindingContext_NeverReachesSink()
    {
        await using var harness = ObservabilityTestHarness.Create(o => o.ServiceName = "checkout password=hunter2secret");
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.08 : 0.0004)));

        await RunAndFlushAsync(harness);

        Assert.NotEmpty(harness.Sink.Alerts);
        Assert.All(harness.Sink.Alerts, a =>
        {
            Assert.DoesNotContain("hunter2secret", a.Title, StringComparison.Ordinal);
            Assert.DoesNotContain(a.Labels.Values, v => v.Contains("hunter2secret", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task RunOnceAsync_Cancelled_Throws()
    {
        await using var harness = ObservabilityTestHarness.Create();
        harness.Collector.Add(Day((_, t) => TestSnapshots.Service(t)));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Monitor.RunOnceAsync(cts.Token));
    }

    [Fact]
    public async Task RunOnceAsync_ExplicitWindow_JudgesOnlyThatWindow()
    {
        await using var harness = ObservabilityTestHarness.Create();
        // Bad at the end of the day, healthy before: a window that ends at noon sees no problem.
        harness.Collector.Add(Day((i, t) => TestSnapshots.Service(t, errorRate: i >= 44 ? 0.08 : 0.0004)));
        var noon = ObservabilityTestHarness.DefaultStart.AddHours(-12);

        var result = await harness.Monitor.RunOnceAsync(CollectionWindow.Ending(noon, TimeSpan.FromHours(12)), CancellationToken.None);

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        Assert.Equal(24, result.Report.DataQuality.Total);
        Assert.Equal(noon, result.Report.EvaluationWindow.End);
    }

    [Fact]
    public async Task RunOnceAsync_WithReporters_WritesJsonAndMarkdown()
    {
        var directory = Path.Combine(Path.GetTempPath(), "obs-monitor-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var harness = ObservabilityTestHarness.Create(
                o => o.Reports.OutputDirectory = directory,
                b => b.AddJsonReporter().AddMarkdownReporter());
            harness.Collector.Add(Day((_, t) => TestSnapshots.Service(t)));

            var result = await RunAndFlushAsync(harness);

            Assert.Equal(2, result.Reports.Count);
            Assert.All(result.Reports, r => Assert.True(r.Succeeded && File.Exists(r.Path), r.Error));
            Assert.Contains("proceed", await File.ReadAllTextAsync(Path.Combine(directory, "health-report.json")), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>A pass, then the alerts it queued delivered (the pass itself never waits for a sink).</summary>
    private static async Task<MonitoringPassResult> RunAndFlushAsync(ObservabilityTestHarness harness)
    {
        var result = await harness.Monitor.RunOnceAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await harness.Services.GetRequiredService<IAlertPublisher>().FlushAsync(bound.Token));
        return result;
    }
}
