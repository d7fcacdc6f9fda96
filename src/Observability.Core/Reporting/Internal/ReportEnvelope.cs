namespace Observability.Internal;

/// <summary>The top-level shape of a JSON report: a schema version and the report.</summary>
/// <param name="SchemaVersion">The version of the JSON shape; bumped on breaking changes.</param>
/// <param name="Report">The report.</param>
internal sealed record ReportEnvelope(int SchemaVersion, HealthReport Report)
{
    /// <summary>The schema version this library writes.</summary>
    public const int CurrentSchemaVersion = 1;
}
