using System.Text.Json;
using System.Text.Json.Nodes;

namespace Observability.Internal;

/// <summary>Turns JSON DOM values into plain dictionaries, lists and scalars the redactor can walk.</summary>
internal static class JsonValues
{
    public static object? ToPlain(object? value) => value switch
    {
        JsonElement element => FromElement(element),
        JsonObject obj => obj.ToDictionary(static p => p.Key, static p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(static item => ToPlain(item)).ToList(),
        JsonValue scalar => FromScalar(scalar),
        _ => value,
    };

    private static object? FromScalar(JsonValue scalar) => scalar.GetValueKind() switch
    {
        JsonValueKind.String => scalar.TryGetValue<string>(out var text) ? text : scalar.ToJsonString(),
        JsonValueKind.Number => scalar.TryGetValue<long>(out var integer) ? integer : scalar.TryGetValue<double>(out var real) ? (object)real : scalar.ToJsonString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(static p => p.Name, static p => FromElement(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : (object)element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
