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

    /// <summary>The largest surprise returned, so that a score s / (s + h) and a decaying bar stay finite.</summary>
    public const double MaxSurprise = 1e12;

    /// <summary>
    /// -log10 Q(z), the surprise in decimal digits of the standard normal upper tail Q(z) = P(Z &gt; z): log10 2 at z = 0,
    /// 4 at z = 3.719 (Q = 1e-4), near 0 for very negative z. NaN gives 0; the result is capped at <see cref="MaxSurprise"/>.
    /// </summary>
    public static double UpperTailSurprise(double z)
    {
        if (double.IsNaN(z))
        {
            return 0;
        }

        if (z >= 0)
        {
            // Q(z) = erfc(z / sqrt 2) / 2.
            return Math.Min(-(LogErfc(z * InvSqrt2) - 0.6931471805599453) / Ln10, MaxSurprise);
        }

        // Q(z) = 1 - erfc(|z| / sqrt 2) / 2, at least 0.5.
        return -Math.Log10(1.0 - (0.5 * Math.Exp(LogErfc(-z * InvSqrt2))));
    }
}
