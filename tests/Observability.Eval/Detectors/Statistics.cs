namespace Observability.Eval.Detectors;

/// <summary>Small statistics helpers for the reference detectors.</summary>
internal static class Statistics
{
    /// <summary>The standard normal upper tail Q(z) = P(Z &gt; z) = erfc(z / sqrt 2) / 2.</summary>
    public static double UpperTail(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(z / Math.Sqrt(2));
}
