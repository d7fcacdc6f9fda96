namespace Observability.Providers.Sentry.Tests.Alerts;

/// <summary>The release alert helpers, each threshold tested exactly at its boundary.</summary>
public sealed class ReleaseAlertsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(100, null)]
    [InlineData(70, null)] // "below 70": exactly 70 is healthy
    [InlineData(69.9, AlertSeverity.Warning)]
    [InlineData(50, AlertSeverity.Warning)] // "below 50": exactly 50 is still a warning
    [InlineData(49.9, AlertSeverity.Error)]
    [InlineData(0, AlertSeverity.Error)]
    public void HealthDegradation_Boundaries(double score, AlertSeverity? expected)
        => Assert.Equal(expected, ReleaseAlerts.HealthDegradation("checkout", score, At)?.Severity);

    [Fact]
    public void HealthDegradation_Error_DescribesScoreAndLimits()
    {
        var alert = ReleaseAlerts.HealthDegradation("checkout", 45, At)!;

        Assert.Equal(ReleaseAlerts.HealthDegradationRule, alert.Rule);
        Assert.Equal("checkout: health score 45.0 below 50", alert.Title);
        Assert.Equal("Health score 45.0 is below 50 (warning below 70, error below 50).", alert.Message);
        Assert.Equal("checkout", alert.Labels[AlertLabels.Service]);
        Assert.Equal("health", alert.Labels[AlertLabels.Category]);
        Assert.Equal(45.0, alert.Context["health_score"]);
        Assert.Equal(At, alert.Timestamp);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void HealthDegradation_ScoreOutOfRange_Throws(double score)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseAlerts.HealthDegradation("checkout", score, At));
        Assert.Equal("healthScore", exception.ParamName);
    }

    [Theory]
    [InlineData(0.04, null)]
    [InlineData(0.05, null)] // "above the threshold": exactly 5 % is fine
    [InlineData(0.0501, AlertSeverity.Warning)]
    [InlineData(0.10, AlertSeverity.Warning)] // "above twice the threshold": exactly 2 x 5 % = 10 % is a warning
    [InlineData(0.1001, AlertSeverity.Critical)]
    [InlineData(1.0, AlertSeverity.Critical)]
    public void HighErrorRate_Boundaries(double rate, AlertSeverity? expected)
        => Assert.Equal(expected, ReleaseAlerts.HighErrorRate("checkout", rate, 0.05, At)?.Severity);

    [Fact]
    public void HighErrorRate_Critical_FillsTheRolloutErrorRate()
    {
        var rollout = new ReleaseRollout { Percentage = 10, Repository = "acme/checkout", AutoRollbackEnabled = true };

        var alert = ReleaseAlerts.HighErrorRate("checkout", 0.15, 0.05, At, rollout)!;

        // 15 % > 2 x 5 % = 10 %: critical.
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("checkout: error rate 15.00% above 10.00%", alert.Title);
        Assert.Equal("Error rate 15.00% is above the threshold 5.00% (critical above 10.00%).", alert.Message);
        var context = Assert.IsType<Dictionary<string, object?>>(alert.Context[ReleaseRollout.ContextKey]);
        Assert.Equal(0.15, context["error_rate"]);
        Assert.Equal(10.0, context["percentage"]);
        Assert.Equal(true, context["auto_rollback_enabled"]);
        Assert.False(context.ContainsKey("processor"));
    }

    [Theory]
    [InlineData(-0.01, 0.05, "errorRate")]
    [InlineData(1.01, 0.05, "errorRate")]
    [InlineData(0.1, 0, "threshold")]
    [InlineData(0.1, 1.5, "threshold")]
    public void HighErrorRate_OutOfRange_ThrowsNamingTheArgument(double rate, double threshold, string parameter)
        => Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseAlerts.HighErrorRate("checkout", rate, threshold, At)).ParamName);

    [Fact]
    public void EmergencyRollback_IsCriticalWithTheReasonAsRootCause()
    {
        var alert = ReleaseAlerts.EmergencyRollback("checkout", "error rate 31% on 25% of traffic", At, new ReleaseRollout { Percentage = 25 });

        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(ReleaseAlerts.EmergencyRollbackRule, alert.Rule);
        Assert.Equal("checkout: emergency rollback", alert.Title);
        Assert.Equal("error rate 31% on 25% of traffic", alert.RootCause);
        Assert.Equal("rollback", alert.Labels[AlertLabels.Category]);
        Assert.Equal(25.0, Assert.IsType<Dictionary<string, object?>>(alert.Context[ReleaseRollout.ContextKey])["percentage"]);
    }

    [Theory]
    [InlineData(ProcessorIssueKind.StuckJobs, AlertSeverity.Warning, "processor_stuck_jobs", "checkout: stripe stuck jobs")]
    [InlineData(ProcessorIssueKind.HighLatency, AlertSeverity.Warning, "processor_high_latency", "checkout: stripe high latency")]
    [InlineData(ProcessorIssueKind.RateLimited, AlertSeverity.Warning, "processor_rate_limited", "checkout: stripe rate limited")]
    [InlineData(ProcessorIssueKind.ConnectionFailure, AlertSeverity.Error, "processor_connection_failure", "checkout: stripe connection failure")]
    public void ProcessorIssue_KindSetsSeverityAndRule(ProcessorIssueKind kind, AlertSeverity severity, string rule, string title)
    {
        var alert = ReleaseAlerts.ProcessorIssue("checkout", "stripe", kind, "12 jobs in progress for over 30 minutes", At, new ReleaseRollout());

        Assert.Equal(severity, alert.Severity);
        Assert.Equal(rule, alert.Rule);
        Assert.Equal(title, alert.Title);
        Assert.Equal("stripe", alert.Labels["processor"]);
        Assert.Equal("processor", alert.Labels[AlertLabels.Category]);
        Assert.Equal("stripe", Assert.IsType<Dictionary<string, object?>>(alert.Context[ReleaseRollout.ContextKey])["processor"]);
    }

    [Fact]
    public void ProcessorIssue_UnknownKind_Throws()
        => Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseAlerts.ProcessorIssue("checkout", "stripe", (ProcessorIssueKind)9, "x", At)).ParamName);

    [Theory]
    [InlineData(100, 124.99, null)]
    [InlineData(100, 125, AlertSeverity.Warning)] // (125 - 100) / 100 = 25 %: a warning from 25 %
    [InlineData(100, 149.99, AlertSeverity.Warning)]
    [InlineData(100, 150, AlertSeverity.Critical)] // (150 - 100) / 100 = 50 %: critical from 50 %
    [InlineData(0.8, 1.0, AlertSeverity.Warning)] // (1.0 - 0.8) / 0.8 is 0.24999999999999994 in binary: still 25 %
    [InlineData(100, 80, null)] // cheaper than expected
    public void CostAnomaly_Boundaries(double expected, double actual, AlertSeverity? severity)
        => Assert.Equal(severity, ReleaseAlerts.CostAnomaly("checkout", expected, actual, At)?.Severity);

    [Fact]
    public void CostAnomaly_Critical_DescribesTheIncrease()
    {
        var alert = ReleaseAlerts.CostAnomaly("checkout", 200, 330, At)!;

        // (330 - 200) / 200 = 65 %.
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(ReleaseAlerts.CostAnomalyRule, alert.Rule);
        Assert.Equal("checkout: cost 65.0% above expected", alert.Title);
        Assert.Equal("Cost 330.00 against 200.00 expected (+65.0%; warning from 25%, critical from 50%).", alert.Message);
        Assert.Equal(0.65, (double)alert.Context["increase"]!, 12);
    }

    [Fact]
    public void CostAnomaly_ZeroExpected_Throws()
        => Assert.Equal("expectedCost", Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseAlerts.CostAnomaly("checkout", 0, 10, At)).ParamName);

    [Fact]
    public void Helpers_BlankService_Throw()
    {
        Assert.Equal("service", Assert.ThrowsAny<ArgumentException>(() => ReleaseAlerts.HealthDegradation(" ", 40, At)).ParamName);
        Assert.Equal("reason", Assert.ThrowsAny<ArgumentException>(() => ReleaseAlerts.EmergencyRollback("checkout", "", At)).ParamName);
    }

    [Fact]
    public void ReleaseRollout_ToContext_UsesTheDocumentedKeysAndOnlySetValues()
    {
        var context = new ReleaseRollout { Percentage = 50, Processor = "adyen", Repository = "acme/shop", AutoRollbackEnabled = false, ErrorRate = 0.02 }.ToContext();

        Assert.Equal(["auto_rollback_enabled", "error_rate", "percentage", "processor", "repository"], context.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(new ReleaseRollout().ToContext());
    }
}
