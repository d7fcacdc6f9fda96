namespace Observability.Internal;

/// <summary>Arithmetic shared by the SLO types.</summary>
internal static class SloMath
{
    /// <summary>
    /// 1 - <paramref name="ratio"/> computed in decimal, so that 1 - 0.999 is 0.001 rather than
    /// 0.0010000000000000009 and hand-computed budgets come out exact; falls back to double
    /// arithmetic when the decimal form of the ratio rounds to 1.
    /// </summary>
    public static double Complement(double ratio)
    {
        var complement = (double)(1m - (decimal)ratio);
        return complement > 0 ? complement : 1 - ratio;
    }
}
