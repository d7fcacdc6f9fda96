namespace Observability.Core.Tests.Detection;

public sealed class AnomalyScaleTests
{
    [Theory]
    [InlineData(0.0, AnomalySeverity.None)]
    [InlineData(1.999, AnomalySeverity.None)]
    [InlineData(2.0, AnomalySeverity.Low)]        // thresholds are inclusive
    [InlineData(2.499, AnomalySeverity.Low)]
    [InlineData(2.5, AnomalySeverity.Medium)]
    [InlineData(2.999, AnomalySeverity.Medium)]
    [InlineData(3.0, AnomalySeverity.High)]
    [InlineData(40.0, AnomalySeverity.High)]
    [InlineData(-1.999, AnomalySeverity.None)]    // by |z|: below the mean counts the same
    [InlineData(-2.0, AnomalySeverity.Low)]
    [InlineData(-2.5, AnomalySeverity.Medium)]
    [InlineData(-3.0, AnomalySeverity.High)]
    [InlineData(double.PositiveInfinity, AnomalySeverity.High)]
    [InlineData(double.NegativeInfinity, AnomalySeverity.High)]
    [InlineData(double.NaN, AnomalySeverity.None)]
    public void Classify_AbsoluteZScore_UsesInclusiveThresholds(double z, AnomalySeverity expected)
        => Assert.Equal(expected, AnomalyScale.Classify(z));

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.5, 0.25)]       // 1.5 / 6
    [InlineData(2.0, 1.0 / 3)]    // the low threshold
    [InlineData(3.0, 0.5)]        // the high threshold
    [InlineData(-3.0, 0.5)]
    [InlineData(6.0, 1.0)]        // saturation
    [InlineData(12.0, 1.0)]       // capped
    [InlineData(double.NegativeInfinity, 1.0)]
    [InlineData(double.NaN, 0.0)]
    public void Score_IsAbsoluteZOverSixCappedAtOne(double z, double expected)
        => Assert.Equal(expected, AnomalyScale.Score(z), 12);
}
