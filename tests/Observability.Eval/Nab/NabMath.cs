namespace Observability.Eval.Nab;

/// <summary>The closed-form pieces of NAB scoring (SCORING.md sections 3 and 4).</summary>
internal static class NabMath
{
    /// <summary>The probationary share of each file.</summary>
    public const double ProbationFraction = 0.15;

    /// <summary>The probationary cap in rows: 0.15 x 5000.</summary>
    public const int ProbationCap = 750;

    /// <summary>Gets S(-1), the largest value the scaled sigmoid takes on a window row.</summary>
    public static double MaxSigmoid { get; } = ScaledSigmoid(-1.0);

    /// <summary>
    /// NAB's scaled sigmoid: 2 / (1 + e^(5y)) - 1 for y &lt;= 3, and -1 beyond. Negative y is inside a window
    /// (-1 at its left edge), positive y after its end.
    /// </summary>
    public static double ScaledSigmoid(double y) => y > 3.0 ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * y))) - 1.0;

    /// <summary>The number of leading rows of a file of <paramref name="rows"/> rows that are not scored: min(floor(0.15 N), 750).</summary>
    public static int ProbationLength(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return Math.Min((int)Math.Floor(ProbationFraction * rows), ProbationCap);
    }

    /// <summary>The true-positive factor S(y)/S(-1) of row <paramref name="row"/> inside <paramref name="window"/>, with y = -(last - row + 1) / width.</summary>
    public static double TruePositiveFactor(NabWindow window, int row)
    {
        if (row < window.First || row > window.Last)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} is outside the window [{window.First}, {window.Last}].");
        }

        var y = -(double)(window.Last - row + 1) / window.Width;
        return ScaledSigmoid(y) / MaxSigmoid;
    }

    /// <summary>
    /// The false-positive factor (in [-1, 0)) of row <paramref name="row"/> after the most recent window that ended
    /// before it: S((row - last) / (width - 1)); a one-row window gives the full -1.
    /// </summary>
    public static double FalsePositiveFactorAfter(NabWindow previous, int row)
    {
        if (row <= previous.Last)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} is not after the window ending at row {previous.Last}.");
        }

        return previous.Width <= 1 ? -1.0 : ScaledSigmoid((double)(row - previous.Last) / (previous.Width - 1));
    }
}
