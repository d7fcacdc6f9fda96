using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Aggregation;

public sealed class WeeklyAdviceTests
{
    [Fact]
    public void Summarize_AvailabilityBelowTargetOnSomeDays_NamesTheDaysAndTheWorst()
    {
        // Days 2, 4 and 5 at 99.85 %, 99.61 % and 99.8 %: together (0.9985 + 0.9961 + 0.998) / 3 = 99.753 %.
        // Day 4's lowest snapshot is 0.9961 - 0.0005 = 99.56 %, its error rate peaked at 2 x 0.39 % = 0.78 %.
        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => Day(n, availability: n switch { 2 => 0.9985, 4 => 0.9961, 5 => 0.998, _ => 0.9995 })));

        Assert.Contains("Availability averaged 99.753 % (target 99.9 %) on 3 of 7 days (days 2, 4 and 5); the worst was day 4 (2025-11-20) at 99.61 %.", week.Recommendations);
        Assert.Contains(
            "Investigate the error spike on day 4 (2025-11-20): availability averaged 99.61 % (lowest snapshot 99.56 %) and the error rate peaked at 0.78 %; find the failing endpoint or dependency and its first failure.",
            week.ActionItems);
        // The week: (4 x 0.9995 + 2.9926) / 7 = 99.866 %, below 99.9 %: roll back first.
        Assert.Equal("Roll back the release: Availability averaged 99.866 % over 7 days, below the 99.9 % target.", week.ActionItems[0]);
    }

    [Fact]
    public void Summarize_LatencyDegradedDays_ListsComplianceAndProfilesTheWorst()
    {
        var days = Enumerable.Range(1, 7).Select(n => n switch
        {
            3 => Degraded(Day(n), latencyCompliance: 0.9),
            5 => Degraded(Day(n, p99: 480), latencyCompliance: 0.8),
            _ => Day(n),
        });

        var week = WeeklySummarizer.Summarize(days);

        Assert.Contains("p99 latency met the 500 ms SLO in fewer than 95 % of snapshots on 2 of 7 days: day 3 (2025-11-19) 90 %, day 5 (2025-11-21) 80 %.", week.Recommendations);
        // Day 5 is the worst (80 %): p99 averaged 480 ms and peaked at 480 x 1.3 = 624 ms.
        Assert.Contains(
            "Profile the slowest requests of day 5 (2025-11-21): p99 averaged 480 ms and peaked at 624 ms against the 500 ms target; compare with the deployment and traffic of that day.",
            week.ActionItems);
    }

    [Fact]
    public void Summarize_ErrorRateDegradedDay_BreaksDownItsErrors()
    {
        var flagged = Day(4, availability: 0.9985);
        flagged = flagged with
        {
            Errors = new ErrorAggregate(100, 0.0015, 0.012, 300, 200_000),
            Flags = [new DegradationFlag(DegradationFlag.ErrorRate, 0.0015, 0.001, "The error rate averaged 0.15 %.")],
        };

        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => n == 4 ? flagged : Day(n)));

        Assert.Contains("The error rate averaged at or above the 0.1 % limit on 1 of 7 days: day 4 (2025-11-20) 0.15 %.", week.Recommendations);
        Assert.Contains(
            "Break down the errors of day 4 (2025-11-20) by endpoint and status code: 300 errors in 200,000 requests, an average rate of 0.15 % and a peak of 1.2 %.",
            week.ActionItems);
    }

    [Fact]
    public void Summarize_DriftedMetric_NamesTheDaysAndTheBaseline()
    {
        static DailySummary Drifted(int n, double percent, double average)
        {
            var metric = new MetricDrift(WellKnownMetrics.LatencyP95, 180, 100, average, percent, percent * 2, percent > 15);
            return Day(n, drift: percent) with { Drift = new DriftAggregate(15, percent, percent * 2, [metric], percent > 15 ? [metric.Metric] : []) };
        }

        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => n >= 5 ? Drifted(n, n == 6 ? 22.4 : 17, 220.3) : Drifted(n, 5, 189)));

        Assert.Contains(
            "latency_p95_ms drifted more than 15 % from its baseline on days 5, 6 and 7, most on day 6 (2025-11-22): 22.4 % on average (baseline 180, day average 220.3).",
            week.Recommendations);
        // The week averages (4 x 5 + 17 + 22.4 + 17) / 7 = 10.9 %: no rollback for drift.
        Assert.Contains(
            "Compare the release with the baseline for latency_p95_ms (the period averaged 10.9 % drift across the baseline metrics): confirm the change is intended and update the baseline, or fix the regression.",
            week.ActionItems);
        Assert.False(week.RollbackRecommended);
    }

    [Fact]
    public void Summarize_CriticalAlerts_CountedByDay()
    {
        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => Day(n, critical: n switch { 2 => 4, 5 => 2, _ => 0 })));

        Assert.Contains("6 critical alerts in the period (a rollback is recommended above 5): day 2 (2025-11-18): 4, day 5 (2025-11-21): 2.", week.Recommendations);
        Assert.Contains("Review the 6 critical alerts (day 2 (2025-11-18): 4, day 5 (2025-11-21): 2): give each an owner and a root cause.", week.ActionItems);
    }

    [Fact]
    public void Summarize_OneCriticalAlert_Singular()
    {
        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => Day(n, critical: n == 6 ? 1 : 0)));

        Assert.Contains("1 critical alert in the period (a rollback is recommended above 5): day 6 (2025-11-22): 1.", week.Recommendations);
    }

    [Fact]
    public void Summarize_IncompleteDay_PointsAtTheCollector()
    {
        var gappy = Day(3) with { Completeness = new DataCompleteness(48, 44, 0, 4, 91.67, ["missing 4 snapshots between 04:00 and 05:30"]) };

        var week = WeeklySummarizer.Summarize(Enumerable.Range(1, 7).Select(n => n == 3 ? gappy : Day(n)));

        Assert.Contains("Data was incomplete on 1 of 7 days; the worst was day 3 (2025-11-19) with 91.7 % of the 48 expected snapshots (missing 4 snapshots between 04:00 and 05:30).", week.Recommendations);
        Assert.Contains("Check the collector and the metrics source for the gaps of day 3 (2025-11-19): 4 snapshots missing, so that its numbers can be trusted.", week.ActionItems);
    }

    [Fact]
    public void Summarize_FromSnapshots_ErrorSpikeOnDayFourIsNamed()
    {
        // Seven days of hourly snapshots at 99.95 %; on day 4 the hours 10-13 fail 2 % of requests.
        // Day 4: availability (20 x 0.9995 + 4 x 0.98) / 24 = 99.625 %, compliance 20 / 24 (degraded),
        // error rate (20 x 0.0005 + 4 x 0.02) / 24 = 0.375 % (under the 2.5 % warning: not degraded by errors). The week still averages
        // (6 x 0.9995 + 0.99625) / 7 = 99.904 %, one degraded day: no rollback.
        var snapshots = Enumerable.Range(0, 7 * 24).Select(h =>
        {
            var time = Midnight(FirstDay).AddHours(h);
            return h / 24 == 3 && h % 24 is >= 10 and <= 13 ? Healthy(time, availability: 0.98) : Healthy(time);
        });

        var days = DailyAggregator.AggregateDays(snapshots, options: Hourly());
        var week = WeeklySummarizer.Summarize(days);

        Assert.Equal(0.99625, days[3].Availability.Average!.Value, 9);
        Assert.Equal([DegradationFlag.AvailabilityCompliance], days[3].Flags.Select(f => f.Rule));
        Assert.Equal(0.9990357, week.AverageAvailability!.Value, 6);
        Assert.False(week.RollbackRecommended);
        Assert.Equal([4], week.DegradedDays.Select(d => d.DayNumber));
        Assert.Contains("Availability averaged 99.625 % (target 99.9 %) on day 4 (2025-11-20), the only day of 7 below the target.", week.Recommendations);
        Assert.Contains(
            "Investigate the error spike on day 4 (2025-11-20): availability averaged 99.625 % (lowest snapshot 98 %) and the error rate peaked at 2 %; find the failing endpoint or dependency and its first failure.",
            week.ActionItems);
    }
}
