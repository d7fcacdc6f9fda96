namespace Observability.Internal;

/// <summary>Allocation-free normal-tail arithmetic for the default detector, in log space so that tiny tails keep their resolution.</summary>
internal static class DefaultDetectorMath
{
    private const double Ln10 = 2.302585092994046;
    private const double InvSqrt2 = 0.7071067811865476;

    /// <summary>
    /// ln erfc(x) for x &gt;= 0 by the Chebyshev fit of Numerical Recipes (erfcc: relative error below 1.2e-7 everywhere),
    /// written as ln t + (-x^2 - 1.26551223 + P(t)) so it never underflows.
    /// </summary>
    public static double LogErfc(double x)
    {
        var t = 1.0 / (1.0 + (0.5 * x));
        var poly = -1.26551223 + (t * (1.00002368 + (t * (0.37409196 + (t * (0.09678418 + (t * (-0.18628806
            + (t * (0.27886807 + (t * (-1.13520398 + (t * (1.48851587 + (t * (-0.82215223 + (t * 0.17087277)))))))))))))))));
        return Math.Log(t) - (x * x) + poly;
    }

    /// <summary>-log10 Q(z), the surprise in decimal digits of the standard normal upper tail Q(z) = P(Z &gt; z); 0 for z &lt;= 0 is not implied: Q(0) gives log10 2.</summary>
    public static double UpperTailSurprise(double z)
    {
        if (z >= 0)
        {
            // Q(z) = erfc(z / sqrt 2) / 2.
            return -(LogErfc(z * InvSqrt2) - 0.6931471805599453) / Ln10;
        }

        // Q(z) = 1 - erfc(|z| / sqrt 2) / 2, at least 0.5.
        return -Math.Log10(1.0 - (0.5 * Math.Exp(LogErfc(-z * InvSqrt2))));
    }

    /// <summary>erf(|z| / sqrt 2) = 1 - 2 Q(|z|): the probability that a standard normal lies closer to 0 than z.</summary>
    public static double CentralProbability(double z) => 1.0 - Math.Exp(LogErfc(Math.Abs(z) * InvSqrt2));
}
