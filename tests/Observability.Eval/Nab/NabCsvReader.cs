using System.Globalization;

namespace Observability.Eval.Nab;

/// <summary>
/// Reads one NAB data file: a header naming <c>timestamp</c> and <c>value</c>, then one row per sample. Rows are kept in
/// file order, as NAB reads them, even where a timestamp repeats or steps back (real series have clock steps).
/// </summary>
internal static class NabCsvReader
{
    /// <summary>Reads <paramref name="path"/>; a malformed line throws <see cref="FormatException"/> naming the file and line.</summary>
    public static (DateTime[] Timestamps, double[] Values) Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new FormatException($"{path}:1: the file is empty; expected a header 'timestamp,value'.");
        var columns = header.Split(',');
        var timeColumn = Array.FindIndex(columns, c => c.Trim().Trim('"').Equals("timestamp", StringComparison.OrdinalIgnoreCase));
        var valueColumn = Array.FindIndex(columns, c => c.Trim().Trim('"').Equals("value", StringComparison.OrdinalIgnoreCase));
        if (timeColumn < 0 || valueColumn < 0)
        {
            throw new FormatException($"{path}:1: the header '{header}' must name the columns 'timestamp' and 'value'.");
        }

        var times = new List<DateTime>(4096);
        var values = new List<double>(4096);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != columns.Length)
            {
                throw new FormatException($"{path}:{lineNumber}: expected {columns.Length} comma-separated fields but found {fields.Length} in '{line}'.");
            }

            if (!NabTimestamps.TryParse(fields[timeColumn], out var time))
            {
                throw new FormatException($"{path}:{lineNumber}: '{fields[timeColumn]}' is not a timestamp (expected YYYY-MM-DD HH:MM:SS).");
            }

            if (!double.TryParse(fields[valueColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"{path}:{lineNumber}: '{fields[valueColumn]}' is not a number.");
            }

            times.Add(time);
            values.Add(value);
        }

        return (times.ToArray(), values.ToArray());
    }
}
