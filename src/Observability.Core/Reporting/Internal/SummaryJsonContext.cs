using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>A daily or weekly summary as written to JSON: a schema version and the summary.</summary>
internal sealed record SummaryEnvelope<T>(int SchemaVersion, string Kind, T Summary)
{
    public const int CurrentSchemaVersion = 1;
}

/// <summary>
/// Source-generated metadata for the daily and weekly summary files, in the same shape as the
/// health report: camelCase, enums as snake_case strings, nulls omitted, non-finite numbers as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters =
    [
        typeof(SnakeCaseEnumConverter<TrendDirection>),
        typeof(SnakeCaseEnumConverter<TrendAssessment>),
    ])]
[JsonSerializable(typeof(SummaryEnvelope<DailySummary>))]
[JsonSerializable(typeof(SummaryEnvelope<WeeklySummary>))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
