using static Observability.Core.Tests.Judgement.GeneratedWeeks;

namespace Observability.Core.Tests.Judgement;

/// <summary>
/// The judgement engine on weeks a service really has: a healthy week with ordinary daily swings is
/// neither held nor rolled back and no day drifts; a week that degrades in its last hours rolls back
/// and says why; an exporter gap is a partial day, not an outage; a source without p99 leaves latency
/// compliance unknown, never 100 %.
/// </summary>
public sealed class GeneratedWeekJudgementTests
{
    [Fact]
    public async Task HealthyWeekWithDailySwings_Proceeds_NoRollbackAdvice_NoDriftedDay()
    {
        var snapshots = Week();
        await using var harness = Harness(snapshots);

        var report = (await harness.Monitor.RunOnceAsync()).Report;
        var (days, week) = Summarize(snapshots);

        // The busy last hours of the week are compared with the same hours of the earlier days, not with the mean of all hours.
        Assert.Equal(Decision.Proceed, report.Verdict.Decision);
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("regression", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Severity >= AlertSeverity.Warning);
        Assert.False(week.RollbackRecommended, string.Join(" ", week.RollbackReasons.Select(r => r.Message)));
        Assert.All(days, d => Assert.Empty(d.Drift.MetricsOverThreshold));
        Assert.All(days, d => Assert.False(d.IsDegraded));
        Assert.Equal(0, week.Alerts.Total);
        Assert.Equal(TrendAssessment.Stable, week.AvailabilityTrend);

        // Drift is the day's level against the baseline level: the +-25 % swing within a day is not drift.
        Assert.All(days, d => Assert.True(d.Drift.AveragePercent < 2, $"{d.Label} drifted {d.Drift.AveragePercent} %"));
        Assert.Equal(7, days.Count);
        Assert.Equal(7 * 24, week.Alerts.AlertFreeHours);
    }

    [Fact]
    public async Task WeekDegradingInItsLastHours_RollsBack_CountsItsCriticalAlerts_AvailabilityDegrading()
    {
        var snapshots = DegradingAtTheEnd();
        await using var harness = Harness(snapshots);

        var report = (await harness.Monitor.RunOnceAsync()).Report;
        var (days, week) = Summarize(snapshots);

        Assert.Equal(Decision.Rollback, report.Verdict.Decision);
        Assert.Contains(report.Verdict.Reasons, f => f.Rule == RuleCatalogue.ErrorRateCritical);
        Assert.True(week.RollbackRecommended);
        Assert.Contains(week.RollbackReasons, r => r.Rule == RollbackReason.AvailabilityBelowTarget);

        // The alerts are counted on the day they started firing: the error rate, then the sustained health breaker.
        Assert.True(days[6].Alerts.Critical >= 2, $"day 7 counted {days[6].Alerts.Critical} critical alert(s)");
        Assert.Equal(days[6].Alerts.Critical, week.Alerts.Critical);
        Assert.Equal(14, days[6].Alerts.AlertFreeHours); // the last 10 hours fired
        Assert.All(days.Take(6), d => Assert.Equal(0, d.Alerts.Total));

        // Availability 99.96 % -> about 98.1 % over the days 4-7 half: judged in percentage points, not a +-5 % relative band.
        Assert.Equal(TrendAssessment.Degrading, week.AvailabilityTrend);
        Assert.Equal(TrendAssessment.Degrading, week.LatencyTrend);
        Assert.True(days[6].IsDegraded);

        // One definition: the pass's stability over the same week and baseline is the week's.
        Assert.Equal(week.Stability, report.Stability);
    }

    [Fact]
    public async Task WeekWithAShortExporterGap_Proceeds_TheGapsDayIsPartial()
    {
        var snapshots = WithExporterGap();
        await using var harness = Harness(snapshots);

        var report = (await harness.Monitor.RunOnceAsync()).Report;
        var (days, week) = Summarize(snapshots);

        Assert.Equal(Decision.Proceed, report.Verdict.Decision);
        var gap = Assert.Single(report.DataQuality.Gaps);
        Assert.False(gap.Persistent);
        Assert.Equal(2, days[2].Completeness.Unusable);
        Assert.Equal(2, days[2].Completeness.Missing);
        Assert.True(days[2].Completeness.Percent < 100);
        Assert.All(days.Where(d => d.DayNumber != 3), d => Assert.Equal(100, d.Completeness.Percent));
        Assert.False(week.RollbackRecommended);

        // The quiet source is a collection gap, never a 0 % availability.
        Assert.True(days[2].Availability.Min > 0.999);
        Assert.Equal(0, days[2].Alerts.Critical);
    }

    [Fact]
    public async Task WeekWithoutP99_Proceeds_LatencyComplianceUnknownNot100()
    {
        var snapshots = Week(withP99: false);
        await using var harness = Harness(snapshots);

        var report = (await harness.Monitor.RunOnceAsync()).Report;
        var (days, week) = Summarize(snapshots);

        Assert.Equal(Decision.Proceed, report.Verdict.Decision);
        Assert.Null(report.Stability.LatencyCompliance);
        Assert.NotNull(report.Stability.AvailabilityCompliance);
        Assert.All(days, d => Assert.Null(d.Latency.SloCompliance));
        Assert.Null(week.LatencySloCompliance);
        Assert.Null(week.Stability.LatencyCompliance);
        Assert.Contains("no p99 latency measured: latency SLO compliance is unknown", days[0].Completeness.Warnings);

        using var stream = new MemoryStream();
        await new SummaryReporter().WriteJsonAsync(days[0], stream);
        using var json = System.Text.Json.JsonDocument.Parse(stream.ToArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("latency_slo_compliance_percent").ValueKind);
    }
}
