using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Aggregation;

public sealed class AggregateDaysTests
{
    private static IEnumerable<MetricSnapshot> Hours(DateOnly day, Func<int, double>? p99 = null)
        => Enumerable.Range(0, 24).Select(h => Healthy(Midnight(day).AddHours(h), p99: p99?.Invoke(h) ?? 300));

    [Fact]
    public void AggregateDays_SplitsByUtcDayAndFillsAMissingDay()
    {
        // Days 1 and 3 have data; day 2 has none and still gets a summary.
        var snapshots = Hours(FirstDay).Concat(Hours(FirstDay.AddDays(2)));

        var days = DailyAggregator.AggregateDays(snapshots, options: Hourly());

        Assert.Equal([1, 2, 3], days.Select(d => d.DayNumber));
        Assert.Equal([FirstDay, FirstDay.AddDays(1), FirstDay.AddDays(2)], days.Select(d => d.Day));
        Assert.Equal([24, 0, 24], days.Select(d => d.Completeness.Actual));
        Assert.StartsWith("no data", days[1].Completeness.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AggregateDays_OutOfOrderAcrossDays_SameAsSorted()
    {
        var sorted = Hours(FirstDay, h => 300 + h).Concat(Hours(FirstDay.AddDays(1), h => 400 + h)).ToList();
        var shuffled = sorted.OrderByDescending(s => s.Timestamp.Hour).ThenBy(s => s.Timestamp.Day).ToList();

        var a = DailyAggregator.AggregateDays(sorted, options: Hourly());
        var b = DailyAggregator.AggregateDays(shuffled, options: Hourly());

        Assert.Equal(a.Select(d => d.Latency.P99Max), b.Select(d => d.Latency.P99Max));
        Assert.Equal(a.Select(d => Math.Round(d.Latency.P99Average!.Value, 9)), b.Select(d => Math.Round(d.Latency.P99Average!.Value, 9)));
        Assert.Equal([311.5, 411.5], b.Select(d => Math.Round(d.Latency.P99Average!.Value, 9)));
    }

    [Fact]
    public void AggregateDays_AlertsGoToTheirDayAndCanExtendThePeriod()
    {
        Alert[] alerts =
        [
            new() { Rule = "r", Severity = AlertSeverity.Critical, Title = "t", Timestamp = At(5) },
            new() { Rule = "r", Severity = AlertSeverity.Warning, Title = "t", Timestamp = At(24 + 5) },
        ];

        var days = DailyAggregator.AggregateDays(Hours(FirstDay), alerts, Hourly());

        Assert.Equal(2, days.Count);
        Assert.Equal(1, days[0].Alerts.Critical);
        Assert.Equal(1, days[1].Alerts.Warning);
        Assert.False(days[1].HasData);
    }

    [Fact]
    public void AggregateDays_NoInput_NoDays()
    {
        Assert.Empty(DailyAggregator.AggregateDays([]));
    }

    [Fact]
    public void AggregateDays_StrayTimestamp_RejectedInsteadOfCenturiesOfEmptyDays()
    {
        var snapshots = new[] { Healthy(At(0)), Healthy(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)) };

        var error = Assert.Throws<ArgumentException>(() => DailyAggregator.AggregateDays(snapshots, options: Hourly()));

        Assert.Equal("snapshots", error.ParamName);
        Assert.Contains("from 2001-01-01 to 2025-11-17", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AggregateDays_ExactlyMaxDays_IsAccepted()
    {
        var last = FirstDay.AddDays(DailyAggregator.MaxDays - 1);
        var snapshots = new[] { Healthy(At(0)), Healthy(Midnight(last)) };

        Assert.Equal(DailyAggregator.MaxDays, DailyAggregator.AggregateDays(snapshots, options: Hourly()).Count);
    }

    [Fact]
    public void AggregateDays_NullSnapshot_Throws()
    {
        var error = Assert.Throws<ArgumentNullException>(() => DailyAggregator.AggregateDays([Healthy(At(0)), null!]));
        Assert.Equal("snapshots", error.ParamName);
    }
}
