using System.Text.Json;

namespace Observability.Internal;

/// <summary>Reads the timestamp and string properties of a JSON lines snapshot and describes bad JSON.</summary>
internal static class JsonSnapshotValues
{
    public static bool TryReadTimestamp(JsonElement element, out DateTimeOffset timestamp, out string error)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (!TryGetString(element, out var text))
                {
                    timestamp = default;
                    error = LoneSurrogate;
                    return false;
                }

                return SnapshotValueParser.TryParseTimestamp(text, out timestamp, out error);
            case JsonValueKind.Number when element.TryGetDouble(out var seconds):
                return SnapshotValueParser.TryFromUnixSeconds(seconds, element.GetRawText(), out timestamp, out error);
            default:
                timestamp = default;
                error = $"{Shorten(element)} is not a timestamp; expected an ISO 8601 string with an offset or a number of unix seconds";
                return false;
        }
    }

    /// <summary>The message of a value or name that holds an escaped lone surrogate.</summary>
    public const string LoneSurrogate = "the text holds an escaped lone surrogate (a \\uD800-\\uDFFF escape without its pair), which is no Unicode text";

    public static bool TryReadString(JsonElement? element, out string? text)
    {
        text = null;
        if (element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return value.ValueKind == JsonValueKind.String && TryGetString(value, out text);
    }

    /// <summary>Reads a string value; <see langword="false"/> when it escapes a lone surrogate (GetString would throw).</summary>
    public static bool TryGetString(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>Reads a property's name; <see langword="false"/> when it escapes a lone surrogate.</summary>
    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }

    public static bool IsReserved(string name)
        => name.Equals("timestamp", StringComparison.OrdinalIgnoreCase)
            || name.Equals("source", StringComparison.OrdinalIgnoreCase)
            || name.Equals("quality", StringComparison.OrdinalIgnoreCase)
            || name.Equals("quality_reason", StringComparison.OrdinalIgnoreCase)
            || name.Equals("metrics", StringComparison.OrdinalIgnoreCase);

    public static string Shorten(JsonElement element) => SnapshotValueParser.Shorten(element.GetRawText());

    public static string Describe(JsonException exception)
    {
        // The reader's message ends with its own "LineNumber: 0 | BytePositionInLine: n." (relative to the line); replace it.
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return exception.BytePositionInLine is { } position ? $"{message} (at byte {position + 1} of the line)" : message;
    }
}
