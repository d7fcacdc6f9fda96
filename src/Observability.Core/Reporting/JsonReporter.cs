using System.Text.Json;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes a <see cref="HealthReport"/> as indented UTF-8 JSON for machines (CI gates, dashboards).
/// </summary>
/// <remarks>
/// <para>The document is an envelope with a schema version and the report:</para>
/// <code>
/// {
///   "schemaVersion": 1,
///   "report": {
///     "service": "checkout",
///     "environment": "production",
///     "window": { "start": "2025-06-01T10:00:00+00:00", "end": "2025-06-01T11:00:00+00:00" },
///     "evaluationWindow": { "start": "...", "end": "..." },
///     "generatedAt": "...",
///     "traceId": "...",
///     "verdict": { "decision": "Rollback", "summary": "...", "reasons": [ { "rule": "...", "severity": "Critical", "message": "...", "metric": "error_rate", "observed": 0.052, "threshold": 0.02 } ] },
///     "health": { "value": 41.5, "status": "Critical", "components": [ { "name": "...", "points": -30, "detail": "..." } ] },
///     "stability": { "value": 71.2, "grade": "C", "availabilityCompliance": 0.95, "latencyCompliance": 0.9, "driftPercent": 12.5 },
///     "findings": [ ... ], "metrics": [ { "name": "error_rate", "count": 60, "min": 0, "max": 0.08, "mean": 0.01, "last": 0.05, "recentMean": 0.052 } ],
///     "dataQuality": { "total": 60, "usable": 55, "empty": 5, "gaps": [ { "start": "...", "end": "...", "snapshots": 5, "category": "...", "persistent": true } ] },
///     "collections": [ ... ],
///     "alerts": [ { "rule": "...", "severity": "Critical", "title": "...", "labels": { }, "context": { }, "fingerprint": "...", ... } ]
///   }
/// }
/// </code>
/// <para>
/// Names are camelCase, enums are written as their names, <see langword="null"/> values are left
/// out, ratios stay fractions in [0, 1], and a NaN or infinite number is written as the string
/// <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c>. Alert context values that are not
/// JSON-shaped (strings, numbers, booleans, dates, dictionaries, lists) are written as their
/// invariant-culture text. A breaking change to this shape increments <c>schemaVersion</c>.
/// </para>
/// </remarks>
public sealed class JsonReporter : IReporter, IFileNamedReporter
{
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    private readonly string? _fileName;

    /// <summary>Initializes a new instance of the <see cref="JsonReporter"/> class with default options (its file is the report's, <see cref="ReportingOptions.FileName"/>).</summary>
    public JsonReporter()
        : this(new JsonReporterOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JsonReporter"/> class.</summary>
    /// <param name="options">The reporter's options.</param>
    public JsonReporter(JsonReporterOptions options)
        : this(options, JsonReporterOptions.DefaultName, null)
    {
    }

    internal JsonReporter(JsonReporterOptions options, string name, string? reportFileName)
    {
        ArgumentNullException.ThrowIfNull(options);
        (Format, _fileName) = ReporterRegistration.Identity(JsonReporterOptions.DefaultName, name, options.FileName, reportFileName);
    }

    /// <inheritdoc />
    /// <remarks><c>json</c>, or <c>json:{name}</c> for a reporter registered with a name of its own.</remarks>
    public string Format { get; }

    /// <inheritdoc />
    public string FileExtension => "json";

    string? IFileNamedReporter.FileName => _fileName;

    /// <inheritdoc />
    public async Task WriteAsync(HealthReport report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();

        var envelope = new ReportEnvelope(ReportEnvelope.CurrentSchemaVersion, report);
        await JsonSerializer.SerializeAsync(destination, envelope, ReportJsonContext.Default.ReportEnvelope, cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
