using Observability.Internal;

namespace Observability.Core.Tests.Reporting;

public sealed class ChartAxisTests
{
    [Theory]
    [InlineData(0.00368, 0.005)]
    [InlineData(0.00705, 0.01)]
    [InlineData(126, 200)]
    [InlineData(0.21, 0.25)]
    [InlineData(1, 1)]
    [InlineData(3.2, 5)]
    [InlineData(6, 10)]
    [InlineData(0, 1)]
    [InlineData(double.NaN, 1)]
    public void NiceStep_IsOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen(double raw, double expected)
        => Assert.Equal(expected, ChartAxis.NiceStep(raw), 12);

    [Fact]
    public void ErrorRate_FromZero_GetsRoundPercentTicks()
    {
        var axis = ChartAxis.For([0.0023, 0.0141, 0.009], minY: 0, maxY: null);

        Assert.Equal([0, 0.005, 0.01, 0.015], axis.Ticks);
        Assert.Equal(0, axis.Low);
        Assert.Equal(0.015, axis.High, 12);
        Assert.Equal(["0 %", "0.5 %", "1 %", "1.5 %"], axis.Ticks.Select(Figures.Percent));
    }

    [Fact]
    public void Availability_UpToOne_KeepsTheFixedTop_AndRoundsTheBottomDown()
    {
        var axis = ChartAxis.For([0.9731, 0.9998, 0.99], minY: null, maxY: 1);

        Assert.Equal(1, axis.High);
        Assert.Equal(0.97, axis.Low, 12);
        Assert.Equal([0.97, 0.98, 0.99, 1], axis.Ticks);
    }

    [Fact]
    public void NonNegativeData_NeverGetsANegativeAxis()
    {
        var axis = ChartAxis.For([0, 3, 5], minY: null, maxY: null);

        Assert.Equal(0, axis.Low);
        Assert.All(axis.Ticks, t => Assert.True(t >= 0));
        Assert.DoesNotContain(axis.Ticks, t => double.IsNegative(t));
    }

    [Fact]
    public void NegativeData_GetsRoundTicksBelowZero()
    {
        var axis = ChartAxis.For([-3.7, 2.2], minY: null, maxY: null);

        Assert.True(axis.Low <= -3.7);
        Assert.True(axis.High >= 2.2);
        Assert.Contains(0, axis.Ticks);
        Assert.All(axis.Ticks, t => Assert.Equal(0, Math.Round(t % 2, 9))); // step 2
    }

    [Fact]
    public void ConstantData_StillGetsARangeAndTicks()
    {
        var axis = ChartAxis.For([5, 5, 5], minY: null, maxY: null);

        Assert.True(axis.High > axis.Low);
        Assert.InRange(axis.Ticks.Length, 2, 8);
        Assert.All(axis.Ticks, t => Assert.InRange(t, axis.Low, axis.High));
    }

    [Fact]
    public void NoData_DrawsZeroToOne()
    {
        var axis = ChartAxis.For([], minY: null, maxY: null);

        Assert.Equal(0, axis.Low);
        Assert.Equal(1, axis.High);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], axis.Ticks);
    }

    [Theory]
    [InlineData(0.1, 0.7)]
    [InlineData(120, 480)]
    [InlineData(0.000012, 0.000093)]
    [InlineData(97.3, 99.99)]
    public void Ticks_AreRoundAndCoverTheData(double min, double max)
    {
        var axis = ChartAxis.For([min, max], minY: null, maxY: null);

        Assert.True(axis.Low <= min && axis.High >= max);
        Assert.InRange(axis.Ticks.Length, 3, 7);
        var step = axis.Ticks[1] - axis.Ticks[0];
        Assert.Equal(ChartAxis.NiceStep(step * 0.999), step, 9);
        Assert.Equal(axis.Low, axis.Ticks[0], 9);
        Assert.Equal(axis.High, axis.Ticks[^1], 9);
    }
}
