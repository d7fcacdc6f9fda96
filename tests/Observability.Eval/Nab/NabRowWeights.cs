namespace Observability.Eval.Nab;

/// <summary>
/// What each scorable row of one file would be worth as a detection, independent of the profile
/// (SCORING.md section 5), in row indices over the file's rows in file order: a window row carries its window's
/// index and its true-positive factor S(y)/S(-1); any other row carries -1 as window and its false-positive factor
/// in [-1, 0).
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
        var windowOf = new int[rows];
        Array.Fill(windowOf, -1);
        for (var k = 0; k < windows.Count; k++)
        {
            var w = windows[k];
            if (w.First < 0 || w.Last < w.First || w.Last >= rows || (k > 0 && w.First <= windows[k - 1].Last))
            {
                throw new ArgumentException($"Window {k} [{w.First}, {w.Last}] is empty, outside the {rows} rows or overlaps the one before.", nameof(windows));
            }

            windowOf.AsSpan(w.First, w.Width).Fill(k);
        }

        return Create(windowOf, windows.Count);
    }

    /// <summary>
    /// Computes the weights of a file whose rows (in file order) are labelled with <paramref name="windowOf"/>: the window
    /// holding each row's timestamp, or -1. A window spans its first to its last labelled row; where the clock stepped back,
    /// a row inside that span may carry another label, and is then scored by its own label. A row outside every window
    /// is softened by the window whose last row came most recently before it.
    /// </summary>
    /// <param name="windowOf">Each row's window index in [0, <paramref name="windowCount"/>), or -1.</param>
    /// <param name="windowCount">The number of windows; each must label at least one row.</param>
    public static NabRowWeights Create(int[] windowOf, int windowCount)
    {
        ArgumentNullException.ThrowIfNull(windowOf);
        ArgumentOutOfRangeException.ThrowIfNegative(windowCount);
        var spans = Spans(windowOf, windowCount);
        var byEnd = Enumerable.Range(0, windowCount).OrderBy(k => spans[k].Last).ToArray();
        var rows = windowOf.Length;
        var probation = NabMath.ProbationLength(rows);
        var scorable = rows - probation;
        var rowWindow = new int[scorable];
        var factor = new double[scorable];
        var ended = 0; // how many windows (in order of their last row) have ended before the current row
        for (var i = probation; i < rows; i++)
        {
            while (ended < byEnd.Length && spans[byEnd[ended]].Last < i)
            {
                ended++;
            }

            var j = i - probation;
            var k = windowOf[i];
            rowWindow[j] = k;
            factor[j] = k >= 0 ? NabMath.TruePositiveFactor(spans[k], i)
                : ended == 0 ? -1.0
                : NabMath.FalsePositiveFactorAfter(spans[byEnd[ended - 1]], i);
        }

        return new NabRowWeights(rows, probation, windowCount, rowWindow, factor);
    }

    private static NabWindow[] Spans(int[] windowOf, int windowCount)
    {
        var spans = new NabWindow[windowCount];
        Array.Fill(spans, new NabWindow(-1, -1));
        for (var i = 0; i < windowOf.Length; i++)
        {
            var k = windowOf[i];
            if (k < -1 || k >= windowCount)
            {
                throw new ArgumentException($"Row {i} is labelled with window {k}, outside [-1, {windowCount}).", nameof(windowOf));
            }

            if (k >= 0)
            {
                spans[k] = spans[k].First < 0 ? new NabWindow(i, i) : spans[k] with { Last = i };
            }
        }

        var empty = Array.FindIndex(spans, s => s.First < 0);
        if (empty >= 0)
        {
            throw new ArgumentException($"Window {empty} labels no row.", nameof(windowOf));
        }

        return spans;
    }
}
