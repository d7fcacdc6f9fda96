using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Observability.Core.Tests.Stability;

public sealed class StabilityMonitorRunTests : IDisposable
{
    private readonly StabilityTestRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task RunAsync_SevenDaysAtThirtyMinutes_WritesRawSnapshotsDailyAndWeeklySummaries()
    {
        var result = await _run.RunAsync(StabilityTestRun.Source());

        // 168 h / 30 min = 336 ticks, 48 per UTC day from 2025-11-22 00:00 to 2025-11-28 23:30.
        Assert.False(result.Interrupted);
        Assert.Equal(336, result.TicksPlanned);
        Assert.Equal(336, result.TicksRun);
        Assert.Equal(0, result.TicksSkipped);
        Assert.Equal(StabilityTestRun.Start.AddDays(7), result.End);
        Assert.Equal(7, result.Days.Count);
        for (var day = 1; day <= 7; day++)
        {
            var raw = Path.Combine(_run.Output, $"day_{day:00}_raw");
            var files = Directory.GetFiles(raw).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(48, files.Length);
            var date = StabilityTestRun.Start.AddDays(day - 1);
            Assert.Equal($"snapshot_{date:yyyy-MM-dd}_00-00-00.json", files[0]);
            Assert.Equal($"snapshot_{date:yyyy-MM-dd}_23-30-00.json", files[^1]);
            Assert.True(File.Exists(Path.Combine(_run.Output, $"day_{day:00}_summary.json")));

            var summary = result.Days[day - 1];
            Assert.Equal(day, summary.Summary.DayNumber);
            Assert.Equal(48, summary.Summary.Completeness.Expected);
            Assert.Equal(48, summary.Summary.Completeness.Actual);
            Assert.Equal(100, summary.Summary.Completeness.Percent);
            Assert.False(summary.Partial);
        }

        Assert.Equal("snapshot_2025-11-22_00-00-00.json", Path.GetFileName(Directory.GetFiles(Path.Combine(_run.Output, "day_01_raw")).Order(StringComparer.Ordinal).First()));
        Assert.True(File.Exists(Path.Combine(_run.Output, "weekly_summary.json")));
        Assert.True(File.Exists(Path.Combine(_run.Output, "weekly_summary.md")));
        Assert.NotNull(result.Weekly);
        Assert.Equal(7, result.Weekly.Days);
        Assert.Empty(result.Weekly.RollbackReasons);
        Assert.Equal(9, result.Files.Count); // 7 days + weekly JSON + Markdown

        using var raw1 = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Output, "day_01_raw", "snapshot_2025-11-22_00-30-00.json")));
        Assert.Equal(0.9995, raw1.RootElement.GetProperty("metrics").GetProperty("availability").GetDouble());
        Assert.Equal("complete", raw1.RootElement.GetProperty("quality").GetString());
    }

    [Fact]
    public async Task RunAsync_DayBoundaryPasses_DayIsWrittenBeforeTheRunEnds()
    {
        var closedAtTick = new Dictionary<int, int>();
        await _run.RunAsync(StabilityTestRun.Source(), step: p =>
        {
            foreach (var day in p.DaysClosed)
            {
                closedAtTick[day.Summary.DayNumber] = p.Tick;
                Assert.True(File.Exists(day.SummaryPath));
            }

            return StabilityTestRun.Interval;
        });

        // Day 1 ends at 2025-11-23 00:00, the time of tick 49 (48 x 30 min after the start); day 7 closes with the run.
        Assert.Equal(49, closedAtTick[1]);
        Assert.Equal(289, closedAtTick[6]);
        Assert.False(closedAtTick.ContainsKey(7));
    }

    [Fact]
    public async Task RunAsync_ThreeIntervalsAtOnce_RunsOneTickAndWarnsTwoSkipped()
    {
        var logger = new FakeLogger<StabilityMonitor>();
        var result = await _run.RunAsync(
            StabilityTestRun.Source(),
            step: p => p.Tick == 10 ? StabilityTestRun.Interval * 3 : StabilityTestRun.Interval,
            logger: logger);

        // After tick 10 (04:30) the clock jumps to 06:00: ticks 11 (05:00) and 12 (05:30) are skipped, tick 13 runs once.
        var jumped = Assert.Single(_run.Recorder.Ticks, t => t.Skipped > 0);
        Assert.Equal(13, jumped.Tick);
        Assert.Equal(2, jumped.Skipped);
        Assert.Equal(new DateTimeOffset(2025, 11, 22, 6, 0, 0, TimeSpan.Zero), jumped.Time);
        Assert.Equal(2, result.TicksSkipped);
        Assert.Equal(334, result.TicksRun); // 336 - 2
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("skipped 2 missed tick(s)", warning.Message, StringComparison.Ordinal);

        var day1 = result.Days[0];
        Assert.True(day1.Partial);
        Assert.Equal(2, day1.Skipped);
        Assert.Equal(46, day1.Summary.Completeness.Actual);
        Assert.Equal(2, day1.Summary.Completeness.Missing);
        Assert.Contains(day1.Summary.Completeness.Warnings, w => w.Contains("behind schedule: 2 tick(s) skipped", StringComparison.Ordinal));
        Assert.False(result.Days[1].Partial);
    }

    [Fact]
    public async Task RunAsync_CollectorThrowsOrFailsOnSomeTicks_DayMarkedPartialAndLoopGoesOn()
    {
        // Calls 5 and 6 (02:00, 02:30 of day 1) throw; call 60 (day 2, 05:30) fails.
        var collector = StabilityTestRun.Source((call, _) => call switch
        {
            5 or 6 => throw new InvalidOperationException("exporter down"),
            60 => CollectionResult.Failed("test", new CollectionError(CollectionErrorKind.Unreachable, "connection refused")),
            _ => null,
        });
        var logger = new FakeLogger<StabilityMonitor>();
        var result = await _run.RunAsync(collector, logger: logger);

        Assert.Equal(336, result.TicksRun);
        Assert.Equal(3, result.TicksFailed);
        var day1 = result.Days[0];
        Assert.True(day1.Partial);
        Assert.Equal(2, day1.Failed);
        Assert.Equal(46, day1.Collected);
        Assert.Equal(46, day1.Summary.Completeness.Actual);
        Assert.Equal(95.83, day1.Summary.Completeness.Percent); // (48 - 2) / 48 x 100 = 95.833.. rounded to 2 places
        Assert.Contains(day1.Summary.Completeness.Warnings, w => w.StartsWith("partial day: 2 of 48 collection(s) failed (first at 02:00:", StringComparison.Ordinal));
        Assert.Equal(1, result.Days[1].Failed);
        Assert.True(result.Days[1].Partial);
        Assert.All(result.Days.Skip(2), d => Assert.False(d.Partial));
        Assert.Equal(46, Directory.GetFiles(Path.Combine(_run.Output, "day_01_raw")).Length);
        Assert.Equal(3, logger.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Warning && r.Message.Contains("marked partial", StringComparison.Ordinal)));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Output, "day_01_summary.json")));
        Assert.Contains("partial day", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CancelledHalfWay_AggregatesAndSavesWhatWasCollected()
    {
        // Cancel after tick 168 (2025-11-25 11:30, day 4): days 1-3 are whole, day 4 has 24 ticks.
        var result = await _run.RunAsync(StabilityTestRun.Source(), step: p => p.Tick == 168 ? null : StabilityTestRun.Interval);

        Assert.True(result.Interrupted);
        Assert.Equal(168, result.TicksRun);
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 11, 30, 0, TimeSpan.Zero), result.End);
        Assert.Equal(4, result.Days.Count);
        Assert.All(result.Days.Take(3), d => Assert.False(d.Partial));
        var day4 = result.Days[3];
        Assert.True(day4.Partial);
        Assert.Equal(24, day4.Summary.Completeness.Actual);
        Assert.Contains(day4.Summary.Completeness.Warnings, w => w.StartsWith("the run was interrupted at 2025-11-25 11:30 UTC", StringComparison.Ordinal));
        for (var day = 1; day <= 4; day++)
        {
            Assert.True(File.Exists(Path.Combine(_run.Output, $"day_{day:00}_summary.json")));
        }

        Assert.False(File.Exists(Path.Combine(_run.Output, "day_05_summary.json")));
        Assert.NotNull(result.Weekly);
        Assert.Equal(4, result.Weekly.Days);
        using var weekly = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run.Output, "weekly_summary.json")));
        Assert.Contains("2025-11-25", weekly.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_run.Output, "weekly_summary.md")));
    }

    [Fact]
    public async Task RunAsync_BaselineFile_MeasuresDriftOfEveryBaselineMetric()
    {
        Directory.CreateDirectory(_run.Output);
        var baseline = Path.Combine(_run.Output, "baseline.json");
        File.WriteAllText(baseline, """{ "availability": 0.9995, "latency_p99_ms": 330 }""");
        var result = await _run.RunAsync(StabilityTestRun.Source(), _run.Options(o => o.BaselinePath = baseline));

        var drift = result.Days[0].Summary.Drift;
        Assert.Equal(0, drift.Metrics.Single(m => m.Metric == "availability").AveragePercent!.Value, 9);
        // |300 - 330| / 330 x 100 = 9.0909 %
        Assert.Equal(9.0909, drift.Metrics.Single(m => m.Metric == "latency_p99_ms").AveragePercent!.Value, 4);
    }

    [Fact]
    public async Task RunAsync_MissingBaseline_ThrowsNamingTheFile()
    {
        var path = Path.Combine(_run.Output, "nope.json");
        var monitor = new StabilityMonitor(StabilityTestRun.Source(), _run.Options(o => o.BaselinePath = path), _run.Time);

        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => monitor.RunAsync());
        Assert.Equal($"The baseline file '{path}' does not exist.", ex.Message);
    }

    [Fact]
    public async Task RunAsync_MalformedBaseline_ThrowsNamingTheFileAndTheProblem()
    {
        Directory.CreateDirectory(_run.Output);
        var path = Path.Combine(_run.Output, "baseline.json");
        File.WriteAllText(path, "{ \"availability\": 0.99,");
        var monitor = new StabilityMonitor(StabilityTestRun.Source(), _run.Options(o => o.BaselinePath = path), _run.Time);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => monitor.RunAsync());
        Assert.StartsWith($"The baseline file '{path}' is not valid JSON (line 1", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_run.Output, "day_*"));
    }

    [Theory]
    [InlineData(0, 30, "Duration must be positive")]
    [InlineData(60, 0, "Interval must be between 1 second and 1 day")]
    [InlineData(20, 30, "Interval (00:30:00) must not be longer than Duration (00:20:00)")]
    public void Constructor_InvalidOptions_ListsTheProblem(int durationMinutes, int intervalMinutes, string problem)
    {
        var options = _run.Options(o =>
        {
            o.Duration = TimeSpan.FromMinutes(durationMinutes);
            o.Interval = TimeSpan.FromMinutes(intervalMinutes);
        });

        var ex = Assert.Throws<ArgumentException>(() => new StabilityMonitor(StabilityTestRun.Source(), options));
        Assert.Equal("options", ex.ParamName);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TicksPlanned_DurationNotAMultiple_RoundsUp()
    {
        // 100 min / 30 min = 3.33 -> 4 ticks (0, 30, 60, 90 min).
        var monitor = new StabilityMonitor(StabilityTestRun.Source(), _run.Options(o => o.Duration = TimeSpan.FromMinutes(100)));
        Assert.Equal(4, monitor.TicksPlanned);
    }
}
