using System.Text.Json;
using System.Text.Json.Nodes;

namespace Observability.Providers.Discord.Tests.Support;

/// <summary>
/// Checks an Execute Webhook body against Discord's documented limits (message.mdx "Embed Limits"; content 2,000 and at
/// most 10 embeds) and answers the 400 body Discord would: the real "more than 10 embeds" response, or the documented
/// nested 50035 shape with the error strings seen in public threads. Lengths are counted after trimming, in UTF-16 code
/// units, which is never fewer than Discord's count in code points, so this server is at least as strict as Discord.
/// </summary>
internal static class DiscordLimitChecker
{
    public static string? Check(string body)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return """{"code": 50109, "message": "The request body contains invalid JSON."}""";
        }

        var errors = new JsonObject();
        var content = Text(root, "content");
        if (content.Length > 2000)
        {
            Add(errors, ["content"], "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        }

        var embeds = root.TryGetProperty("embeds", out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : [];
        if (content.Length == 0 && embeds.Count == 0)
        {
            return """{"code": 50006, "message": "Cannot send an empty message"}""";
        }

        if (embeds.Count > 10)
        {
            return DiscordFixtures.Read(DiscordFixtures.TooManyEmbeds);
        }

        if (root.TryGetProperty("username", out var user) && user.GetString() is { } name
            && (name.Trim().Length is 0 or > 80 || name.Contains("discord", StringComparison.OrdinalIgnoreCase) || name.Contains("clyde", StringComparison.OrdinalIgnoreCase)))
        {
            Add(errors, ["username"], "USERNAME_INVALID", "Username cannot contain \"discord\" or \"clyde\" and must be 1 to 80 characters.");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var embed = embeds[i];
            total += Max(errors, embed, ["embeds", index, "title"], "title", 256);
            total += Max(errors, embed, ["embeds", index, "description"], "description", 4096);
            if (embed.TryGetProperty("footer", out var footer))
            {
                total += Max(errors, footer, ["embeds", index, "footer", "text"], "text", 2048);
            }

            if (embed.TryGetProperty("author", out var author))
            {
                total += Max(errors, author, ["embeds", index, "author", "name"], "name", 256);
            }

            var fields = embed.TryGetProperty("fields", out var f) ? f.EnumerateArray().ToList() : [];
            if (fields.Count > 25)
            {
                Add(errors, ["embeds", index, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }

            for (var j = 0; j < fields.Count; j++)
            {
                var at = j.ToString(System.Globalization.CultureInfo.InvariantCulture);
                foreach (var (key, max) in new[] { ("name", 256), ("value", 1024) })
                {
                    if (Text(fields[j], key).Length == 0)
                    {
                        Add(errors, ["embeds", index, "fields", at, key], "BASE_TYPE_REQUIRED", "This field is required");
                    }

                    total += Max(errors, fields[j], ["embeds", index, "fields", at, key], key, max);
                }
            }
        }

        if (total > 6000)
        {
            Add(errors, ["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }

        return errors.Count == 0 ? null : new JsonObject { ["code"] = 50035, ["errors"] = errors, ["message"] = "Invalid Form Body" }.ToJsonString();
    }

    /// <summary>The trimmed length of a text property, recording an error when it is over <paramref name="max"/>.</summary>
    private static int Max(JsonObject errors, JsonElement owner, string[] path, string property, int max)
    {
        var length = Text(owner, property).Length;
        if (length > max)
        {
            Add(errors, path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");
        }

        return length;
    }

    private static string Text(JsonElement owner, string property)
        => owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!.Trim()
            : string.Empty;

    private static void Add(JsonObject errors, string[] path, string code, string message)
    {
        var node = errors;
        foreach (var key in path)
        {
            node = node[key] as JsonObject ?? (JsonObject)(node[key] = new JsonObject());
        }

        var list = node["_errors"] as JsonArray ?? (JsonArray)(node["_errors"] = new JsonArray());
        list.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }
}
