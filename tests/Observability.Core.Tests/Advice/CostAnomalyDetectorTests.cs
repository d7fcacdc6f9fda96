namespace Observability.Core.Tests.Advice;

public sealed class CostAnomalyDetectorTests
{
    private static readonly CostAnomalyDetector Detector = new();

    [Theory]
    [InlineData("120", "20", null)]          // (120 - 100) / 100 x 100 = 20 %
    [InlineData("125", "25", null)]          // exactly 25 % is not above the warning
    [InlineData("125.01", "25.01", AlertSeverity.Warning)]
    [InlineData("150", "50", AlertSeverity.Warning)]   // exactly 50 % is not above the critical
    [InlineData("150.01", "50.01", AlertSeverity.Critical)]
    [InlineData("75", "-25", null)]          // 25 % under: not above either
    [InlineData("74.99", "-25.01", AlertSeverity.Warning)]
    [InlineData("40", "-60", AlertSeverity.Critical)]  // a stopped workload is as worth a look as a runaway one
    public void Evaluate_AgainstAnExpectedHundred_GradesTheVarianceBothWays(string actual, string variance, AlertSeverity? severity)
    {
        var result = Detector.Evaluate(100m, decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(variance, System.Globalization.CultureInfo.InvariantCulture), result.VariancePercent);
        Assert.Equal(severity, result.Severity);
        Assert.Equal(severity is not null, result.IsAnomaly);
    }

    [Fact]
    public void Evaluate_Critical_ExplainsWithNumbersAndBecomesAFinding()
    {
        var result = Detector.Evaluate(200m, 320.5m);

        // (320.5 - 200) / 200 x 100 = 60.25 %
        Assert.Equal(60.25m, result.VariancePercent);
        Assert.Equal(AlertSeverity.Critical, result.Severity);
        Assert.Equal(50m, result.ThresholdPercent);
        Assert.Equal("Actual cost 320.50 is 60.25 % above the expected 200.00, more than the critical 50 %.", result.Reason);
        var finding = result.ToFinding()!;
        Assert.Equal(("cost_variance_critical", AlertSeverity.Critical), (finding.Rule, finding.Severity));
        Assert.Equal(("cost_variance_percent", 60.25, 50.0), (finding.Metric, finding.Observed!.Value, finding.Threshold!.Value));
    }

    [Fact]
    public void Evaluate_WarningBelow_SaysBelowAndUsesTheWarningRule()
    {
        var result = Detector.Evaluate(80m, 48m);

        // (48 - 80) / 80 x 100 = -40 %
        Assert.Equal(-40m, result.VariancePercent);
        Assert.Equal("Actual cost 48.00 is 40 % below the expected 80.00, more than the warning 25 %.", result.Reason);
        Assert.Equal("cost_variance_warning", result.ToFinding()!.Rule);
    }

    [Fact]
    public void Evaluate_WithinTolerance_HasNoFinding()
    {
        var result = Detector.Evaluate(100m, 110m);

        Assert.Null(result.ToFinding());
        Assert.Null(result.ThresholdPercent);
        Assert.Equal("Actual cost 110.00 is 10 % above the expected 100.00, within the warning 25 %.", result.Reason);
    }

    [Fact]
    public void Evaluate_SmallAmounts_BoundaryIsExact()
    {
        // (0.375 - 0.30) / 0.30 x 100 = 25 exactly in decimal (in double it would be 25.000000000000004)
        var result = Detector.Evaluate(0.30m, 0.375m);

        Assert.Equal(25m, result.VariancePercent);
        Assert.Null(result.Severity);
    }

    [Fact]
    public void Evaluate_ExpectedZero_HasNoBaseline()
    {
        var nothing = Detector.Evaluate(0m, 0m);
        Assert.Equal(0m, nothing.VariancePercent);
        Assert.Null(nothing.Severity);

        var unexpected = Detector.Evaluate(0m, 12.5m);
        Assert.Null(unexpected.VariancePercent);
        Assert.Equal(AlertSeverity.Info, unexpected.Severity);
        Assert.False(unexpected.IsAnomaly);
        Assert.Null(unexpected.ToFinding());
        Assert.StartsWith("No baseline: the expected cost is 0, so the actual 12.50 has no variance to judge", unexpected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NegativeCost_ThrowsNamingTheArgument()
    {
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => Detector.Evaluate(-1m, 10m));
        Assert.Equal("expected", expected.ParamName);
        Assert.Equal(-1m, expected.ActualValue);
        Assert.Equal("actual", Assert.Throws<ArgumentOutOfRangeException>(() => Detector.Evaluate(10m, -0.01m)).ParamName);
    }

    [Fact]
    public void Constructor_CustomThresholds_AreUsed()
    {
        var detector = new CostAnomalyDetector(new CostAnomalyDetectorOptions { WarningVariancePercent = 10, CriticalVariancePercent = 20 });

        Assert.Null(detector.Evaluate(100m, 110m).Severity);                           // exactly 10 % is not above the warning
        Assert.Equal(AlertSeverity.Warning, detector.Evaluate(100m, 115m).Severity);   // 15 % > 10 %
        Assert.Equal(AlertSeverity.Warning, detector.Evaluate(100m, 120m).Severity);   // exactly 20 % is not above the critical
        Assert.Equal(AlertSeverity.Critical, detector.Evaluate(100m, 121m).Severity);  // 21 % > 20 %
        Assert.Equal(AlertSeverity.Critical, detector.Evaluate(100m, 79m).Severity);   // 21 % under counts the same
    }

    [Fact]
    public void Constructor_InvalidThresholds_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CostAnomalyDetector(new CostAnomalyDetectorOptions { WarningVariancePercent = 0, CriticalVariancePercent = -5 }));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("CostAnomaly:WarningVariancePercent must be positive (was 0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CostAnomaly:CriticalVariancePercent (-5) must be above WarningVariancePercent (0)", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("options", () => new CostAnomalyDetector(null!));
    }
}
