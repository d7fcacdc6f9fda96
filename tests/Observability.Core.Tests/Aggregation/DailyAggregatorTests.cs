using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Aggregation;

public sealed class DailyAggregatorTests
{
    private static DailySummary Aggregate(IEnumerable<MetricSnapshot> snapshots, IEnumerable<Alert>? alerts = null, DailyAggregationOptions? options = null)
        => DailyAggregator.Aggregate(FirstDay, snapshots, alerts, options ?? Hourly());

    private static Alert Alert(DateTimeOffset time, AlertSeverity severity)
        => new() { Rule = "test_rule", Severity = severity, Title = "test", Timestamp = time };

    [Fact]
    public void Build_Availability_MinMaxAverageAndCompliance()
    {
        // 20 hours at 99.95 % and 4 at 99.8 %: average (20 x 0.9995 + 4 x 0.998) / 24 = 23.982 / 24 = 0.99925;
        // 20 of 24 meet 99.9 %: compliance 0.8333, below 95 %: degraded.
        var day = Aggregate(Enumerable.Range(0, 24).Select(h => Snapshot(At(h), availability: h < 20 ? 0.9995 : 0.998)));

        Assert.Equal(24, day.Availability.Measured);
        Assert.Equal(0.998, day.Availability.Min);
        Assert.Equal(0.9995, day.Availability.Max);
        Assert.Equal(0.99925, day.Availability.Average!.Value, 12);
        Assert.Equal(20, day.Availability.Compliant);
        Assert.Equal(20 / 24.0, day.Availability.SloCompliance!.Value, 12);
        var flag = Assert.Single(day.Flags);
        Assert.Equal(DegradationFlag.AvailabilityCompliance, flag.Rule);
        Assert.Equal(0.95, flag.Threshold);
        Assert.Equal("20 of 24 snapshots (83.33 %) met the 99.9 % availability target; below the 95 % needed.", flag.Reason);
        Assert.True(day.IsDegraded);
    }

    [Fact]
    public void Build_AvailabilityExactlyAtTarget_Complies()
    {
        var day = Aggregate([Snapshot(At(0), availability: 0.999), Snapshot(At(1), availability: 0.99899)]);

        Assert.Equal(1, day.Availability.Compliant);
    }

    [Fact]
    public void Build_AvailabilityFromErrorRate_WhenTheMetricIsAbsent()
    {
        // No availability metric: 1 - 0.0004 = 0.9996.
        var day = Aggregate([Snapshot(At(0), errorRate: 0.0004)]);

        Assert.Equal(0.9996, day.Availability.Average!.Value, 12);
    }

    [Fact]
    public void Build_Latency_P99MustBeStrictlyUnderTarget()
    {
        // p99 499.9 complies, exactly 500 does not.
        var day = Aggregate([Snapshot(At(0), p95: 200, p99: 499.9), Snapshot(At(1), p95: 260, p99: 500)]);

        Assert.Equal(1, day.Latency.Compliant);
        Assert.Equal(0.5, day.Latency.SloCompliance);
        Assert.Equal(230, day.Latency.P95Average); // (200 + 260) / 2
        Assert.Equal(260, day.Latency.P95Max);
        Assert.Equal(499.95, day.Latency.P99Average!.Value, 9);
        Assert.Equal(500, day.Latency.P99Max);
        Assert.Equal(500, day.Latency.TargetMilliseconds);
    }

    [Theory]
    // 20 snapshots, 1 at 600 ms: 19 / 20 = 95 % exactly: not below 95 %, not degraded.
    [InlineData(1, false)]
    // 2 at 600 ms: 18 / 20 = 90 %: degraded.
    [InlineData(2, true)]
    public void Build_LatencyComplianceAtNinetyFivePercent_IsNotDegraded(int slow, bool degraded)
    {
        var day = Aggregate(Enumerable.Range(0, 20).Select(h => Snapshot(At(h), p99: h < slow ? 600 : 300)));

        Assert.Equal(degraded, day.Flags.Any(f => f.Rule == DegradationFlag.LatencyCompliance));
    }

