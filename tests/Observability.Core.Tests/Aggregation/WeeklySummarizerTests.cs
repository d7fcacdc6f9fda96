using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Aggregation;

public sealed class WeeklySummarizerTests
{
    [Fact]
    public void Summarize_Averages_WeightEachDayByItsSnapshots()
    {
        // 99.9 % over 100 snapshots and 99 % over 300: (99.9 + 297) / 400 = 0.99225.
        // Error rates 0.1 % of 200 000 and 1 % of 600 000 requests: (200 + 6 000) / 800 000 = 0.775 %.
        var week = WeeklySummarizer.Summarize([Day(1, availability: 0.999, measured: 100), Day(2, availability: 0.99, measured: 300)]);

        Assert.Equal(0.99225, week.AverageAvailability!.Value, 12);
        Assert.Equal(0.00775, week.AverageErrorRate!.Value, 12);
        Assert.Equal(2, week.Days);
        Assert.Equal(2, week.DaysWithData);
        Assert.Equal(FirstDay, week.FirstDay);
        Assert.Equal(FirstDay.AddDays(1), week.LastDay);
        Assert.Equal(1, week.AvailabilitySloCompliance);
        Assert.Equal(300, week.AverageLatencyP99);
        Assert.Equal(0.4, week.AverageCpu!.Value, 12);
    }

    [Fact]
    public void Summarize_Alerts_SummedOverDays()
    {
        var week = WeeklySummarizer.Summarize([Day(1, critical: 2), Day(2), Day(3, critical: 1)]);

        Assert.Equal(new AlertAggregate(0, 0, 0, 3, 70), week.Alerts); // 23 + 24 + 23 alert-free hours
    }

    [Fact]
    public void Summarize_PeriodOverPeriod_FirstDayAgainstLastDayWithData()
    {
        // Day 1 p99 200 ms, day 6 (the last with data) 230 ms: +15 %, up. Day 7 has no data.
        var days = Enumerable.Range(1, 6).Select(n => Day(n, p99: n == 6 ? 230 : 200)).Append(EmptyDay(7)).ToList();

        var week = WeeklySummarizer.Summarize(days);

        var p99 = week.Trends.LatencyP99!;
        Assert.Equal(15, p99.ChangePercent!.Value, 9);
        Assert.Equal(TrendDirection.Up, p99.Direction);
        Assert.Equal(TrendDirection.Flat, week.Trends.Availability!.Direction);
        Assert.Equal([FirstDay.AddDays(6)], week.DaysWithoutData);
        Assert.Equal(6, week.DaysWithData);
    }

