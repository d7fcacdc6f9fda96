using Observability.Internal;

namespace Observability.Core.Tests.Detection;

public sealed class DefaultDetectorMathTests
{
    [Theory]
    [InlineData(0.0, 0.30103)] // Q(0) = 0.5, -log10 0.5
    [InlineData(1.959964, 1.60206)] // Q = 0.025
    [InlineData(3.7190165, 4.0)] // Q = 1e-4
    [InlineData(10.0, 23.11805)] // Q(10) = 7.619853e-24
    [InlineData(-1.959964, 0.0109954)] // Q = 0.975
    public void UpperTailSurprise_MatchesNormalTail(double z, double expected) =>
        Assert.Equal(expected, DefaultDetectorMath.UpperTailSurprise(z), 5);

    [Fact]
    public void UpperTailSurprise_EdgeInputs_StayFinite()
    {
        Assert.Equal(DefaultDetectorMath.MaxSurprise, DefaultDetectorMath.UpperTailSurprise(double.PositiveInfinity));
        Assert.Equal(0, DefaultDetectorMath.UpperTailSurprise(double.NegativeInfinity), 12);
        Assert.Equal(0, DefaultDetectorMath.UpperTailSurprise(double.NaN));
    }

    [Fact]
    public void FastUpperTailSurprise_FollowsTheExactTailAcrossTheTable()
    {
        // Every 1/1000 of a unit from -40 to 40: inside the table the interpolation error of -log10 Q(z)
        // is below h^2/8 x max f'' = (1/64)^2 / 8 x 0.44 = 1.3e-5; outside it is exact.
        for (var z = -40.0; z <= 40.0; z += 0.001)
        {
            Assert.Equal(DefaultDetectorMath.UpperTailSurprise(z), DefaultDetectorMath.FastUpperTailSurprise(z), tolerance: 2e-5);
        }

        Assert.Equal(DefaultDetectorMath.UpperTailSurprise(1e6), DefaultDetectorMath.FastUpperTailSurprise(1e6));
        Assert.Equal(0, DefaultDetectorMath.FastUpperTailSurprise(double.NaN));
    }
}
