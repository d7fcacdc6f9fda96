using MathNet.Numerics.Distributions;

namespace Observability.Internal;

/// <summary>
/// The two-sided Mann-Whitney U (Wilcoxon rank-sum) test, implemented here so that ties, small
/// samples and constant samples behave in a documented way.
/// </summary>
/// <remarks>
/// <para>
/// Both samples are ranked together; tied values share the average of the ranks they span.
/// U of the canary is its rank sum minus n2 (n2 + 1) / 2.
/// </para>
/// <para>
/// Exact: when n1 + n2 &lt;= <see cref="ExactLimit"/> the p-value comes from the exact permutation
/// distribution of the (average) rank sum, counted by dynamic programming over doubled ranks, which
/// are integers. This is exact with or without ties (conditional on the tie pattern), so small
/// samples with ties need no approximation. Two-sided p = min(1, 2 x min(P(S &lt;= s), P(S &gt;= s))),
/// as scipy's exact method; without ties it equals scipy's <c>method="exact"</c>. Counts stay below
/// C(40, 20) ~ 1.4e11, which doubles hold exactly.
/// </para>
/// <para>
/// Normal approximation (larger samples): mean n1 n2 / 2, tie-corrected variance
/// n1 n2 / 12 x ((N + 1) - sum(t^3 - t) / (N (N - 1))) over tie groups of size t, and a continuity
/// correction of 0.5: z = (|U - mean| - 0.5) / sd, p = 2 (1 - Phi(z)) capped at 1; this equals scipy's
/// <c>mannwhitneyu(method="asymptotic", use_continuity=True)</c>. A zero variance (every value equal) gives p = 1.
/// </para>
/// </remarks>
internal static class MannWhitneyU
{
    /// <summary>The largest combined sample size that gets the exact distribution.</summary>
    public const int ExactLimit = 40;

    /// <summary>Runs the test; both samples must be non-empty and finite.</summary>
    public static MannWhitneyResult Test(ReadOnlySpan<double> baseline, ReadOnlySpan<double> canary)
    {
        if (baseline.IsEmpty || canary.IsEmpty)
        {
            throw new ArgumentException($"Both samples need at least one value (baseline {baseline.Length}, canary {canary.Length}).");
        }

        int n1 = baseline.Length, n2 = canary.Length, n = n1 + n2;
        var values = new double[n];
        var isCanary = new bool[n];
        baseline.CopyTo(values);
        canary.CopyTo(values.AsSpan(n1));
        isCanary.AsSpan(n1).Fill(true);
        Array.Sort(values, isCanary);

        // Doubled average ranks are integers: a tie group over 1-based ranks i+1 .. j+1 has rank (i + j + 2) / 2.
        var doubledRanks = new int[n];
        long canaryDoubledSum = 0;
        double tieTerm = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && values[j + 1] == values[i])
            {
                j++;
            }

            var t = (double)(j - i + 1);
            tieTerm += (t * t * t) - t;
            for (var k = i; k <= j; k++)
            {
                doubledRanks[k] = i + j + 2;
                if (isCanary[k])
                {
                    canaryDoubledSum += i + j + 2;
                }
            }

            i = j + 1;
        }

        var u = (canaryDoubledSum / 2.0) - (n2 * (n2 + 1.0) / 2);
        var meanU = n1 * (double)n2 / 2;
        if (n <= ExactLimit)
        {
            // Count the smaller side's rank sums: fewer states, same two-sided p-value.
            var smallIsCanary = n2 <= n1;
            var observed = smallIsCanary ? canaryDoubledSum : SumOf(doubledRanks) - canaryDoubledSum;
            var p = ExactPValue(doubledRanks, Math.Min(n1, n2), (int)observed);
            return new MannWhitneyResult(u, p, Exact: true, meanU);
        }

        var variance = n1 * (double)n2 / 12 * ((n + 1) - (tieTerm / (n * (double)(n - 1))));
        if (variance <= 0)
        {
            return new MannWhitneyResult(u, 1, Exact: false, meanU);
        }

        var z = Math.Max(0, (Math.Abs(u - meanU) - 0.5) / Math.Sqrt(variance));
        return new MannWhitneyResult(u, Math.Min(1, 2 * Normal.CDF(0, 1, -z)), Exact: false, meanU);
    }

    /// <summary>The smallest two-sided p-value the exact test can reach with these sample sizes (no ties): 2 / C(n1 + n2, n1).</summary>
    public static double SmallestAttainablePValue(int n1, int n2)
        => Math.Min(1, 2 * Math.Exp(-MathNet.Numerics.SpecialFunctions.BinomialLn(n1 + n2, Math.Min(n1, n2))));

    private static long SumOf(int[] values)
    {
        long sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    private static double ExactPValue(int[] doubledRanks, int m, int observed)
    {
        // counts[k][s]: ways to pick k of the items seen so far with doubled rank sum s (0/1 knapsack, k descending).
        var maxSum = (int)SumOf(doubledRanks);
        var counts = new double[m + 1][];
        for (var k = 0; k <= m; k++)
        {
            counts[k] = new double[maxSum + 1];
        }

        counts[0][0] = 1;
        var reached = 0;
        for (var i = 0; i < doubledRanks.Length; i++)
        {
            var r = doubledRanks[i];
            reached += r;
            for (var k = Math.Min(i + 1, m); k >= 1; k--)
            {
                var to = counts[k].AsSpan(r, reached - r + 1);
                var from = counts[k - 1].AsSpan(0, reached - r + 1);
                for (var s = 0; s < to.Length; s++)
                {
                    to[s] += from[s];
                }
            }
        }

        double total = 0, lower = 0, upper = 0;
        var last = counts[m];
        for (var s = 0; s <= maxSum; s++)
        {
            total += last[s];
            if (s <= observed)
            {
                lower += last[s];
            }

            if (s >= observed)
            {
                upper += last[s];
            }
        }

        return Math.Min(1, 2 * Math.Min(lower, upper) / total);
    }
}
