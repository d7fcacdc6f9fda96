namespace Observability.Eval.Nab;

/// <summary>Loads a NAB-layout corpus: every CSV below a data folder, with its windows from a label file.</summary>
internal static class NabCorpus
{
    /// <summary>
    /// Loads every <c>*.csv</c> below <paramref name="dataDirectory"/> (recursively, sorted by relative path), its rows in
    /// file order, and labels each row by its own timestamp with the window holding it (<see cref="NabRowLabels"/>). A file
    /// is never refused for a timestamp that steps back: the number of such steps is written to <paramref name="warnings"/>
    /// as a note. A file without a label entry has no windows; that and every other oddity is written there too.
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

            var backward = NabRowLabels.BackwardSteps(times);
            if (backward > 0)
            {
                warnings.WriteLine($"note: {relative}: the timestamp steps back {backward} time(s) (clock steps); the rows are read in file order, each labelled by its own timestamp.");
            }

            var (windowOf, windowCount) = NabRowLabels.Label(relative, times, windows, warnings);
            series.Add(new NabSeries(relative, times, values, windowOf, windowCount));
        }

        foreach (var key in labels.Keys.Where(k => !files.Exists(f => f.Relative == k)))
        {
            warnings.WriteLine($"warning: the label file names {key}, which is not in the data folder; ignored.");
        }

        return series;
    }
}
