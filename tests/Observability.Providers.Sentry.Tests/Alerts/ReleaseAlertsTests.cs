using Microsoft.Extensions.DependencyInjection;
using Observability.Testing;

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
    public void HealthDegradation_DefaultThresholds_Boundaries(double score, AlertSeverity? expected)
        => Assert.Equal(expected, ReleaseAlerts.HealthDegradation("checkout", score, At)?.Severity);

    [Theory]
    [InlineData(80, null)] // exactly HealthWarning is healthy
    [InlineData(79.9, AlertSeverity.Warning)]
    [InlineData(69.9, AlertSeverity.Warning)] // below the default 70 but above the configured 60: a warning, not an error
    [InlineData(60, AlertSeverity.Warning)] // exactly HealthCritical is a warning
    [InlineData(59.9, AlertSeverity.Error)]
    public void HealthDegradation_ConfiguredThresholds_AreTheOnesJudged(double score, AlertSeverity? expected)
    {
        var thresholds = new ThresholdOptions { HealthWarning = 80, HealthCritical = 60 };

        Assert.Equal(expected, ReleaseAlerts.HealthDegradation("checkout", score, At, thresholds: thresholds)?.Severity);
    }

    [Fact]
    public void HealthDegradation_Error_CarriesThePassFindingsTitleMessageAndLimits()
    {
        var alert = ReleaseAlerts.HealthDegradation("checkout", 45, At)!;

        Assert.Equal(ReleaseAlerts.HealthDegradationRule, alert.Rule);
        Assert.Equal(AlertSeverity.Error, alert.Severity);
        Assert.Equal("checkout: health score critical", alert.Title); // the catalogue row's title of health_critical
        Assert.Equal("Health score 45 is below the critical threshold of 50.", alert.Message);
        Assert.Equal("checkout", alert.Labels[AlertLabels.Service]);
        Assert.Equal("health", alert.Labels[AlertLabels.Category]);
        Assert.Equal(45.0, alert.Context["health_score"]);
        Assert.Equal((70.0, 50.0), ((double)alert.Context["warning_below"]!, (double)alert.Context["error_below"]!));
        Assert.Equal(RuleCatalogue.HealthCritical, alert.Context["finding_rule"]);
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
    [InlineData(0.02, null)]
    [InlineData(0.0249, null)]
    [InlineData(0.025, AlertSeverity.Warning)] // "at or above the warning": exactly 2.5 % is a warning, as in the pass
    [InlineData(0.05, AlertSeverity.Warning)] // "above the critical": exactly 5 % is still a warning
    [InlineData(0.0501, AlertSeverity.Critical)]
    [InlineData(1.0, AlertSeverity.Critical)]
    public void HighErrorRate_DefaultThresholds_Boundaries(double rate, AlertSeverity? expected)
        => Assert.Equal(expected, ReleaseAlerts.HighErrorRate("checkout", rate, At)?.Severity);

    [Theory]
    [InlineData(0.025, null)] // a warning under the defaults, nothing under the configured 4 %
    [InlineData(0.0399, null)]
    [InlineData(0.04, AlertSeverity.Warning)]
    [InlineData(0.08, AlertSeverity.Warning)]
    [InlineData(0.0801, AlertSeverity.Critical)]
    public void HighErrorRate_ConfiguredThresholds_AreTheOnesJudged(double rate, AlertSeverity? expected)
    {
        var thresholds = new ThresholdOptions { ErrorRateWarning = 0.04, ErrorRateCritical = 0.08 };

        Assert.Equal(expected, ReleaseAlerts.HighErrorRate("checkout", rate, At, thresholds: thresholds)?.Severity);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.025)]
    [InlineData(0.05)]
    [InlineData(0.051)]
    [InlineData(0.3)]
    public void HighErrorRate_AgreesWithTheCoreJudgement(double rate)
    {
        var thresholds = new ThresholdOptions { ErrorRateWarning = 0.025, ErrorRateCritical = 0.05 };

        var alert = ReleaseAlerts.HighErrorRate("checkout", rate, At, thresholds: thresholds);
        var finding = ThresholdJudge.ErrorRate(rate, thresholds);

        Assert.Equal(finding?.Severity, alert?.Severity);
        Assert.Equal(finding?.Rule, alert?.Context["finding_rule"]);
        Assert.Equal(finding?.Message, alert?.Message);
    }

    [Fact]
    public void HighErrorRate_Critical_FillsTheRolloutErrorRate()
    {
        var rollout = new ReleaseRollout { Percentage = 10, Repository = "acme/checkout", AutoRollbackEnabled = true };

        var alert = ReleaseAlerts.HighErrorRate("checkout", 0.15, At, rollout)!;

        // 15 % > the default critical 5 %.
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(ReleaseAlerts.HighErrorRateRule, alert.Rule);
        Assert.Equal("checkout: error rate above the critical threshold", alert.Title);
        Assert.Equal("Error rate 15 % is above the maximum of 5 %.", alert.Message);
        Assert.Equal("error_rate", alert.Labels[AlertLabels.Category]);
        Assert.Equal((0.025, 0.05), ((double)alert.Context["warning_from"]!, (double)alert.Context["critical_above"]!));
        var context = Assert.IsType<Dictionary<string, object?>>(alert.Context[ReleaseRollout.ContextKey]);
        Assert.Equal(0.15, context["error_rate"]);
        Assert.Equal(10.0, context["percentage"]);
        Assert.Equal(true, context["auto_rollback_enabled"]);
        Assert.False(context.ContainsKey("processor"));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void HighErrorRate_OutOfRange_ThrowsNamingTheArgument(double rate)
        => Assert.Equal("errorRate", Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseAlerts.HighErrorRate("checkout", rate, At)).ParamName);

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
    [InlineData("100", "124.99", null)]
    [InlineData("100", "125", null)] // (125 - 100) / 100 = exactly 25 %: not above the warning, as CostAnomalyDetector defines it
    [InlineData("100", "125.01", AlertSeverity.Warning)]
    [InlineData("100", "150", AlertSeverity.Warning)] // exactly 50 %: not above the critical
    [InlineData("100", "150.01", AlertSeverity.Critical)]
    [InlineData("0.8", "1.0", null)] // (1.0 - 0.8) / 0.8 is exactly 25 % in decimal: no binary rounding either way
    [InlineData("100", "75", null)] // 25 % cheaper: not above either
    [InlineData("100", "74.99", AlertSeverity.Warning)] // more than 25 % cheaper counts too
    [InlineData("100", "40", AlertSeverity.Critical)]
    [InlineData("0", "0", null)]
    [InlineData("0", "10", AlertSeverity.Info)] // no baseline: for a person to judge
    public void CostAnomaly_DefaultDetector_Boundaries(string expected, string actual, AlertSeverity? severity)
        => Assert.Equal(severity, ReleaseAlerts.CostAnomaly("checkout", Money(expected), Money(actual), At)?.Severity);

    [Fact]
    public void CostAnomaly_ConfiguredDetector_IsTheOneAsked()
    {
        var detector = new CostAnomalyDetector(new CostAnomalyDetectorOptions { WarningVariancePercent = 10, CriticalVariancePercent = 20 });

        Assert.Equal(AlertSeverity.Warning, ReleaseAlerts.CostAnomaly("checkout", 100, 115, At, detector)?.Severity); // 15 % > 10 %
        Assert.Equal(AlertSeverity.Critical, ReleaseAlerts.CostAnomaly("checkout", 100, 121, At, detector)?.Severity); // 21 % > 20 %
        Assert.Null(ReleaseAlerts.CostAnomaly("checkout", 100, 121, At)); // 21 % is within the default 25 %
    }

    [Fact]
    public void CostAnomaly_Critical_CarriesTheDetectorsVarianceAndReason()
    {
        var alert = ReleaseAlerts.CostAnomaly("checkout", 200, 330, At)!;

        // (330 - 200) / 200 x 100 = 65 %.
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(ReleaseAlerts.CostAnomalyRule, alert.Rule);
        Assert.Equal("checkout: cost variance above the critical limit", alert.Title);
        Assert.Equal("Actual cost 330.00 is 65 % above the expected 200.00, more than the critical 50 %.", alert.Message);
        Assert.Equal("cost", alert.Labels[AlertLabels.Category]);
        Assert.Equal((65m, 50m), ((decimal)alert.Context["variance_percent"]!, (decimal)alert.Context["threshold_percent"]!));
        Assert.Equal(RuleCatalogue.CostVarianceCritical, alert.Context["finding_rule"]);
    }

    [Fact]
    public void CostAnomaly_NoBaseline_IsInfoWithTheDetectorsReason()
    {
        var alert = ReleaseAlerts.CostAnomaly("checkout", 0, 12.5m, At)!;

        Assert.Equal(AlertSeverity.Info, alert.Severity);
        Assert.Null(alert.Context["variance_percent"]);
        Assert.StartsWith("No baseline: the expected cost is 0, so the actual 12.50 has no variance to judge", alert.Message, StringComparison.Ordinal);
        Assert.False(alert.Context.ContainsKey("finding_rule"));
    }

    [Fact]
    public void CostAnomaly_NegativeCost_ThrowsNamingTheArgument()
    {
        Assert.Equal("expectedCost", Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseAlerts.CostAnomaly("checkout", -1, 10, At)).ParamName);
        Assert.Equal("actualCost", Assert.Throws<ArgumentOutOfRangeException>(() => ReleaseAlerts.CostAnomaly("checkout", 10, -0.01m, At)).ParamName);
    }

    [Fact]
    public void HelperRules_AreNotCatalogueRows_ButTheFindingsTheyCarryAre()
    {
        // The helpers' alerts go straight to the sinks; their rules are their own, the judged finding's rule is the catalogue's.
        string[] helperRules = [ReleaseAlerts.HealthDegradationRule, ReleaseAlerts.HighErrorRateRule, ReleaseAlerts.EmergencyRollbackRule, ReleaseAlerts.CostAnomalyRule];
        Assert.All(helperRules, static rule => Assert.Null(RuleCatalogue.Find(rule)));

        var alerts = new[] { ReleaseAlerts.HealthDegradation("checkout", 60, At)!, ReleaseAlerts.HighErrorRate("checkout", 0.03, At)!, ReleaseAlerts.CostAnomaly("checkout", 100, 140, At)! };
        Assert.All(alerts, static a => Assert.Equal(RuleCatalogue.Get((string)a.Context["finding_rule"]!).Category, a.Labels[AlertLabels.Category]));
    }

    [Fact]
    public async Task HelperAlerts_PublishedThroughTheCorePipeline_ReachTheSinkWithoutACatalogueRow()
    {
        var sink = new RecordingAlertSink();
        var services = new ServiceCollection();
        services.AddObservability(o => { o.ServiceName = "checkout"; o.Alerts.Enabled = true; }).AddAlertSink(sink);
        using var provider = services.BuildServiceProvider();
        var alerts = new[]
        {
            ReleaseAlerts.HealthDegradation("checkout", 40, At)!,
            ReleaseAlerts.HighErrorRate("checkout", 0.2, At)!,
            ReleaseAlerts.EmergencyRollback("checkout", "error rate 20 %", At),
            ReleaseAlerts.CostAnomaly("checkout", 100, 200, At)!,
        };

        var result = await provider.GetRequiredService<IAlertPublisher>().PublishAsync(alerts);
        Assert.True(await provider.GetRequiredService<IAlertPublisher>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

        Assert.Equal(alerts.Select(static a => a.Rule).Order(StringComparer.Ordinal), sink.Alerts.Select(static a => a.Rule).Order(StringComparer.Ordinal));
        Assert.Equal(4, result.Raised.Count);
    }

    private static decimal Money(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

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
