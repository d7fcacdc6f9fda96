namespace Observability.Internal;

/// <summary>The outcome of one two-sided Mann-Whitney U test of a canary sample against a baseline sample.</summary>
/// <param name="U">
/// The canary's U statistic: the number of (canary, baseline) pairs in which the canary value is the
/// larger, ties counting one half. It lies in [0, n1 x n2]; n1 x n2 / 2 means no shift.
/// The textbook "U" is min(U, n1 x n2 - U).
/// </param>
/// <param name="PValue">The two-sided p-value in [0, 1].</param>
/// <param name="Exact">True when the p-value comes from the exact permutation distribution, false for the normal approximation.</param>
/// <param name="MeanU">The mean of U under the null hypothesis, n1 x n2 / 2.</param>
internal readonly record struct MannWhitneyResult(double U, double PValue, bool Exact, double MeanU)
{
    /// <summary>Gets a value indicating whether the canary tends to the larger values (U above its null mean).</summary>
    public bool CanaryHigher => U > MeanU;

    /// <summary>Gets a value indicating whether the canary tends to the smaller values (U below its null mean).</summary>
    public bool CanaryLower => U < MeanU;
}
