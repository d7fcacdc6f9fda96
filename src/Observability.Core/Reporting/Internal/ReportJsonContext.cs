using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>
/// Source-generated (trimming- and AOT-safe) metadata for the JSON report: camelCase names,
/// enums as snake_case strings (<c>no_data</c>, <c>critical</c>), indented, nulls omitted, NaN and infinities written as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters =
    [
        typeof(CollectionWindowJsonConverter),
        typeof(AlertContextJsonConverter),
        typeof(SnakeCaseEnumConverter<Decision>),
        typeof(SnakeCaseEnumConverter<AlertSeverity>),
        typeof(SnakeCaseEnumConverter<HealthStatus>),
        typeof(SnakeCaseEnumConverter<CollectionStatus>),
        typeof(SnakeCaseEnumConverter<DataQualityStatus>),
    ])]
[JsonSerializable(typeof(ReportEnvelope))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
