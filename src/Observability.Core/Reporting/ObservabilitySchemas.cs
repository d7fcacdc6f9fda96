using System.Collections.Concurrent;

namespace Observability;

/// <summary>
/// The JSON Schemas (draft 2020-12) of the files Observability writes, so that a user can validate them with
/// any JSON Schema library. The same files ship in the package under <c>schemas/</c>
/// (<c>daily_summary.schema.json</c>, <c>weekly_summary.schema.json</c>, <c>health_report.schema.json</c>).
/// </summary>
/// <example>
/// With JsonSchema.Net:
/// <code>
/// var schema = Json.Schema.JsonSchema.FromText(ObservabilitySchemas.WeeklySummary);
/// var result = schema.Evaluate(JsonNode.Parse(File.ReadAllText("stability/weekly_summary.json")));
/// </code>
/// </example>
public static class ObservabilitySchemas
{
    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets the schema of <c>day_NN_summary.json</c> (written by <see cref="SummaryReporter"/>): the stability
    /// monitor spec's fields, percent in 0-100, unmeasured values <c>null</c>, a <c>_metadata</c> block.
    /// </summary>
    public static string DailySummary => Read("daily_summary.schema.json");

    /// <summary>
    /// Gets the schema of <c>weekly_summary.json</c> (written by <see cref="SummaryReporter"/>); the daily
    /// summary's schema is bundled in it under <c>$defs</c>, so it validates on its own.
    /// </summary>
    public static string WeeklySummary => Read("weekly_summary.schema.json");

    /// <summary>Gets the schema of the JSON health report written by <see cref="JsonReporter"/>.</summary>
    public static string HealthReport => Read("health_report.schema.json");

    private static string Read(string fileName) => Texts.GetOrAdd(fileName, static name =>
    {
        using var stream = typeof(ObservabilitySchemas).Assembly.GetManifestResourceStream("Observability.Schemas." + name)
            ?? throw new InvalidOperationException($"The embedded schema '{name}' is missing from {typeof(ObservabilitySchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
