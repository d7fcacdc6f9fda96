using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Aggregation;

public sealed class DailyDriftAndStabilityTests
{
    private static DailyAggregationOptions WithBaseline(params (string Metric, double Value)[] baseline)
    {
        var options = Hourly();
        foreach (var (metric, value) in baseline)
        {
            options.Baseline[metric] = value;
        }

        return options;
    }

    [Fact]
    public void Build_Drift_PerMetricAverageAndMax()
    {
        // p95 baseline 200: 220 and 240 drift 10 % and 20 %, average 15 % (exactly the threshold: not over).
        // error_rate baseline 0.001: 0.0012 and 0.0016 drift 20 % and 60 %, average 40 %: over.
        // The day's drift: mean of the metrics' level drifts (15 + 40) / 2 = 27.5 %; the largest single snapshot's deviation 60 %.
        var options = WithBaseline((WellKnownMetrics.LatencyP95, 200), (WellKnownMetrics.ErrorRate, 0.001));
        var day = DailyAggregator.Aggregate(FirstDay, [Snapshot(At(0), p95: 220, errorRate: 0.0012), Snapshot(At(1), p95: 240, errorRate: 0.0016)], options: options);

        var p95 = day.Drift.Metrics.Single(m => m.Metric == WellKnownMetrics.LatencyP95);
        Assert.Equal(15, p95.AveragePercent!.Value, 9);
        Assert.Equal(20, p95.MaxPercent!.Value, 9);
        Assert.Equal(230, p95.Average);
        Assert.Equal(2, p95.Measured);
        Assert.False(p95.OverThreshold);
        var errors = day.Drift.Metrics.Single(m => m.Metric == WellKnownMetrics.ErrorRate);
        Assert.Equal(40, errors.AveragePercent!.Value, 9);
        Assert.True(errors.OverThreshold);
        Assert.Equal([WellKnownMetrics.ErrorRate], day.Drift.MetricsOverThreshold);
        Assert.Equal(27.5, day.Drift.AveragePercent!.Value, 9);
        Assert.Equal(60, day.Drift.MaxPercent!.Value, 9);
        Assert.Equal(15, day.Drift.ThresholdPercent);
    }

    [Fact]
    public void Build_DriftJustOverThreshold_IsOver()
    {
        // 230.02 is 15.01 % above 200.
        var day = DailyAggregator.Aggregate(FirstDay, [Snapshot(At(0), p95: 230.02)], options: WithBaseline((WellKnownMetrics.LatencyP95, 200)));

        Assert.Equal([WellKnownMetrics.LatencyP95], day.Drift.MetricsOverThreshold);
    }

    [Fact]
    public void Build_DriftBelowBaseline_CountsTheSameAsAbove()
    {
        // |160 - 200| / 200 = 20 %.
        var day = DailyAggregator.Aggregate(FirstDay, [Snapshot(At(0), p95: 160)], options: WithBaseline((WellKnownMetrics.LatencyP95, 200)));

        Assert.Equal(20, day.Drift.AveragePercent!.Value, 9);
    }

    [Fact]
    public void Build_BaselineMetricNeverSeen_HasNoDriftAndIsLeftOutOfTheAverage()
    {
        var day = DailyAggregator.Aggregate(FirstDay, [Snapshot(At(0), p95: 220)], options: WithBaseline((WellKnownMetrics.LatencyP95, 200), ("queue_depth", 5)));

        var queue = day.Drift.Metrics.Single(m => m.Metric == "queue_depth");
        Assert.Equal(0, queue.Measured);
        Assert.Null(queue.AveragePercent);
        Assert.Equal(10, day.Drift.AveragePercent!.Value, 9);
    }

    [Fact]
    public void Build_NoBaseline_NoDriftAndNoPenalty()
    {
        var day = DailyAggregator.Aggregate(FirstDay, [Healthy(At(0))], options: Hourly());

        Assert.Empty(day.Drift.Metrics);
        Assert.Null(day.Drift.AveragePercent);
        Assert.Equal(new StabilityScore(100, "A", 1, 1, null), day.Stability); // drift unknown (n/a), left out of the score
    }

