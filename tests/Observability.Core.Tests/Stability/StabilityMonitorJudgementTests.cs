namespace Observability.Core.Tests.Stability;

/// <summary>The stability monitor judges every tick with the pass's rules: its findings are published as alerts and counted per day.</summary>
public sealed class StabilityMonitorJudgementTests : IDisposable
{
    private readonly StabilityTestRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task RunAsync_ErrorsLateInTheDay_PublishedEveryTickCountedOnceWhenTheyStart()
    {
        // A day of 30-minute ticks (collector calls count from 1); from call 39 (19:00) on, 10 % of requests fail: critical, and availability breaks its SLO.
        var source = StabilityTestRun.Source((call, window) => call >= 39
            ? CollectionResult.Success("test", [new MetricSnapshot(StabilityTestRun.TickOf(window), "test", new Dictionary<string, double>
            {
                [WellKnownMetrics.ErrorRate] = 0.10,
                [WellKnownMetrics.RequestCount] = 1000,
                [WellKnownMetrics.LatencyP99] = 300,
            })])
            : null);
        var publisher = new RecordingPublisher();
        var options = _run.Options(o =>
        {
            o.Duration = TimeSpan.FromDays(1);
            o.ServiceName = "checkout";
        });

        var result = await _run.RunAsync(source, options, alerts: publisher);

        // Every tick publishes what fires at it (the pipeline deduplicates repeats); healthy ticks publish nothing that fires.
        Assert.Equal(48, publisher.Batches.Count);
        Assert.All(publisher.Batches.Take(38), b => Assert.Empty(b));
        Assert.All(publisher.Batches.Skip(38), b => Assert.Contains(b, a => a.Rule == RuleCatalogue.ErrorRateCritical && a.Severity == AlertSeverity.Critical));
        Assert.All(publisher.Batches.SelectMany(static b => b), a => Assert.Equal("checkout", a.Labels[AlertLabels.Service]));

        // Counted once, when it started firing, on its day; the hours it fired are not alert-free (19:00-23:30 touches 5 hours).
        var day = Assert.Single(result.Days).Summary;
        Assert.True(day.Alerts.Critical >= 2, $"counted {day.Alerts.Critical} critical"); // the error rate, then the sustained health breaker
        Assert.Equal(1, result.Findings.Count(f => f.Rule == RuleCatalogue.ErrorRateCritical));
        Assert.Equal(19, day.Alerts.AlertFreeHours);
        Assert.NotNull(result.Weekly);
        Assert.Equal(day.Alerts.Critical, result.Weekly.Alerts.Critical);
    }

    [Fact]
    public async Task RunAsync_168HoursStartingAtNoon_WritesSevenDaysByElapsedHours()
    {
        // Days are counted by elapsed hours from the start (the spec: day = elapsed hours / 24 + 1), not by UTC calendar date:
        // a week that starts at noon spans 8 calendar dates but has 7 days.
        _run.Time.Advance(TimeSpan.FromHours(12));

        var result = await _run.RunAsync(StabilityTestRun.Source(), _run.Options(o => o.Duration = TimeSpan.FromHours(168)));

        Assert.Equal(7, result.Days.Count);
        Assert.All(result.Days, d => Assert.Equal(48, d.Summary.Completeness.Actual));
        Assert.Equal(new DateTimeOffset(2025, 11, 22, 12, 0, 0, TimeSpan.Zero), result.Days[0].Summary.Start);
        Assert.Equal(new DateTimeOffset(2025, 11, 28, 12, 0, 0, TimeSpan.Zero), result.Days[6].Summary.Start);
        Assert.Equal(7, Directory.GetFiles(_run.Output, "day_*_summary.json").Length);
        Assert.False(File.Exists(Path.Combine(_run.Output, "day_08_summary.json")));
    }

    private sealed class RecordingPublisher : IAlertPublisher
    {
        public List<IReadOnlyList<Alert>> Batches { get; } = [];

        public Task<AlertPublishResult> PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        {
            Batches.Add(alerts);
            return Task.FromResult(new AlertPublishResult { Raised = alerts });
        }

        public Task<bool> FlushAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
    }
}
