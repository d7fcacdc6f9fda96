using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>
/// Writes an enum as a snake_case string (<c>NoData</c> as <c>no_data</c>), the same words the
/// sample's last line and the alert rules use. Source-generation friendly: a parameterless type.
/// </summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