    [Fact]
    public void Build_ErrorRate_WeightedByVolume()
    {
        // 0.2 % of 1 000 requests and 0 % of 3 000: 2 errors / 4 000 = 0.05 %, under the 0.1 % flag
        // (the plain mean, 0.1 %, would have flagged it).
        var day = Aggregate([
            Snapshot(At(0), errorRate: 0.002, errors: 2, requests: 1000),
            Snapshot(At(1), errorRate: 0, errors: 0, requests: 3000),
        ]);

        Assert.Equal(0.0005, day.Errors.AverageRate!.Value, 12);
        Assert.Equal(0.002, day.Errors.MaxRate);
        Assert.Equal(2, day.Errors.TotalErrors);
        Assert.Equal(4000, day.Errors.TotalVolume);
        Assert.DoesNotContain(day.Flags, f => f.Rule == DegradationFlag.ErrorRate);
    }

    [Fact]
    public void Build_ErrorRateExactlyAtThreshold_IsDegraded()
    {
        // 2.5 % over the day: at the pass's warning threshold (one set of thresholds), so the day is degraded.
        var day = Aggregate([Snapshot(At(0), errorRate: 0.025), Snapshot(At(1), errorRate: 0.025)]);

        var flag = Assert.Single(day.Flags, f => f.Rule == DegradationFlag.ErrorRate);
        Assert.Equal("The error rate was 2.5 % over the day, at or above the 2.5 % warning threshold (peak snapshot 2.5 %).", flag.Reason);
    }

    [Fact]
    public void Build_ErrorRateJustUnderThreshold_IsNotDegraded()
    {
        var day = Aggregate([Snapshot(At(0), errorRate: 0.0249)]);

        Assert.DoesNotContain(day.Flags, f => f.Rule == DegradationFlag.ErrorRate);
    }

    [Fact]
    public void Build_ErrorRateFromCounts_WhenNoRateOrAvailability()
    {
        // 5 errors in 1 000 requests: 0.5 %.
        var day = Aggregate([Snapshot(At(0), errors: 5, requests: 1000)]);

        Assert.Equal(0.005, day.Errors.AverageRate!.Value, 12);
        Assert.Equal(1000, day.Errors.TotalRequests);
        Assert.Null(day.Errors.TotalJobs);

        // Availability is derived from the same error rate (one definition): 99.5 %, below the 99.9 % target.
        Assert.Equal(0.995, day.Availability.Average!.Value, 12);
        Assert.Equal(0, day.Availability.SloCompliance);
    }

    [Fact]
    public void Build_Resources_AverageAndPeak()
    {
        var day = Aggregate([Snapshot(At(0), cpu: 0.3, memory: 0.5), Snapshot(At(1), cpu: 0.5, memory: 0.7), Snapshot(At(2), cpu: 0.4)]);

        Assert.Equal(0.4, day.Resources.CpuAverage!.Value, 12); // (0.3 + 0.5 + 0.4) / 3
        Assert.Equal(0.5, day.Resources.CpuPeak);
        Assert.Equal(3, day.Resources.CpuMeasured);
        Assert.Equal(0.6, day.Resources.MemoryAverage!.Value, 12); // (0.5 + 0.7) / 2
        Assert.Equal(0.7, day.Resources.MemoryPeak);
        Assert.Equal(2, day.Resources.MemoryMeasured);
    }

    [Fact]
    public void Build_Alerts_CountedBySeverityWithAlertFreeHours()
    {
        Alert[] alerts =
        [
            Alert(At(1, 10), AlertSeverity.Critical),
            Alert(At(1, 50), AlertSeverity.Critical), // same hour as the first
            Alert(At(13), AlertSeverity.Warning),
            Alert(At(23, 59, 59), AlertSeverity.Info),
            Alert(At(23, 0), AlertSeverity.Error),
        ];

        var day = Aggregate([Healthy(At(0))], alerts);

        Assert.Equal(new AlertAggregate(1, 1, 1, 2, 21), day.Alerts); // hours 1, 13 and 23 had alerts: 24 - 3
        Assert.Equal(5, day.Alerts.Total);
    }

