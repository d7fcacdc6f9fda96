using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Aggregation;

public sealed class DailyCompletenessTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    private static DailySummary HalfHourly(Func<int, bool> present, Func<int, DateTimeOffset, MetricSnapshot>? create = null)
    {
        var aggregator = new DailyAggregator(FirstDay, new DailyAggregationOptions { ExpectedInterval = HalfHour });
        for (var slot = 0; slot < 48; slot++)
        {
            if (present(slot))
            {
                var time = Midnight(FirstDay) + (HalfHour * slot);
                aggregator.Add(create?.Invoke(slot, time) ?? Healthy(time));
            }
        }

        return aggregator.Build();
    }

    [Fact]
    public void Build_EmptyDay_CompletenessZeroAndNoDataWarningNotAnException()
    {
        var day = new DailyAggregator(FirstDay).Build();

        // Default interval 30 min (the 7-day monitor's): 24 h / 30 min = 48 expected.
        Assert.Equal(new DataCompleteness(48, 0, 0, 48, 0, day.Completeness.Warnings), day.Completeness);
        Assert.Equal("no data: no usable snapshot in day 1 (expected 48)", Assert.Single(day.Completeness.Warnings));
        Assert.False(day.HasData);
        Assert.False(day.IsDegraded);
        Assert.Equal(new StabilityScore(0, "F", null, null, null), day.Stability);
        Assert.Null(day.Availability.Average);
        Assert.Equal(24, day.Alerts.AlertFreeHours);
    }

    [Fact]
    public void Build_FullDay_HundredPercentWithoutWarnings()
    {
        var day = HalfHourly(_ => true);

        Assert.Equal(new DataCompleteness(48, 48, 0, 0, 100, day.Completeness.Warnings), day.Completeness);
        Assert.Empty(day.Completeness.Warnings);
    }

    [Fact]
    public void Build_GapOfFourSnapshots_NamedWithItsTimes()
    {
        // Slots 8-11 are 04:00, 04:30, 05:00 and 05:30: 44 of 48, 91.67 %.
        var day = HalfHourly(slot => slot is < 8 or > 11);

        Assert.Equal(48, day.Completeness.Expected);
        Assert.Equal(44, day.Completeness.Actual);
        Assert.Equal(4, day.Completeness.Missing);
        Assert.Equal(91.67, day.Completeness.Percent);
        Assert.Equal("missing 4 snapshots between 04:00 and 05:30", Assert.Single(day.Completeness.Warnings));
    }

    [Fact]
    public void Build_SeveralGaps_OneWarningEach()
    {
        var day = HalfHourly(slot => slot is not (0 or 20 or 21 or 47));

        Assert.Equal(["missing 1 snapshot at 00:00", "missing 2 snapshots between 10:00 and 10:30", "missing 1 snapshot at 23:30"], day.Completeness.Warnings);
    }

    [Fact]
    public void Build_ManyGaps_FirstTenThenACount()
    {
        // Every other slot missing: 24 gaps of one; ten are named, 14 gaps with 14 snapshots are counted.
        var day = HalfHourly(slot => slot % 2 == 0);

        Assert.Equal(11, day.Completeness.Warnings.Count);
        Assert.Equal("missing 1 snapshot at 00:30", day.Completeness.Warnings[0]);
        Assert.Equal("and 14 more gaps with 14 missing snapshots", day.Completeness.Warnings[^1]);
        Assert.Equal(50, day.Completeness.Percent);
    }

    [Fact]
    public void Build_ThirtySecondInterval_TimesWithSeconds()
    {
        var aggregator = new DailyAggregator(FirstDay, new DailyAggregationOptions { ExpectedInterval = TimeSpan.FromSeconds(30) });
        aggregator.Add(Healthy(At(0)));
        aggregator.Add(Healthy(At(0, 1)));

        var day = aggregator.Build();

        Assert.Equal("missing 1 snapshot at 00:00:30", day.Completeness.Warnings[0]);
        Assert.Equal("missing 2877 snapshots between 00:01:30 and 23:59:30", day.Completeness.Warnings[1]);
    }

    [Fact]
    public void Build_UnusableSnapshots_CountAsMissingWithAWarning()
    {
        // Slot 3 is an empty read, slot 4 a source that went quiet (all zeros): neither fills its slot.
        var day = HalfHourly(_ => true, (slot, time) => slot switch
        {
            3 => MetricSnapshot.CreateEmpty(time, "test", "timeout"),
            4 => Snapshot(time, availability: 0, errorRate: 0, requests: 0, p99: 0),
            _ => Healthy(time),
        });

        Assert.Equal(46, day.Completeness.Actual);
        Assert.Equal(2, day.Completeness.Unusable);
        Assert.Equal(2, day.Completeness.Missing);
        Assert.Equal(["missing 2 snapshots between 01:30 and 02:00", "2 snapshots without usable values (empty, failed or all zero)"], day.Completeness.Warnings);
        Assert.Equal(0.9995, day.Availability.Min); // the zeros did not become a 0 % availability
    }

    [Fact]
    public void Build_ZeroErrorsWithTraffic_IsUsable()
    {
        // Not all zero: 0 errors in 500 requests is a perfect interval, not a quiet source.
        var day = HalfHourly(slot => slot == 0, (_, time) => Snapshot(time, errorRate: 0, requests: 500));

        Assert.Equal(1, day.Completeness.Actual);
        Assert.Equal(1.0, day.Availability.Average);
    }

    [Fact]
    public void Build_Duplicates_WarnAboutMoreThanExpected()
    {
        var aggregator = new DailyAggregator(FirstDay, new DailyAggregationOptions { ExpectedInterval = TimeSpan.FromHours(12) });
        foreach (var hour in new[] { 0, 0, 6, 12 })
        {
            aggregator.Add(Healthy(At(hour)));
        }

        var day = aggregator.Build();

        Assert.Equal(new DataCompleteness(2, 4, 0, 0, 100, day.Completeness.Warnings), day.Completeness);
        Assert.Equal("2 more snapshots than the 2 expected at one every 12 h: duplicates or a shorter interval", Assert.Single(day.Completeness.Warnings));
    }

    [Fact]
    public void Build_IntervalThatDoesNotDivideTheDay_RoundsExpectedUp()
    {
        // 7 minutes: 1 440 / 7 = 205.7, so 206 slots (the last one, 23:55, is 5 minutes long).
        var day = new DailyAggregator(FirstDay, new DailyAggregationOptions { ExpectedInterval = TimeSpan.FromMinutes(7) }).Build();

        Assert.Equal(206, day.Completeness.Expected);
    }
}
