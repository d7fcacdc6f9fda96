using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>Writes a <see cref="CollectionWindow"/> as <c>{ "start": ..., "end": ... }</c> (ISO 8601) and reads it back.</summary>
internal sealed class CollectionWindowJsonConverter : JsonConverter<CollectionWindow>
{
    public override CollectionWindow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A collection window must be an object with 'start' and 'end'.");
        }

        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "start", StringComparison.OrdinalIgnoreCase))
            {
                start = reader.GetDateTimeOffset();
            }
            else if (string.Equals(name, "end", StringComparison.OrdinalIgnoreCase))
            {
                end = reader.GetDateTimeOffset();
            }
            else
            {
                reader.Skip();
            }
        }

        if (start is null || end is null || end <= start)
        {
            throw new JsonException("A collection window needs a 'start' and a later 'end'.");
        }

        return new CollectionWindow(start.Value, end.Value);
    }

    public override void Write(Utf8JsonWriter writer, CollectionWindow value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("start", value.Start);
        writer.WriteString("end", value.End);
        writer.WriteEndObject();
    }
}
