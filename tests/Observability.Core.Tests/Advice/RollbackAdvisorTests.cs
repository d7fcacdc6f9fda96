namespace Observability.Core.Tests.Advice;

public sealed class RollbackAdvisorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static RolloutObservation Healthy(DateTimeOffset at)
        => new(at) { ErrorRate = 0.012, JobCount = 400, HealthScore = 82, QueueBacklog = 120 };

    [Fact]
    public void Observe_HealthyObservation_ProceedsWithTheNumbersInTheSummary()
    {
        var advice = new RollbackAdvisor().Observe(Healthy(T0));

        Assert.Equal(Decision.Proceed, advice.Decision);
        Assert.Empty(advice.Reasons);
        Assert.Null(advice.TrippedAt);
        Assert.Null(advice.HealthTripIn);
        Assert.Equal(T0, advice.Timestamp);
        Assert.Equal(
            "Proceed: error rate 1.2 % over 400 jobs (max 5 %), health 82 (critical below 50), 0 processor connectivity failures, queue backlog 120 (rule off); no rollback rule is breached.",
            advice.Summary);
    }

    [Fact]
    public void Observe_ErrorRateAboveMaximumWithElevenJobs_TripsWithTheRuleAndNumbers()
    {
        var advisor = new RollbackAdvisor();

        // 0.08 > 0.05 and 11 jobs > 10: the rule fires.
        var advice = advisor.Observe(new RolloutObservation(T0) { ErrorRate = 0.08, JobCount = 11 });

        Assert.Equal(Decision.Rollback, advice.Decision);
        var reason = Assert.Single(advice.Reasons);
        Assert.Equal("rollback_error_rate", reason.Rule);
        Assert.Equal(AlertSeverity.Critical, reason.Severity);
        Assert.Equal(0.08, reason.Observed);
        Assert.Equal(0.05, reason.Threshold);
        Assert.Equal("Roll back: Error rate 8 % over 11 jobs is above the maximum of 5 %.", advice.Summary);
        Assert.Equal(T0, advice.TrippedAt);
        Assert.True(advisor.IsTripped);
        Assert.Equal(T0, advisor.TrippedAt);
    }

    [Fact]
    public void Observe_ErrorRateAboveMaximumWithExactlyTenJobs_IsNotJudged()
    {
        var advisor = new RollbackAdvisor();

        // 10 jobs is not MORE than the minimum of 10.
        var advice = advisor.Observe(new RolloutObservation(T0) { ErrorRate = 0.5, JobCount = 10 });

        Assert.Equal(Decision.Proceed, advice.Decision);
        var info = Assert.Single(advice.Reasons);
        Assert.Equal("rollback_error_rate_low_volume", info.Rule);
        Assert.Equal(AlertSeverity.Info, info.Severity);
        Assert.Contains("error rate 50 % not judged (10 jobs, more than 10 needed)", advice.Summary, StringComparison.Ordinal);
        Assert.False(advisor.IsTripped);
    }

    [Theory]
    [InlineData(0.05, Decision.Proceed)]  // exactly the maximum is not above it
    [InlineData(0.0501, Decision.Rollback)]
    public void Observe_ErrorRateAtTheMaximum_OnlyAboveTrips(double rate, Decision expected)
    {
        var advice = new RollbackAdvisor().Observe(new RolloutObservation(T0) { ErrorRate = rate, JobCount = 200 });

        Assert.Equal(expected, advice.Decision);
    }

    [Theory]
    [InlineData(0, Decision.Proceed, null)]
    [InlineData(1, Decision.Hold, "rollback_processor_connectivity_pending")]
    [InlineData(2, Decision.Hold, "rollback_processor_connectivity_pending")]
    [InlineData(3, Decision.Rollback, "rollback_processor_connectivity")]  // the default threshold: at least 3 trips
    public void Observe_ProcessorConnectivityFailures_HoldBelowAndTripAtTheThreshold(int failures, Decision expected, string? rule)
    {
        var advice = new RollbackAdvisor().Observe(Healthy(T0) with { ProcessorConnectivityFailures = failures });

        Assert.Equal(expected, advice.Decision);
        Assert.Equal(rule, advice.Reasons.SingleOrDefault()?.Rule);
    }

    [Fact]
    public void Observe_ConnectivityThresholdOfOne_TripsOnTheFirstFailure()
    {
        var advisor = new RollbackAdvisor(new RollbackAdvisorOptions { ConnectivityFailureThreshold = 1 });

        var advice = advisor.Observe(Healthy(T0) with { ProcessorConnectivityFailures = 1 });

        Assert.Equal(Decision.Rollback, advice.Decision);
        Assert.Equal("1 processor connectivity failures, at least the 1 that trip the breaker.", advice.Reasons[0].Message);
    }

    [Fact]
    public void Observe_QueueBacklogWithoutThreshold_RuleIsOff()
    {
        var advice = new RollbackAdvisor().Observe(Healthy(T0) with { QueueBacklog = 1_000_000 });

        Assert.Equal(Decision.Proceed, advice.Decision);
    }

    [Theory]
    [InlineData(500, Decision.Proceed)]  // exactly the threshold is not above it
    [InlineData(501, Decision.Rollback)]
    public void Observe_QueueBacklogAtTheThreshold_OnlyAboveTrips(double backlog, Decision expected)
    {
        var advisor = new RollbackAdvisor(new RollbackAdvisorOptions { QueueBacklogThreshold = 500 });

        var advice = advisor.Observe(Healthy(T0) with { QueueBacklog = backlog });

        Assert.Equal(expected, advice.Decision);
        if (expected == Decision.Rollback)
        {
            Assert.Equal("rollback_queue_backlog", Assert.Single(advice.Reasons).Rule);
            Assert.Equal("Roll back: Queue backlog 501 is above the threshold of 500.", advice.Summary);
        }
    }

    [Fact]
    public void Observe_SeveralRulesAtOnce_ListsEveryReasonMostSevereFirst()
    {
        var advisor = new RollbackAdvisor(new RollbackAdvisorOptions { QueueBacklogThreshold = 500 });

        var advice = advisor.Observe(new RolloutObservation(T0) { ErrorRate = 0.09, JobCount = 50, HealthScore = 30, ProcessorConnectivityFailures = 4, QueueBacklog = 900 });

        Assert.Equal(Decision.Rollback, advice.Decision);
        // Health 30 < 50 only starts the timer (a hold); the other three trip.
        Assert.Equal(
            ["rollback_error_rate", "rollback_processor_connectivity", "rollback_queue_backlog", "rollback_health_pending"],
            advice.Reasons.Select(r => r.Rule));
        Assert.StartsWith("Roll back: Error rate 9 % over 50 jobs is above the maximum of 5 %. 4 processor connectivity failures", advice.Summary, StringComparison.Ordinal);
        Assert.Equal(advice.ToVerdict(), new Verdict(Decision.Rollback, advice.Summary, advice.Reasons));
    }

    [Fact]
    public void Observe_PartialQuality_IsStillData()
    {
        var advice = new RollbackAdvisor().Observe(new RolloutObservation(T0) { Quality = DataQuality.Partial("no latency"), ErrorRate = 0.2, JobCount = 100 });

        Assert.Equal(Decision.Rollback, advice.Decision);
    }

    [Fact]
    public void Observe_EarlierTimestamp_ThrowsNamingBothTimes()
    {
        var advisor = new RollbackAdvisor();
        advisor.Observe(Healthy(T0));
        advisor.Observe(Healthy(T0)); // the same timestamp is in order

        var ex = Assert.Throws<ArgumentException>(() => advisor.Observe(Healthy(T0.AddSeconds(-1))));

        Assert.Equal("observation", ex.ParamName);
        Assert.Contains("2026-11-22T11:59:59.0000000+00:00 is earlier than the previous observation at 2026-11-22T12:00:00.0000000+00:00", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("observation", () => advisor.Observe(null!));
    }
}
