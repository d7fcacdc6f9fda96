using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Trends;

public sealed class HalfComparisonTests
{
    // Four snapshots at 00:00, 01:00, 02:00 and 03:00: split at 01:30, two in each half.
    private static HalfComparison CompareHalves(Func<int, DateTimeOffset, MetricSnapshot> create, TrendOptions? options = null)
        => HalfComparison.Compare(Enumerable.Range(0, 4).Select(i => create(i, At(i))), options);

    [Theory]
    // 99.9 % -> 99.4 %: -0.5 pp, exactly the band: degrading.
    [InlineData(0.999, 0.994, TrendAssessment.Degrading)]
    // 99.9 % -> 99.41 %: -0.49 pp: stable.
    [InlineData(0.999, 0.9941, TrendAssessment.Stable)]
    // 99 % -> 99.6 %: +0.6 pp: availability rising is improving.
    [InlineData(0.99, 0.996, TrendAssessment.Improving)]
    public void Compare_Availability_PercentagePointsWithHalfPointBand(double first, double second, TrendAssessment expected)
    {
        var halves = CompareHalves((i, t) => Snapshot(t, availability: i < 2 ? first : second));

        Assert.Equal(expected, halves.Availability.Assessment);
        Assert.Equal((second - first) * 100, halves.Availability.Change!.Value, 9);
        Assert.Equal("pp", halves.Availability.Unit);
        Assert.Equal(At(1, 30), halves.SplitAt);
        Assert.Equal(2, halves.FirstHalfCount);
        Assert.Equal(2, halves.SecondHalfCount);
    }

    [Theory]
    // +10 ms exactly: latency rising is degrading.
    [InlineData(200, 210, TrendAssessment.Degrading)]
    [InlineData(200, 209.9, TrendAssessment.Stable)]
    [InlineData(200, 190, TrendAssessment.Improving)]
    public void Compare_Latency_MillisecondsWithTenMsBand(double first, double second, TrendAssessment expected)
    {
        var halves = CompareHalves((i, t) => Snapshot(t, p95: i < 2 ? first : second, p99: i < 2 ? first * 2 : second * 2));

        Assert.Equal(expected, halves.LatencyP95.Assessment);
        Assert.Equal(second - first, halves.LatencyP95.Change!.Value, 9);
        Assert.Equal("ms", halves.LatencyP95.Unit);
        // p99 moved twice as far, so it is never stable where p95 moved at least 5 ms.
        Assert.Equal((second - first) * 2, halves.LatencyP99.Change!.Value, 9);
    }

    [Theory]
    // CPU 40 % -> 42 %: +0.02 / 0.40 = +5 % of the first half, exactly the band: degrading.
    [InlineData(0.40, 0.42, TrendAssessment.Degrading)]
    // 40 % -> 41.9 %: +4.75 %: stable.
    [InlineData(0.40, 0.419, TrendAssessment.Stable)]
    // 40 % -> 38 %: -5 %: improving.
    [InlineData(0.40, 0.38, TrendAssessment.Improving)]
    public void Compare_Cpu_RelativePercentWithFivePercentBand(double first, double second, TrendAssessment expected)
    {
        var halves = CompareHalves((i, t) => Snapshot(t, cpu: i < 2 ? first : second, memory: 0.6));

        Assert.Equal(expected, halves.Cpu.Assessment);
        Assert.Equal((second - first) / first * 100, halves.Cpu.Change!.Value, 9);
        Assert.Equal(TrendAssessment.Stable, halves.Memory.Assessment);
        Assert.Equal(0, halves.Memory.Change);
    }

    [Fact]
    public void Compare_MemoryFromZero_RiseIsDegradingWithoutAPercentage()
    {
        var halves = CompareHalves((i, t) => Snapshot(t, memory: i < 2 ? 0 : 0.1));

        Assert.Equal(TrendAssessment.Degrading, halves.Memory.Assessment);
        Assert.Null(halves.Memory.Change);
    }

    [Fact]
    public void Compare_OneMetricDegrading_OverallIsDegradingEvenIfAnotherImproves()
    {
        var halves = CompareHalves((i, t) => Snapshot(t, availability: i < 2 ? 0.99 : 0.999, p99: i < 2 ? 300 : 400));

        Assert.Equal(TrendAssessment.Improving, halves.Availability.Assessment);
        Assert.Equal(TrendAssessment.Degrading, halves.LatencyP99.Assessment);
        Assert.Equal(TrendAssessment.Degrading, halves.Overall);
        Assert.Equal("P99 latency is degrading: 300 ms in the first half, 400 ms in the second (+100 ms; stable within +-10 ms).", halves.LatencyP99.Reason);
    }

