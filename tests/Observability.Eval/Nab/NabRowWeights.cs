namespace Observability.Eval.Nab;

/// <summary>
/// What each scorable row of one file would be worth as a detection, independent of the profile
/// (SCORING.md section 5): a window row carries its window's index and its true-positive factor
/// S(y)/S(-1); any other row carries -1 as window and its false-positive factor in [-1, 0).
/// Multiply by A_TP or A_FP for a profile.
/// </summary>
internal sealed class NabRowWeights
{
    private NabRowWeights(int rows, int probation, int windowCount, int[] windowOf, double[] factor)
    {
        Rows = rows;
        Probation = probation;
        WindowCount = windowCount;
        WindowOf = windowOf;
        Factor = factor;
    }

    /// <summary>Gets the file's row count.</summary>
    public int Rows { get; }

    /// <summary>Gets the number of leading probationary rows, which are never scored.</summary>
    public int Probation { get; }

    /// <summary>Gets the number of labelled windows of the file (each one a possible false negative).</summary>
    public int WindowCount { get; }

    /// <summary>Gets, for each scorable row (index minus <see cref="Probation"/>), its window's index or -1.</summary>
    public int[] WindowOf { get; }

    /// <summary>Gets, for each scorable row, its true-positive factor (window rows) or false-positive factor (other rows).</summary>
    public double[] Factor { get; }

    /// <summary>Computes the weights of a file of <paramref name="rows"/> rows with the given windows (in time order, not overlapping).</summary>
    public static NabRowWeights Create(int rows, IReadOnlyList<NabWindow> windows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentNullException.ThrowIfNull(windows);
        for (var k = 0; k < windows.Count; k++)
        {
            var w = windows[k];
            if (w.First < 0 || w.Last < w.First || w.Last >= rows || (k > 0 && w.First <= windows[k - 1].Last))
            {
                throw new ArgumentException($"Window {k} [{w.First}, {w.Last}] is empty, outside the {rows} rows or overlaps the one before.", nameof(windows));
            }
        }

        var probation = NabMath.ProbationLength(rows);
        var scorable = rows - probation;
        var windowOf = new int[scorable];
        var factor = new double[scorable];
        var next = 0; // the first window that has not ended before the current row
        for (var i = probation; i < rows; i++)
        {
            while (next < windows.Count && windows[next].Last < i)
            {
                next++;
            }

            var j = i - probation;
            if (next < windows.Count && windows[next].First <= i)
            {
                windowOf[j] = next;
                factor[j] = NabMath.TruePositiveFactor(windows[next], i);
            }
            else
            {
                windowOf[j] = -1;
                factor[j] = next == 0 ? -1.0 : NabMath.FalsePositiveFactorAfter(windows[next - 1], i);
            }
        }

        return new NabRowWeights(rows, probation, windows.Count, windowOf, factor);
    }
}
