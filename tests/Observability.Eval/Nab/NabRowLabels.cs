namespace Observability.Eval.Nab;

/// <summary>
/// Labels the rows of one series with its anomaly windows as NAB does: each row by its own timestamp
/// (inside <c>[start, end]</c>, both inclusive, or not), whatever the rows around it say, so that a clock step
/// back never shifts the labels of the rows after it.
/// </summary>
internal static class NabRowLabels
{
    /// <summary>
    /// Labels every row of <paramref name="times"/> (in file order) with the index of the window holding its timestamp,
    /// or -1. Windows are numbered in time order; windows that overlap in time are merged and a window that holds no
    /// row is dropped, each with a warning on <paramref name="warnings"/>, as is a window whose first row is probationary.
    /// </summary>
    /// <returns>The label of each row and the number of windows that hold at least one row.</returns>
    public static (int[] WindowOf, int WindowCount) Label(string file, DateTime[] times, IReadOnlyList<(DateTime Start, DateTime End)> windows, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(warnings);
        var merged = new List<(DateTime Start, DateTime End)>(windows.Count);
        foreach (var (start, end) in windows.OrderBy(w => w.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                warnings.WriteLine($"warning: {file}: the window starting {start:yyyy-MM-dd HH:mm:ss} overlaps the one before; merged.");
                merged[^1] = (merged[^1].Start, end > merged[^1].End ? end : merged[^1].End);
                continue;
            }

            merged.Add((start, end));
        }

        var windowOf = new int[times.Length];
        var rows = new int[merged.Count];
        for (var i = 0; i < times.Length; i++)
        {
            var k = LastStartingAtOrBefore(merged, times[i]);
            windowOf[i] = k >= 0 && times[i] <= merged[k].End ? k : -1;
            if (windowOf[i] >= 0)
            {
                rows[k]++;
            }
        }

        // Renumber the windows that hold a row, in time order; warn about the others.
        var renumber = new int[merged.Count];
        var count = 0;
        for (var k = 0; k < merged.Count; k++)
        {
            if (rows[k] == 0)
            {
                warnings.WriteLine($"warning: {file}: the window [{merged[k].Start:yyyy-MM-dd HH:mm:ss}, {merged[k].End:yyyy-MM-dd HH:mm:ss}] holds no row; ignored.");
                renumber[k] = -1;
                continue;
            }

            var first = Array.IndexOf(windowOf, k);
            if (first < NabMath.ProbationLength(times.Length))
            {
                warnings.WriteLine($"warning: {file}: the window starting {merged[k].Start:yyyy-MM-dd HH:mm:ss} begins inside the probationary period.");
            }

            renumber[k] = count++;
        }

        for (var i = 0; i < windowOf.Length; i++)
        {
            windowOf[i] = windowOf[i] < 0 ? -1 : renumber[windowOf[i]];
        }

        return (windowOf, count);
    }

    /// <summary>Counts the rows whose timestamp is earlier than the row before (clock steps back).</summary>
    public static int BackwardSteps(DateTime[] times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var steps = 0;
        for (var i = 1; i < times.Length; i++)
        {
            steps += times[i] < times[i - 1] ? 1 : 0;
        }

        return steps;
    }

    private static int LastStartingAtOrBefore(List<(DateTime Start, DateTime End)> windows, DateTime time)
    {
        int lo = 0, hi = windows.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (windows[mid].Start <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - 1;
    }
}
