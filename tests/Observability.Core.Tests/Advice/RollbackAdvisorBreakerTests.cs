namespace Observability.Core.Tests.Advice;

/// <summary>The health sustain timer, no-data observations and the latched breaker.</summary>
public sealed class RollbackAdvisorBreakerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static RolloutObservation Health(double score, TimeSpan after) => new(T0 + after) { HealthScore = score };

    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Observe_HealthBelowCritical_HoldsWithTheTimeRemainingThenTripsAtExactlyThirtyMinutes()
    {
        var advisor = new RollbackAdvisor();

        var first = advisor.Observe(Health(40, Min(0)));
        Assert.Equal(Decision.Hold, first.Decision);
        Assert.Equal("rollback_health_pending", Assert.Single(first.Reasons).Rule);
        Assert.Equal(T0, first.UnhealthySince);
        Assert.Equal(Min(30), first.HealthTripIn);

        var twenty = advisor.Observe(Health(42, Min(20)));
        Assert.Equal(Decision.Hold, twenty.Decision);
        Assert.Equal(Min(10), twenty.HealthTripIn); // 30 - 20
        Assert.Equal(
            "Hold: Health score 42 is below 50 since 2026-11-22 12:00 UTC (20 min); the breaker trips in 10 min if it stays there.",
            twenty.Summary);

        var justShort = advisor.Observe(Health(42, Min(30) - TimeSpan.FromSeconds(1)));
        Assert.Equal(Decision.Hold, justShort.Decision);
        Assert.Equal(TimeSpan.FromSeconds(1), justShort.HealthTripIn);

        var thirty = advisor.Observe(Health(45, Min(30))); // sustained 30 min >= 30 min: trips
        Assert.Equal(Decision.Rollback, thirty.Decision);
        var reason = Assert.Single(thirty.Reasons);
        Assert.Equal("rollback_health_sustained", reason.Rule);
        Assert.Equal(45, reason.Observed);
        Assert.Equal(50, reason.Threshold);
        Assert.Equal(
            "Roll back: Health score 45 has been below 50 for 30 min (since 2026-11-22 12:00 UTC), at least the 30 min that trip the breaker.",
            thirty.Summary);
        Assert.Equal(T0 + Min(30), thirty.TrippedAt);
        Assert.Null(thirty.HealthTripIn);
    }

    [Fact]
    public void Observe_HealthExactlyAtCritical_IsNotBelowIt()
    {
        var advisor = new RollbackAdvisor();

        var advice = advisor.Observe(Health(50, Min(0)));

        Assert.Equal(Decision.Proceed, advice.Decision);
        Assert.Null(advisor.UnhealthySince);
    }

    [Fact]
    public void Observe_HealthRecovers_ResetsTheSustainTimer()
    {
        var advisor = new RollbackAdvisor();
        advisor.Observe(Health(40, Min(0)));
        advisor.Observe(Health(40, Min(20)));

        var recovered = advisor.Observe(Health(60, Min(25)));
        Assert.Equal(Decision.Proceed, recovered.Decision);
        Assert.Null(recovered.UnhealthySince);

        // Low again from minute 30: the timer restarts there, so minute 59 holds (1 min left) and 60 trips.
        Assert.Equal(Min(30), advisor.Observe(Health(40, Min(30))).HealthTripIn);
        var fiftyNine = advisor.Observe(Health(40, Min(59)));
        Assert.Equal(Decision.Hold, fiftyNine.Decision);
        Assert.Equal(Min(1), fiftyNine.HealthTripIn);
        Assert.Equal(Decision.Rollback, advisor.Observe(Health(40, Min(60))).Decision);
    }

    [Fact]
    public void Observe_NoDataWhileUnhealthy_NeitherResetsNorTripsTheTimer()
    {
        var advisor = new RollbackAdvisor();
        advisor.Observe(Health(40, Min(0)));

        // 35 min after the first low score, but nothing was collected: no data, no trip.
        var gap = advisor.Observe(RolloutObservation.NoData(T0 + Min(35), "Prometheus timed out"));
        Assert.Equal(Decision.NoData, gap.Decision);
        Assert.False(advisor.IsTripped);
        Assert.Equal(T0, gap.UnhealthySince);
        Assert.Equal(TimeSpan.Zero, gap.HealthTripIn); // 30 - 35, floored at 0
        var finding = Assert.Single(gap.Reasons);
        Assert.Equal("rollback_no_data", finding.Rule);
        Assert.Equal(AlertSeverity.Warning, finding.Severity);
        Assert.Equal(
            "No data: Prometheus timed out; a collection failure never triggers a rollback. The health timer is unchanged: below 50 since 2026-11-22 12:00 UTC.",
            gap.Summary);

        // The next measured low score has been low for 36 min since minute 0: it trips.
        var next = advisor.Observe(Health(40, Min(36)));
        Assert.Equal(Decision.Rollback, next.Decision);
        Assert.Contains("for 36 min", next.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_NoDataBetweenLowScores_DoesNotRestartTheTimer()
    {
        var advisor = new RollbackAdvisor();
        advisor.Observe(Health(40, Min(0)));
        advisor.Observe(new RolloutObservation(T0 + Min(10)) { Quality = DataQuality.Empty("exporter returned nothing") });

        Assert.Equal(Decision.Rollback, advisor.Observe(Health(40, Min(30))).Decision); // 30 min since minute 0
    }

    [Fact]
    public void Observe_NoDataWithAlarmingValues_IgnoresTheValuesAndNeverTrips()
    {
        var advisor = new RollbackAdvisor();

        var advice = advisor.Observe(new RolloutObservation(T0) { Quality = DataQuality.Failed("scrape failed"), ErrorRate = 0.9, JobCount = 1000, ProcessorConnectivityFailures = 50 });

        Assert.Equal(Decision.NoData, advice.Decision);
        Assert.False(advisor.IsTripped);
        Assert.Null(advice.HealthTripIn);
        Assert.EndsWith("The health timer is not running.", advice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_NoHealthScoreWhileTimerRuns_HoldsButCannotTrip()
    {
        var advisor = new RollbackAdvisor();
        advisor.Observe(Health(40, Min(0)));

        var unmeasured = advisor.Observe(new RolloutObservation(T0 + Min(40)) { ErrorRate = 0.01, JobCount = 100 });

        Assert.Equal(Decision.Hold, unmeasured.Decision);
        Assert.Equal("rollback_health_pending", Assert.Single(unmeasured.Reasons).Rule);
        Assert.Equal(TimeSpan.Zero, unmeasured.HealthTripIn);
        Assert.Equal(Decision.Rollback, advisor.Observe(Health(40, Min(41))).Decision);
    }

    [Fact]
    public void Observe_ZeroSustainTime_TripsOnTheFirstLowScore()
    {
        var advisor = new RollbackAdvisor(new RollbackAdvisorOptions { HealthSustainFor = TimeSpan.Zero });

        Assert.Equal(Decision.Rollback, advisor.Observe(Health(10, Min(0))).Decision);
    }

    [Fact]
    public void Observe_AfterTripping_StaysTrippedOnHealthyAndEmptyObservationsUntilReset()
    {
        var advisor = new RollbackAdvisor();
        var trip = advisor.Observe(new RolloutObservation(T0) { ErrorRate = 0.2, JobCount = 100 });

        var healthy = advisor.Observe(new RolloutObservation(T0 + Min(5)) { ErrorRate = 0.001, JobCount = 100, HealthScore = 99 });
        Assert.Equal(Decision.Rollback, healthy.Decision);
        Assert.Equal(T0, healthy.TrippedAt);
        Assert.Equal(T0 + Min(5), healthy.Timestamp);
        Assert.Same(trip.Reasons, healthy.Reasons);
        Assert.Equal(
            "Roll back: the breaker tripped at 2026-11-22 12:00 UTC and stays tripped until Reset. Error rate 20 % over 100 jobs is above the maximum of 5 %.",
            healthy.Summary);

        var empty = advisor.Observe(RolloutObservation.NoData(T0 + Min(10), "collector down"));
        Assert.Equal(Decision.Rollback, empty.Decision);

        advisor.Reset();
        Assert.False(advisor.IsTripped);
        Assert.Null(advisor.TrippedAt);
        // Reset forgets the last timestamp too: a new rollout may start earlier on another clock.
        Assert.Equal(Decision.Proceed, advisor.Observe(new RolloutObservation(T0 - Min(60)) { ErrorRate = 0.001, JobCount = 100 }).Decision);
    }

    [Fact]
    public void Reset_ClearsTheHealthTimer()
    {
        var advisor = new RollbackAdvisor();
        advisor.Observe(Health(40, Min(0)));

        advisor.Reset();

        Assert.Null(advisor.UnhealthySince);
        Assert.Equal(Min(30), advisor.Observe(Health(40, Min(29))).HealthTripIn);
    }
}