    [Fact]
    public void Build_Stability_FortyFortyTwenty()
    {
        // 10 snapshots: 9 meet 99.9 % (0.9), all p99 under 500 (1), p95 drift 10 % from 200:
        // 40 x 0.9 + 40 x 1 + 20 x (100 - 10) / 100 = 36 + 40 + 18 = 94: A.
        var snapshots = Enumerable.Range(0, 10).Select(h => Snapshot(At(h), availability: h == 0 ? 0.99 : 0.9995, p95: 220, p99: 300));

        var day = DailyAggregator.Aggregate(FirstDay, snapshots, options: WithBaseline((WellKnownMetrics.LatencyP95, 200)));

        Assert.Equal(new StabilityScore(94, "A", 0.9, 1, 10), day.Stability);
    }

    [Theory]
    // 40 x 0.75 + 40 x 1 + 20 = 90: exactly A.
    [InlineData(0.75, 1, 0, 90, "A")]
    // 40 x 0.5 + 40 x 0.75 + 20 = 70: C.
    [InlineData(0.5, 0.75, 0, 70, "C")]
    // Drift capped at 20 %: 20 x (100 - 20) / 100 = 16, so 40 + 40 + 16 = 96, however far past 20 %.
    [InlineData(1, 1, 50, 96, "A")]
    // 40 x 0.25 + 40 x 0.5 + 20 x 0.9 = 10 + 20 + 18 = 48: F.
    [InlineData(0.25, 0.5, 10, 48, "F")]
    public void Score_Formula_MatchesTheGradeBands(double availability, double latency, double drift, double expected, string grade)
    {
        var score = Observability.Internal.StabilityMath.Score(true, availability, latency, drift);

        Assert.Equal(expected, score.Value, 9);
        Assert.Equal(grade, score.Grade);
        Assert.Equal(Observability.Internal.StabilityMath.Grade(expected), score.Grade);
    }

    [Fact]
    public void Score_MissingMetric_IsLeftOutAndTheRestReweighted_NeverCountedAsMet()
    {
        // Availability 0.5 only: latency and drift unknown, so the score is availability's alone (50), not 40 x 0.5 + 40 + 20 = 80.
        var score = Observability.Internal.StabilityMath.Score(true, 0.5, null, null);

        Assert.Equal(50, score.Value, 9);
        Assert.Null(score.LatencyCompliance);
        Assert.Null(score.DriftPercent);
    }

    [Fact]
    public void Options_Invalid_ListsEveryProblemInOneException()
    {
        var options = new DailyAggregationOptions { ExpectedInterval = TimeSpan.Zero };
        options.Thresholds.AvailabilityTarget = 1.5;
        options.Thresholds.LatencyP99Target = TimeSpan.FromMilliseconds(-1);
        options.Thresholds.DriftLimitPercent = double.NaN;
        options.Baseline[WellKnownMetrics.LatencyP95] = 0;

        var error = Assert.Throws<ArgumentException>(() => new DailyAggregator(FirstDay, options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Thresholds:AvailabilityTarget must be a ratio in [0, 1] (was 1.5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExpectedInterval must lie between 1 second and 1 day (was 00:00:00)", error.Message, StringComparison.Ordinal);
        Assert.Contains("LatencyP99Target must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("Thresholds:DriftLimitPercent", error.Message, StringComparison.Ordinal);
        Assert.Contains("Baseline['latency_p95_ms'] must be a finite number above 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ChangedAfterConstruction_DoNotReachTheAggregator()
    {
        var options = Hourly();
        var aggregator = new DailyAggregator(FirstDay, options);
        options.Thresholds.AvailabilityTarget = 0.5;
        aggregator.Add(Snapshot(At(0), availability: 0.9));

        Assert.Equal(0, aggregator.Build().Availability.Compliant);
    }
}