    [Fact]
    public void Compare_OnlyImprovement_OverallImproving()
    {
        var halves = CompareHalves((i, t) => Snapshot(t, availability: i < 2 ? 0.99 : 0.999));

        Assert.Equal(TrendAssessment.Improving, halves.Overall);
    }

    [Fact]
    public void Compare_OddCount_SnapshotAtTheSplitGoesToTheSecondHalf()
    {
        // 00:00, 01:00, 02:00: split at 01:00; the 01:00 snapshot is in the second half.
        var snapshots = new[] { Snapshot(At(0), p95: 100), Snapshot(At(1), p95: 200), Snapshot(At(2), p95: 300) };

        var halves = HalfComparison.Compare(snapshots);

        Assert.Equal(1, halves.FirstHalfCount);
        Assert.Equal(2, halves.SecondHalfCount);
        Assert.Equal(100, halves.LatencyP95.FirstHalf);
        Assert.Equal(250, halves.LatencyP95.SecondHalf); // (200 + 300) / 2
    }

    [Fact]
    public void Compare_OutOfOrder_SameAsInOrder()
    {
        var ordered = Enumerable.Range(0, 6).Select(i => Snapshot(At(i), p99: 100 + (10 * i))).ToList();
        var shuffled = new[] { ordered[4], ordered[1], ordered[5], ordered[0], ordered[3], ordered[2] };

        Assert.Equal(HalfComparison.Compare(ordered).LatencyP99, HalfComparison.Compare(shuffled).LatencyP99);
    }

    [Fact]
    public void Compare_NoSnapshots_StableWithNotEnoughData()
    {
        var halves = HalfComparison.Compare([]);

        Assert.Null(halves.SplitAt);
        Assert.Equal(TrendAssessment.Stable, halves.Overall);
        Assert.Null(halves.Availability.Change);
        Assert.Contains("not enough data", halves.Availability.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_UnusableSnapshots_AreSkipped()
    {
        var snapshots = new[]
        {
            Snapshot(At(0), p95: 100),
            MetricSnapshot.CreateEmpty(At(1), "test", "timeout"),
            Snapshot(At(2), p95: 100),
            Snapshot(At(3), p95: 130),
            Snapshot(At(4), p95: 130),
        };

        // Usable span 00:00-04:00, split at 02:00: {00:00} against {02:00, 03:00, 04:00}.
        var halves = HalfComparison.Compare(snapshots);

        Assert.Equal(At(2), halves.SplitAt);
        Assert.Equal(1, halves.FirstHalfCount);
        Assert.Equal(3, halves.SecondHalfCount);
        Assert.Equal(20, halves.LatencyP95.Change!.Value, 9); // (100 + 130 + 130) / 3 - 100
    }

    [Fact]
    public void Compare_GivenPeriod_SplitsAtItsMidpoint()
    {
        var period = new CollectionWindow(At(0), At(8));
        var snapshots = new[] { Snapshot(At(1), p95: 100), Snapshot(At(3), p95: 100) };

        var halves = HalfComparison.Compare(snapshots, period);

        Assert.Equal(At(4), halves.SplitAt);
        Assert.Equal(2, halves.FirstHalfCount);
        Assert.Equal(0, halves.SecondHalfCount);
        Assert.Equal(TrendAssessment.Stable, halves.LatencyP95.Assessment);
        Assert.Contains("the second half has no values", halves.LatencyP95.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_GivenPeriod_SnapshotOutsideIsRejected()
    {
        var period = new CollectionWindow(At(0), At(8));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HalfComparison.Compare([Snapshot(At(9), p95: 1)], period));

        Assert.Equal("snapshots", error.ParamName);
        Assert.Contains("2025-11-17T09:00:00.0000000+00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_CustomBand_Applies()
    {
        // +15 ms with a 20 ms band is stable.
        var halves = CompareHalves((i, t) => Snapshot(t, p95: i < 2 ? 100 : 115), new TrendOptions { LatencyBandMilliseconds = 20 });

        Assert.Equal(TrendAssessment.Stable, halves.LatencyP95.Assessment);
        Assert.Equal(20, halves.LatencyP95.Band);
    }

    [Fact]
    public void Compare_InvalidOptions_ListsEveryProblem()
    {
        var options = new TrendOptions { LatencyBandMilliseconds = -1, ResourceBandPercent = double.NaN };

        var error = Assert.Throws<ArgumentException>(() => HalfComparison.Compare([], options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("LatencyBandMilliseconds", error.Message, StringComparison.Ordinal);
        Assert.Contains("ResourceBandPercent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NullSnapshot_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => HalfComparison.Compare([Snapshot(At(0), p95: 1), null!]));

        Assert.Contains("position 1", error.Message, StringComparison.Ordinal);
    }
}
