namespace Observability.Core.Tests.Slo;

public sealed class BurnRateRuleTests
{
    private static readonly BurnRateRule[] Rules = [.. BurnRatePolicy.Workbook.Rules];

    [Fact]
    public void Workbook_ThirtyDays_GivesThe144_6_3_1Thresholds()
    {
        var period = TimeSpan.FromDays(30); // 720 h
        Assert.Equal(14.4, Rules[0].ThresholdFor(period), 9); // 2 % x 720 h / 1 h
        Assert.Equal(6.0, Rules[1].ThresholdFor(period), 9);  // 5 % x 720 h / 6 h
        Assert.Equal(3.0, Rules[2].ThresholdFor(period), 9);  // 10 % x 720 h / 24 h
        Assert.Equal(1.0, Rules[3].ThresholdFor(period), 9);  // 10 % x 720 h / 72 h
    }

    [Fact]
    public void Workbook_SevenDays_ScalesWithThePeriod()
    {
        var period = TimeSpan.FromDays(7); // 168 h
        Assert.Equal(3.36, Rules[0].ThresholdFor(period), 9);      // 2 % x 168 / 1
        Assert.Equal(1.4, Rules[1].ThresholdFor(period), 9);       // 5 % x 168 / 6
        Assert.Equal(0.7, Rules[2].ThresholdFor(period), 9);       // 10 % x 168 / 24
        Assert.Equal(7.0 / 30, Rules[3].ThresholdFor(period), 9);  // 10 % x 168 / 72 = 0.2333
    }

    [Fact]
    public void Workbook_TwentyEightDays_ScalesWithThePeriod()
    {
        var period = TimeSpan.FromDays(28); // 672 h
        Assert.Equal(13.44, Rules[0].ThresholdFor(period), 9);     // 2 % x 672 / 1
        Assert.Equal(5.6, Rules[1].ThresholdFor(period), 9);       // 5 % x 672 / 6
        Assert.Equal(2.8, Rules[2].ThresholdFor(period), 9);       // 10 % x 672 / 24
        Assert.Equal(28.0 / 30, Rules[3].ThresholdFor(period), 9); // 10 % x 672 / 72 = 0.9333
    }

    [Fact]
    public void Workbook_RowsHaveTheWorkbookWindowsNamesAndSeverities()
    {
        Assert.Equal(["burn_rate_1h_5m", "burn_rate_6h_30m", "burn_rate_1d_2h", "burn_rate_3d_6h"], Rules.Select(static r => r.Name));
        Assert.Equal([AlertSeverity.Critical, AlertSeverity.Critical, AlertSeverity.Warning, AlertSeverity.Warning], Rules.Select(static r => r.Severity));
        Assert.Equal(TimeSpan.FromMinutes(30), Rules[1].ShortWindow);
        Assert.Equal(100, BurnRatePolicy.Workbook.MinimumEvents);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_BudgetShareOutOfRange_Throws(double share)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BurnRateRule(share, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), AlertSeverity.Critical));

        Assert.Equal("budgetShare", error.ParamName);
        Assert.Contains("(0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ShortWindowNotShorterThanLong_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BurnRateRule(0.02, TimeSpan.FromHours(1), TimeSpan.FromHours(1), AlertSeverity.Critical));

        Assert.Equal("shortWindow", error.ParamName);
        Assert.Contains("shorter than its long window", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositiveLongWindow_Throws()
        => Assert.Equal("longWindow", Assert.Throws<ArgumentOutOfRangeException>(() => new BurnRateRule(0.02, TimeSpan.Zero, TimeSpan.FromMinutes(5), AlertSeverity.Critical)).ParamName);

    [Fact]
    public void Policy_NullRuleOrNegativeGuard_Throws()
    {
        var nullRule = Assert.Throws<ArgumentException>(() => new BurnRatePolicy([Rules[0], null!]));
        Assert.Equal("rules", nullRule.ParamName);
        Assert.Contains("rule 1 is null", nullRule.Message, StringComparison.Ordinal);

        var guard = Assert.Throws<ArgumentOutOfRangeException>(() => BurnRatePolicy.Workbook.WithMinimumEvents(-1));
        Assert.Equal("minimumEvents", guard.ParamName);
    }

    [Fact]
    public void WithMinimumEvents_KeepsTheRules()
    {
        var policy = BurnRatePolicy.Workbook.WithMinimumEvents(20);

        Assert.Equal(20, policy.MinimumEvents);
        Assert.Equal(BurnRatePolicy.Workbook.Rules, policy.Rules);
    }
}
