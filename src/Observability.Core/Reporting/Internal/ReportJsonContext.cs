using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>
/// Source-generated (trimming- and AOT-safe) metadata for the JSON report: camelCase names,
/// enums as strings, indented, nulls omitted, NaN and infinities written as strings.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(CollectionWindowJsonConverter), typeof(AlertContextJsonConverter)])]
[JsonSerializable(typeof(ReportEnvelope))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
