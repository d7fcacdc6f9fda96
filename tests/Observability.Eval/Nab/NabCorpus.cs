namespace Observability.Eval.Nab;

/// <summary>Loads a NAB-layout corpus: every CSV below a data folder, with its windows from a label file.</summary>
internal static class NabCorpus
{
    /// <summary>
    /// Loads every <c>*.csv</c> below <paramref name="dataDirectory"/> (recursively, sorted by relative path) and maps its
    /// label windows to inclusive row indices (first row at or after the start, last row at or before the end; overlapping
    /// windows merged). A file without a label entry has no windows; that and every other oddity is written to <paramref name="warnings"/>.
    /// </summary>
    public static IReadOnlyList<NabSeries> Load(string dataDirectory, string labelPath, TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (!Directory.Exists(dataDirectory))
        {
            throw new DirectoryNotFoundException($"The data folder '{dataDirectory}' does not exist.");
        }

        if (!File.Exists(labelPath))
        {
            throw new FileNotFoundException($"The label file '{labelPath}' does not exist.", labelPath);
        }

        var labels = NabLabelReader.Read(labelPath);
        var root = Path.GetFullPath(dataDirectory);
        var files = Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"The data folder '{dataDirectory}' holds no .csv file.");
        }

        var series = new List<NabSeries>(files.Count);
        foreach (var (full, relative) in files)
        {
            var (times, values) = NabCsvReader.Read(full);
            if (!labels.TryGetValue(relative, out var windows))
            {
                warnings.WriteLine($"warning: {relative} has no entry in the label file; scored as a file without windows.");
                windows = [];
            }

            series.Add(new NabSeries(relative, times, values, ToRows(relative, times, windows, warnings)));
        }

        foreach (var key in labels.Keys.Where(k => !files.Exists(f => f.Relative == k)))
        {
            warnings.WriteLine($"warning: the label file names {key}, which is not in the data folder; ignored.");
        }

        return series;
    }

    /// <summary>Maps time windows to inclusive row windows of a series with the given (ascending) timestamps.</summary>
    public static IReadOnlyList<NabWindow> ToRows(string file, DateTime[] times, IReadOnlyList<(DateTime Start, DateTime End)> windows, TextWriter warnings)
    {
        var rows = new List<NabWindow>(windows.Count);
        foreach (var (start, end) in windows.OrderBy(w => w.Start))
        {
            var first = LowerBound(times, start);
            var last = LowerBound(times, end.AddTicks(1)) - 1;
            if (first > last)
            {
                warnings.WriteLine($"warning: {file}: the window [{start:yyyy-MM-dd HH:mm:ss}, {end:yyyy-MM-dd HH:mm:ss}] holds no row; ignored.");
                continue;
            }

            if (rows.Count > 0 && first <= rows[^1].Last)
            {
                warnings.WriteLine($"warning: {file}: the window starting {start:yyyy-MM-dd HH:mm:ss} overlaps the one before; merged.");
                rows[^1] = rows[^1] with { Last = Math.Max(last, rows[^1].Last) };
                continue;
            }

            if (first < NabMath.ProbationLength(times.Length))
            {
                warnings.WriteLine($"warning: {file}: the window starting {start:yyyy-MM-dd HH:mm:ss} begins inside the probationary period.");
            }

            rows.Add(new NabWindow(first, last));
        }

        return rows;
    }

    private static int LowerBound(DateTime[] times, DateTime value)
    {
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
