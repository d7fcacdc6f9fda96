using Observability.Eval.Nab;

namespace Observability.Eval.Tests;

public sealed class NabMathTests
{
    [Theory]
    [InlineData(-1.0, 0.98661)]
    [InlineData(-0.5, 0.84828)]
    [InlineData(-0.1, 0.24492)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.1, -0.24492)]
    [InlineData(0.5, -0.84828)]
    [InlineData(1.0, -0.98661)]
    [InlineData(2.0, -0.99991)]
    public void ScaledSigmoid_ReferenceValues_MatchScoringTable(double y, double expected)
    {
        // S(y) = 2 / (1 + e^(5y)) - 1, e.g. S(-1) = 2 / (1 + e^-5) - 1 = 0.98661.
        Assert.Equal(expected, NabMath.ScaledSigmoid(y), 5);
    }

    [Fact]
    public void ScaledSigmoid_BeyondThree_IsMinusOne()
    {
        // At y = 3 the formula still applies (2 / (1 + e^15) - 1 = -0.9999994); above 3 it is exactly -1.
        Assert.Equal(-0.9999994, NabMath.ScaledSigmoid(3.0), 7);
        Assert.Equal(-1.0, NabMath.ScaledSigmoid(3.0000001));
        Assert.Equal(0.9866142981514305, NabMath.MaxSigmoid, 15);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(99, 14)] // floor(14.85)
    [InlineData(1000, 150)]
    [InlineData(4999, 749)] // floor(749.85)
    [InlineData(5000, 750)] // exactly at the cap
    [InlineData(5007, 750)] // floor(751.05) = 751, capped
    [InlineData(22000, 750)]
    public void ProbationLength_IsFloorOf15PercentCappedAt750(int rows, int expected) =>
        Assert.Equal(expected, NabMath.ProbationLength(rows));

    [Fact]
    public void TruePositiveFactor_LeftEdgeIsOneAndLastRowIsSmall()
    {
        var window = new NabWindow(100, 109); // width 10
        Assert.Equal(1.0, NabMath.TruePositiveFactor(window, 100), 12); // y = -10/10 = -1
        // Last row: y = -(109 - 109 + 1) / 10 = -0.1, S = 0.24492, / 0.98661 = 0.24824.
        Assert.Equal(0.24824, NabMath.TruePositiveFactor(window, 109), 5);
        // Half-way (row 105): y = -5/10 = -0.5, 0.84828 / 0.98661 = 0.85979.
        Assert.Equal(0.85979, NabMath.TruePositiveFactor(window, 105), 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => NabMath.TruePositiveFactor(window, 110));
    }

    [Fact]
    public void FalsePositiveFactorAfter_SoftNearTheWindowFullLater()
    {
        var window = new NabWindow(100, 110); // width 11, so y = (i - 110) / 10
        Assert.Equal(-0.24492, NabMath.FalsePositiveFactorAfter(window, 111), 5); // y = 0.1
        Assert.Equal(-0.84828, NabMath.FalsePositiveFactorAfter(window, 115), 5); // y = 0.5
        Assert.Equal(-1.0, NabMath.FalsePositiveFactorAfter(window, 141)); // y = 3.1 > 3
        Assert.Equal(-1.0, NabMath.FalsePositiveFactorAfter(new NabWindow(5, 5), 6)); // one-row window: no softening
    }
}
