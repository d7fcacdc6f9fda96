namespace Observability.Core.Tests.Stability;

public sealed class StabilityMonitorEmptySourceTests : IDisposable
{
    private readonly StabilityTestRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task RunAsync_EmptySnapshots_CountAgainstCompletenessNeverAsZeroAvailability()
    {
        // Calls 11-12 (day 1, 05:00 and 05:30) are all zero: a transient gap (2 < 3).
        // Calls 101-104 (day 3, 02:00 to 03:30) are all zero: a persistent gap (4 >= 3).
        var collector = StabilityTestRun.Source((call, window) => call is 11 or 12 or (>= 101 and <= 104)
            ? CollectionResult.Success("test", [StabilityTestRun.AllZero(StabilityTestRun.TickOf(window))])
            : null);
        var result = await _run.RunAsync(collector);

        var day1 = result.Days[0];
        Assert.Equal(2, day1.Empty);
        Assert.Equal(46, day1.Collected);
        Assert.False(day1.Partial); // a quiet source is a gap, not a failed collection
        Assert.Equal(2, day1.Summary.Completeness.Unusable);
        Assert.Equal(46, day1.Summary.Completeness.Actual);
        Assert.Equal(95.83, day1.Summary.Completeness.Percent); // 46 / 48 x 100
        Assert.Equal(0.9995, day1.Summary.Availability.Min); // the zeros are not a 0 % availability
        Assert.Equal(46, day1.Summary.Availability.Measured);
        Assert.Contains(day1.Summary.Completeness.Warnings, w => w.StartsWith("2 empty snapshot(s) (collect_empty_source)", StringComparison.Ordinal));
        Assert.Equal(4, result.Days[2].Empty);

        // Each gap starts as a transient one when the source goes quiet (judged tick by tick, as it happens);
        // the second stays quiet for 3 ticks and becomes persistent.
        var transient = result.Findings.Where(f => f.Rule == "data_gap_transient").ToList();
        Assert.Equal(2, transient.Count);
        Assert.All(transient, t => Assert.Equal(AlertSeverity.Warning, t.Severity));
        Assert.Contains("went quiet at 2025-11-22 05:00 UTC", transient[0].Message, StringComparison.Ordinal);
        Assert.Contains("went quiet at 2025-11-24 02:00 UTC", transient[1].Message, StringComparison.Ordinal);
        var persistent = Assert.Single(result.Findings, f => f.Rule == "data_gap_persistent");
        Assert.Equal(AlertSeverity.Error, persistent.Severity);
        Assert.Contains("quiet for 3 snapshots", persistent.Message, StringComparison.Ordinal);

        // The empty ticks are reported as such, and they never recommend a rollback.
        Assert.Equal(6, _run.Recorder.Ticks.Count(t => t.Outcome == StabilityTickOutcome.Empty));
        Assert.NotNull(result.Weekly);
        Assert.Empty(result.Weekly.RollbackReasons);
        Assert.Equal(0.9995, result.Weekly.AverageAvailability!.Value, 9);
    }

    [Fact]
    public async Task RunAsync_SourceDeliversNothing_EmptySnapshotIsAGapNotAFailure()
    {
        var collector = StabilityTestRun.Source((call, window) => call == 3
            ? CollectionResult.Success("test", [MetricSnapshot.CreateEmpty(StabilityTestRun.TickOf(window), "test", "no series")])
            : null);
        var result = await _run.RunAsync(collector, _run.Options(o => o.Duration = TimeSpan.FromHours(24)));

        var day = Assert.Single(result.Days);
        Assert.Equal(1, day.Empty);
        Assert.Equal(0, day.Failed);
        Assert.Equal(47, day.Summary.Completeness.Actual); // 48 - 1
        Assert.Single(result.Findings, f => f.Rule == "data_gap_transient");
    }
}
