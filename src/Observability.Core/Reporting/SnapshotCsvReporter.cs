using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes every judged snapshot of a pass (<see cref="HealthReport.Timeline"/>) as <c>snapshots.csv</c>, the
/// observation file of the phase 4 spec: one row per snapshot with its metrics, its status and its
/// <c>alert_flags</c> (the rule catalogue's <see cref="RuleDefinition.Flag"/> names of the rules that fired on it).
/// </summary>
/// <remarks>
/// <para>
/// Columns: <c>timestamp</c> (UTC, ISO 8601), <c>usable</c>, <c>category</c>, <c>status</c> (<c>healthy</c>,
/// <c>warning</c>, <c>critical</c>, <c>unknown</c> for a data gap), <c>health</c>, <c>availability</c>,
/// <c>error_rate</c>, <c>latency_p95_ms</c>, <c>latency_p99_ms</c>, then every other collected metric by name (sorted; a metric named like a fixed column is that column),
/// then <c>rules</c> and <c>alert_flags</c>, each a <c>;</c>-separated list so a field never needs quoting for it.
/// </para>
/// <para>
/// Numbers are written as in the JSON report (invariant culture, shortest round-trip form, ratios as fractions);
/// an unknown value is an empty field. UTF-8 without a byte order mark, <c>\n</c> line endings, RFC 4180 quoting
/// where a field holds a comma, a quote or a line break.
/// </para>
/// </remarks>
public sealed class SnapshotCsvReporter : IReporter, IFileNamedReporter
{
    private static readonly string[] FixedColumns = ["timestamp", "usable", "category", "status", "health", "availability", "error_rate", "latency_p95_ms", "latency_p99_ms"];
    private readonly string _fileName;

    /// <summary>Initializes a new instance of the <see cref="SnapshotCsvReporter"/> class with default options (<c>snapshots.csv</c>).</summary>
    public SnapshotCsvReporter()
        : this(new SnapshotCsvReporterOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SnapshotCsvReporter"/> class.</summary>
    /// <param name="options">The reporter's options.</param>
    public SnapshotCsvReporter(SnapshotCsvReporterOptions options)
        : this(options, SnapshotCsvReporterOptions.DefaultName)
    {
    }

    internal SnapshotCsvReporter(SnapshotCsvReporterOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        (Format, var fileName) = ReporterRegistration.Identity(SnapshotCsvReporterOptions.DefaultName, name, options.FileName, SnapshotCsvReporterOptions.DefaultFileName);
        _fileName = fileName ?? SnapshotCsvReporterOptions.DefaultFileName;
    }

    /// <inheritdoc />
    /// <remarks><c>csv</c>, or <c>csv:{name}</c> for a reporter registered with a name of its own.</remarks>
    public string Format { get; }

    /// <inheritdoc />
    public string FileExtension => "csv";

    string? IFileNamedReporter.FileName => _fileName;

    /// <inheritdoc />
    public async Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();

        // Written as UTF-8 straight into a pooled buffer, flushed every 64 KB: a week of 30-second snapshots of 100 series is 2 million numbers.
        var timeline = report.Timeline;
        var metrics = timeline.SelectMany(static t => t.Metrics.Keys).Distinct(StringComparer.Ordinal)
            .Where(static m => !FixedColumns.Contains(m, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        using var csv = new Utf8Output();
        csv.Text(string.Join(',', FixedColumns.Concat(metrics.Select(Field)).Append("rules").Append("alert_flags")));
        csv.Byte((byte)'\n');
        foreach (var t in timeline)
        {
            Row(csv, t, metrics);
            await csv.FlushIfFullAsync(destination, cancellationToken).ConfigureAwait(false);
        }

        await csv.FlushAsync(destination, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Row(Utf8Output csv, SnapshotJudgement t, string[] metrics)
    {
        csv.UtcSeconds(t.Timestamp);
        csv.Bytes(t.Usable ? ",true,"u8 : ",false,"u8);
        csv.Text(Field(t.Category));
        csv.Byte((byte)',');
        Status(csv, t.Status);
        Number(csv, t.Health);
        Number(csv, t.Availability);
        Number(csv, t.ErrorRate);
        Number(csv, t.LatencyP95);
        Number(csv, t.LatencyP99);
        foreach (var metric in metrics)
        {
            Number(csv, t.Metrics.TryGetValue(metric, out var value) ? value : null);
        }

        csv.Byte((byte)',');
        List(csv, t.Rules);
        csv.Byte((byte)',');
        List(csv, t.AlertFlags);
        csv.Byte((byte)'\n');
    }

    /// <summary>A comma, then the number (none when unknown).</summary>
    private static void Number(Utf8Output csv, double? value)
    {
        csv.Byte((byte)',');
        if (value is { } v)
        {
            csv.Number(v);
        }
    }

    private static void List(Utf8Output csv, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            csv.Text(Field(string.Join(';', items)));
        }
    }

    private static void Status(Utf8Output csv, HealthStatus status)
    {
        switch (status)
        {
            case HealthStatus.Healthy: csv.Bytes("healthy"u8); break;
            case HealthStatus.Warning: csv.Bytes("warning"u8); break;
            case HealthStatus.Critical: csv.Bytes("critical"u8); break;
            case HealthStatus.Unknown: csv.Bytes("unknown"u8); break;
            default: csv.Text(status.ToString().ToLowerInvariant()); break;
        }
    }

    private static string Field(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
