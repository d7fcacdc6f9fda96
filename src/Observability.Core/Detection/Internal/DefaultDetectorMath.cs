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

    /// <summary>Half the width of the tabulated z range; outside it the exact <see cref="UpperTailSurprise"/> is used.</summary>
    public const double TableLimit = 38;

    private const int StepsPerUnit = 64;

    // -log10 Q(z) at z = -TableLimit + i / StepsPerUnit, built once (39 KB) so the per-sample path has no logarithm.
    private static readonly double[] SurpriseTable = BuildTable();

    /// <summary>
    /// <see cref="UpperTailSurprise"/> by linear interpolation in a table with 64 points per unit of z (interpolation
    /// error below 2e-5 digits); exact outside [-<see cref="TableLimit"/>, <see cref="TableLimit"/>] and for NaN.
    /// </summary>
    public static double FastUpperTailSurprise(double z)
    {
        if (!(z > -TableLimit && z < TableLimit))
        {
            return UpperTailSurprise(z);
        }

        var position = (z + TableLimit) * StepsPerUnit;
        var index = (int)position;
        var fraction = position - index;
        var table = SurpriseTable;
        var low = table[index];
        return low + (fraction * (table[index + 1] - low));
    }

    private static double[] BuildTable()
    {
        var count = (int)(2 * TableLimit * StepsPerUnit) + 2;
        var table = new double[count];
        for (var i = 0; i < count; i++)
        {
            table[i] = UpperTailSurprise(-TableLimit + ((double)i / StepsPerUnit));
        }

        return table;
    }
}
