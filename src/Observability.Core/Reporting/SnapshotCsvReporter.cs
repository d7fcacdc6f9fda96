using System.Globalization;
using System.Text;
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
    /// <summary>The file name, without extension.</summary>
    public const string FileName = "snapshots";

    private static readonly string[] FixedColumns = ["timestamp", "usable", "category", "status", "health", "availability", "error_rate", "latency_p95_ms", "latency_p99_ms"];
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public string Format => "csv";

    /// <inheritdoc />
    public string FileExtension => "csv";

    string IFileNamedReporter.FileName => FileName;

    /// <inheritdoc />
    public async Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();

        var csv = Render(report.Timeline);
        var writer = new StreamWriter(destination, Utf8NoBom, bufferSize: -1, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(csv, cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static StringBuilder Render(IReadOnlyList<SnapshotJudgement> timeline)
    {
        var metrics = timeline.SelectMany(static t => t.Metrics.Keys).Distinct(StringComparer.Ordinal)
            .Where(static m => !FixedColumns.Contains(m, StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var csv = new StringBuilder(128 * (timeline.Count + 1));
        csv.AppendJoin(',', FixedColumns.Concat(metrics.Select(Field)).Append("rules").Append("alert_flags")).Append('\n');
        foreach (var t in timeline)
        {
            csv.Append(t.Timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(',')
               .Append(t.Usable ? "true" : "false").Append(',')
               .Append(Field(t.Category)).Append(',')
               .Append(t.Status.ToString().ToLowerInvariant()).Append(',');
            Number(csv, t.Health).Append(',');
            Number(csv, t.Availability).Append(',');
            Number(csv, t.ErrorRate).Append(',');
            Number(csv, t.LatencyP95).Append(',');
            Number(csv, t.LatencyP99);
            foreach (var metric in metrics)
            {
                Number(csv.Append(','), t.Metrics.TryGetValue(metric, out var value) ? value : null);
            }

            csv.Append(',').Append(Field(string.Join(';', t.Rules)))
               .Append(',').Append(Field(string.Join(';', t.AlertFlags))).Append('\n');
        }

        return csv;
    }

    /// <summary>Appends a number in its shortest round-trip form without an intermediate string (a week of 30-second snapshots holds millions).</summary>
    private static StringBuilder Number(StringBuilder csv, double? value)
        => value is { } v ? csv.Append(CultureInfo.InvariantCulture, $"{v:R}") : csv;

    private static string Field(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
