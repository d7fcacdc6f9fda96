using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// Writes the Execute Webhook body with <see cref="Utf8JsonWriter"/>: content, username, avatar, embeds, and
/// <c>allowed_mentions: {"parse": []}</c> so no alert text can ping @everyone, a role or a user.
/// </summary>
internal static class DiscordPayloadWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(DiscordMessage message, string? username, Uri? avatarUrl)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            if (!string.IsNullOrEmpty(message.Content))
            {
                json.WriteString("content", DiscordText.Truncate(message.Content, DiscordLimits.Content));
            }

            if (!string.IsNullOrWhiteSpace(username))
            {
                json.WriteString("username", username.Trim());
            }

            if (avatarUrl is not null)
            {
                json.WriteString("avatar_url", avatarUrl.AbsoluteUri);
            }

            json.WriteStartArray("embeds");
            foreach (var embed in message.Embeds)
            {
                WriteEmbed(json, embed);
            }

            json.WriteEndArray();
            json.WriteStartObject("allowed_mentions");
            json.WriteStartArray("parse");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEmbed(Utf8JsonWriter json, DiscordEmbed embed)
    {
        json.WriteStartObject();
        json.WriteString("title", embed.Title);
        if (embed.Description is not null)
        {
            json.WriteString("description", embed.Description);
        }

        if (embed.Url is not null)
        {
            json.WriteString("url", embed.Url.AbsoluteUri);
        }

        json.WriteNumber("color", embed.Color);
        if (embed.Timestamp is { } at)
        {
            json.WriteString("timestamp", DiscordEmbedBuilder.Iso(at));
        }

        if (embed.Fields.Count > 0)
        {
            json.WriteStartArray("fields");
            foreach (var field in embed.Fields)
            {
                json.WriteStartObject();
                json.WriteString("name", field.Name);
                json.WriteString("value", field.Value);
                json.WriteBoolean("inline", field.Inline);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (embed.Footer is not null)
        {
            json.WriteStartObject("footer");
            json.WriteString("text", embed.Footer);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