    [Fact]
    public void Add_SnapshotFromAnotherDay_IsRejectedWithTheDates()
    {
        var aggregator = new DailyAggregator(FirstDay);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => aggregator.Add(Healthy(At(24))));

        Assert.Equal("snapshot", error.ParamName);
        Assert.Contains("The snapshot at 2025-11-18 00:00 UTC is not in day 1: this aggregator takes [2025-11-17 00:00 UTC, 2025-11-18 00:00 UTC)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, aggregator.Count);
    }

    [Fact]
    public void Add_TimestampWithOffset_JudgedInUtc()
    {
        // 23:30 at UTC-02:00 is 01:30 UTC the next day; 01:30 at UTC+02:00 is 23:30 UTC the day before.
        var aggregator = new DailyAggregator(FirstDay.AddDays(1));

        aggregator.Add(Healthy(new DateTimeOffset(2025, 11, 17, 23, 30, 0, TimeSpan.FromHours(-2))));

        Assert.Throws<ArgumentOutOfRangeException>(() => aggregator.Add(Healthy(new DateTimeOffset(2025, 11, 18, 1, 30, 0, TimeSpan.FromHours(2)))));
    }

    [Fact]
    public void Add_AlertFromAnotherDay_IsRejected()
    {
        var aggregator = new DailyAggregator(FirstDay);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => aggregator.Add(Alert(At(-1), AlertSeverity.Critical)));

        Assert.Equal("alert", error.ParamName);
    }

    [Fact]
    public void Add_OutOfOrder_GivesTheSameSummaryAsInOrder()
    {
        var ordered = Enumerable.Range(0, 24).Select(h => Healthy(At(h), availability: 0.9990 + (h * 0.00001), p99: 300 + h)).ToList();
        var shuffled = ordered.OrderBy(s => (s.Timestamp.Hour * 7) % 24).ToList();

        var a = Aggregate(ordered);
        var b = Aggregate(shuffled);

        // Sums in another order may differ in the last bit; everything else is identical.
        Assert.Equal(a.Availability with { Average = 0 }, b.Availability with { Average = 0 });
        Assert.Equal(a.Availability.Average!.Value, b.Availability.Average!.Value, 12);
        Assert.Equal(a.Latency with { P99Average = 0, P95Average = 0 }, b.Latency with { P99Average = 0, P95Average = 0 });
        Assert.Equal(311.5, b.Latency.P99Average!.Value, 9); // 300 + mean(0..23)
        Assert.Equal(a.Completeness.Missing, b.Completeness.Missing);
        Assert.Equal(0, b.Completeness.Missing);
    }

    [Fact]
    public void Build_CanBeCalledAgainAfterMoreSnapshots()
    {
        var aggregator = new DailyAggregator(FirstDay, Hourly());
        aggregator.Add(Snapshot(At(0), p99: 100));
        var first = aggregator.Build();
        aggregator.Add(Snapshot(At(1), p99: 300));
        var second = aggregator.Build();

        Assert.Equal(100, first.Latency.P99Average);
        Assert.Equal(200, second.Latency.P99Average);
        Assert.Equal(2, aggregator.Count);
    }

    [Fact]
    public void Build_DayFields_UtcMidnightAndNumber()
    {
        var day = new DailyAggregator(FirstDay, dayNumber: 4).Build();

        Assert.Equal(FirstDay, day.Day);
        Assert.Equal(4, day.DayNumber);
        Assert.Equal(new DateTimeOffset(2025, 11, 17, 0, 0, 0, TimeSpan.Zero), day.Start);
        Assert.Equal(day.Start.AddDays(1), day.End);
        Assert.Equal("day 4 (2025-11-17)", day.Label);
    }

    [Fact]
    public void Constructor_DayNumberBelowOne_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DailyAggregator(FirstDay, dayNumber: 0));
        Assert.Equal("dayNumber", error.ParamName);
    }

    [Fact]
    public void Add_Null_Throws()
    {
        var aggregator = new DailyAggregator(FirstDay);

        Assert.Throws<ArgumentNullException>(() => aggregator.Add((MetricSnapshot)null!));
        Assert.Throws<ArgumentNullException>(() => aggregator.Add((Alert)null!));
    }
}
