namespace Observability.Internal;

/// <summary>
/// Reads CSV snapshot files: a header line with a <c>timestamp</c> column, optional <c>source</c>,
/// <c>quality</c> and <c>quality_reason</c> columns, and one column per metric; an empty cell is a missing metric.
/// </summary>
internal sealed class CsvSnapshotParser(SnapshotFileContext context) : SnapshotLineParser(context)
{
    private const string TimestampColumn = "timestamp";
    private const string SourceColumn = "source";
    private const string QualityColumn = "quality";
    private const string QualityReasonColumn = "quality_reason";

    private readonly List<string> _fields = [];
    private readonly List<KeyValuePair<string, double>> _metrics = [];
    private readonly List<string> _missing = [];
    private string[]? _columns;
    private int _timestamp = -1;
    private int _source = -1;
    private int _quality = -1;
    private int _qualityReason = -1;
    private int[] _metricColumns = [];

    public override SnapshotLineOutcome InvalidText(string line, int lineNumber)
        => _columns is null
            ? Context.Fatal($"the header line is not valid UTF-8 (a bad byte sequence at column {line.IndexOf('\uFFFD', StringComparison.Ordinal) + 1}); save the file as UTF-8 so the metric names read as written", lineNumber)
            : base.InvalidText(line, lineNumber);

    public override SnapshotLineOutcome Parse(string line, int lineNumber)
    {
        if (!CsvFieldSplitter.TrySplit(line, _fields, out var splitError))
        {
            return _columns is null
                ? Context.Fatal($"the header line is not valid CSV: {splitError}", lineNumber)
                : Context.Reject($"the row is not valid CSV: {splitError}", Context.Location(lineNumber));
        }

        return _columns is null ? ReadHeader(lineNumber) : ReadRow(_columns, lineNumber);
    }

    private SnapshotLineOutcome ReadHeader(int lineNumber)
    {
        var columns = _fields.Select(static f => f.Trim()).ToArray();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var metrics = new List<int>();
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            if (column.Length == 0)
            {
                problems.Add($"column {i + 1} has no name");
                continue;
            }

            if (!seen.Add(column))
            {
                problems.Add($"column '{SnapshotValueParser.Shorten(column)}' appears more than once");
                continue;
            }

            switch (column.ToUpperInvariant())
            {
                case "TIMESTAMP": _timestamp = i; break;
                case "SOURCE": _source = i; break;
                case "QUALITY": _quality = i; break;
                case "QUALITY_REASON": _qualityReason = i; break;
                default: metrics.Add(i); break;
            }
        }

        if (_timestamp < 0)
        {
            problems.Insert(0, $"the header has no '{TimestampColumn}' column (found: {SnapshotValueParser.Shorten(string.Join(",", columns))}); "
                + $"the first line must be a header such as '{TimestampColumn},error_rate' (optional columns: {SourceColumn}, {QualityColumn}, {QualityReasonColumn})");
        }

        if (problems.Count > 0)
        {
            return Context.Fatal(string.Join("; ", problems), lineNumber);
        }

        _columns = columns;
        _metricColumns = [.. metrics];
        return SnapshotLineOutcome.Skipped;
    }

    private SnapshotLineOutcome ReadRow(string[] columns, int lineNumber)
    {
        var hasTimestamp = _timestamp < _fields.Count;
        DateTimeOffset timestamp = default;
        var timestampError = string.Empty;
        var timestampValid = hasTimestamp && SnapshotValueParser.TryParseTimestamp(_fields[_timestamp], out timestamp, out timestampError);

        // A valid row outside the window is skipped unchecked: an old bad row must not taint every later collection.
        if (timestampValid && !Context.Window.Contains(timestamp))
        {
            return SnapshotLineOutcome.Skipped;
        }

        if (_fields.Count != columns.Length)
        {
            return Context.Reject($"the row has {_fields.Count} fields but the header has {columns.Length}", Context.Location(lineNumber));
        }

        if (!timestampValid)
        {
            return Context.Reject(timestampError, Context.Location(lineNumber, "field", TimestampColumn));
        }

        var source = _source >= 0 && !string.IsNullOrWhiteSpace(_fields[_source]) ? _fields[_source].Trim() : Context.Source;
        DataQualityStatus? explicitQuality = null;
        if (_quality >= 0 && !string.IsNullOrWhiteSpace(_fields[_quality]))
        {
            if (!SnapshotValueParser.TryParseQuality(_fields[_quality], out var status))
            {
                return Context.Reject(
                    $"'{SnapshotValueParser.Shorten(_fields[_quality])}' is not a quality; expected complete, partial, empty or failed",
                    Context.Location(lineNumber, "field", columns[_quality]));
            }

            explicitQuality = status;
        }

        _metrics.Clear();
        _missing.Clear();
        foreach (var index in _metricColumns)
        {
            var cell = _fields[index];
            if (string.IsNullOrWhiteSpace(cell))
            {
                _missing.Add(columns[index]);
            }
            else if (SnapshotValueParser.TryParseMetric(columns[index], cell, out var value) is { } problem)
            {
                return Context.Reject(problem, Context.Location(lineNumber, "field", columns[index]));
            }
            else
            {
                _metrics.Add(new(columns[index], value));
            }
        }

        var reason = _qualityReason >= 0 ? _fields[_qualityReason] : null;
        var quality = SnapshotValueParser.ResolveQuality(explicitQuality, reason, _missing, _metrics.Count, "no values in row");
        return SnapshotLineOutcome.Accepted(new MetricSnapshot(timestamp, source, _metrics, quality));
    }
}