    [Fact]
    public void Summarize_Halves_DaysOneToThreeAgainstFourToSeven()
    {
        // p95 180 ms on days 1-3 and 215 ms on days 4-7: +35 ms, degrading.
        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => Day(n, p95: n <= 3 ? 180 : 215)));

        var halves = week.Trends.Halves;
        Assert.Equal(Midnight(FirstDay.AddDays(3)), halves.SplitAt);
        Assert.Equal(3, halves.FirstHalfCount);
        Assert.Equal(4, halves.SecondHalfCount);
        Assert.Equal(35, halves.LatencyP95.Change!.Value, 9);
        Assert.Equal(TrendAssessment.Degrading, halves.LatencyP95.Assessment);
        Assert.Contains("P95 latency is degrading: 180 ms in the first half, 215 ms in the second (+35 ms; stable within +-10 ms). The second half starts on 2025-11-20.", week.Recommendations);
        Assert.Contains(week.ActionItems, a => a.StartsWith("Find what changed around 2025-11-20 (deployments, configuration, traffic): latency_p95_ms got worse", StringComparison.Ordinal));
    }

    [Fact]
    public void Summarize_RisingP99_ProjectsWhenItReachesTheTarget()
    {
        // 400, 410, ... 460 ms at noon of days 1-7: +10 ms a day. From 460 at day 7 noon, 500 is
        // 4 days away: noon of 2025-11-27.
        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => Day(n, p99: 400 + (10 * (n - 1)))));

        var line = week.Trends.LatencyP99Line!;
        Assert.Equal(10.0 / 24, line.SlopePerHour, 9);
        Assert.Equal(1, line.RSquared, 9);
        Assert.Equal(new DateTimeOffset(2025, 11, 27, 12, 0, 0, TimeSpan.Zero).UtcTicks, week.Trends.LatencyP99ReachesTarget!.Value.UtcTicks, TimeSpan.TicksPerSecond);
        Assert.Contains("p99 latency is rising 10 ms a day (r2 1.00); at that pace it reaches the 500 ms target around 2025-11-27.", week.Recommendations);
        Assert.Contains("Fix the latency growth or add capacity before 2025-11-27, when p99 is projected to reach 500 ms.", week.ActionItems);
    }

    [Fact]
    public void Summarize_FallingP99_NoProjection()
    {
        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => Day(n, p99: 460 - (10 * (n - 1)))));

        Assert.Null(week.Trends.LatencyP99ReachesTarget);
    }

    [Fact]
    public void Summarize_OneDay_TrendsNeedTwo()
    {
        var week = WeeklySummarizer.Summarize([Day(1)]);

        Assert.Null(week.Trends.Availability);
        Assert.Null(week.Trends.LatencyP99Line);
        Assert.Null(week.Trends.Halves.SplitAt);
    }

    [Fact]
    public void Summarize_NoDayHasData_NoExceptionAndSaysSo()
    {
        var week = WeeklySummarizer.Summarize([EmptyDay(1), EmptyDay(2), EmptyDay(3)]);

        Assert.Equal(0, week.DaysWithData);
        Assert.Null(week.AverageAvailability);
        Assert.Equal(new StabilityScore(0, "F", null, null, null), week.Stability); // nothing measured: unknown, never 100 %
        Assert.False(week.RollbackRecommended);
        Assert.Contains("No usable data on days 1, 2 and 3: those days could not be judged.", week.Recommendations);
        Assert.Contains("Restore the metrics source for days 1, 2 and 3 and re-run the summary.", week.ActionItems);
    }

    [Fact]
    public void Summarize_Stability_ComplianceOverAllSnapshotsAndTheMeanDailyDrift_NotAMeanOfDailyScores()
    {
        // Day 1: 100 of 100 availability-compliant, 75 of 100 latency-compliant, drift 0 %.
        // Day 2: 240 of 300 and 240 of 300, drift 5 %. Day 3 has no data and does not count.
        var day1 = Day(1, drift: 0) with { Latency = Day(1).Latency with { Compliant = 75, SloCompliance = 0.75 } };
        var day2 = Day(2, drift: 5, measured: 300) with
        {
            Availability = Day(2, measured: 300).Availability with { Compliant = 240, SloCompliance = 0.8 },
            Latency = Day(2, measured: 300).Latency with { Compliant = 240, SloCompliance = 0.8 },
        };

        var week = WeeklySummarizer.Summarize([day1, day2, EmptyDay(3)]);

        // Availability 340 / 400 = 0.85, latency 315 / 400 = 0.7875, drift (0 + 5) / 2 = 2.5 %:
        // 40 x 0.85 + 40 x 0.7875 + 20 x (100 - 2.5) / 100 = 34 + 31.5 + 19.5 = 85.
        Assert.Equal(new StabilityScore(85, "B", 0.85, 0.7875, 2.5), week.Stability);
    }

    [Fact]
    public void Summarize_UnsortedDays_AreSorted()
    {
        var week = WeeklySummarizer.Summarize([Day(3), Day(1), Day(2)]);

        Assert.Equal(FirstDay, week.FirstDay);
        Assert.Equal(FirstDay.AddDays(2), week.LastDay);
    }

    [Fact]
    public void Summarize_NoDays_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => WeeklySummarizer.Summarize([]));

        Assert.Equal("days", error.ParamName);
        Assert.Contains("At least one daily summary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_SameDayTwice_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => WeeklySummarizer.Summarize([Day(1), Day(2), Day(1)]));

        Assert.Contains("The day 2025-11-17 appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_NullDay_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => WeeklySummarizer.Summarize([Day(1), null!]));

        Assert.Contains("position 1 is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_InvalidOptions_ListsEveryProblem()
    {
        var options = new WeeklySummaryOptions();
        options.Thresholds.AvailabilityTarget = -0.1;
        options.Thresholds.DegradedDaysLimit = 0;
        options.Thresholds.CriticalAlertLimit = -1;
        options.Thresholds.Trends.FlatBandPercent = -5;

        var error = Assert.Throws<ArgumentException>(() => WeeklySummarizer.Summarize([Day(1)], options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("AvailabilityTarget must be a ratio in [0, 1] (was -0.1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("DegradedDaysLimit must be at least 1 (was 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("CriticalAlertLimit must not be negative (was -1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Trends:FlatBandPercent", error.Message, StringComparison.Ordinal);
    }
}
