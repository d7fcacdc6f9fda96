using System.Globalization;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// Reads Discord's answers: the JSON error (<c>{code, message, errors}</c> with nested <c>_errors</c>, or the pre-v8 flat
/// <c>{"field": ["..."]}</c> shape) and the rate-limit body (<c>retry_after</c>, <c>global</c>) and headers.
/// </summary>
internal static class DiscordResponse
{
    private const int MaxDetails = 3;
    private const int MaxReasonLength = 300;

    /// <summary>A one-line description of an error body: <c>50035 Invalid Form Body (embeds.0.title: Must be 256 or fewer in length.)</c>.</summary>
    public static string? Describe(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var details = new List<string>();
            string? head = null;
            if (root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number)
            {
                var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                // Discord's own failures carry code 0 ("500: Internal Server Error"); only a real code is worth showing.
                head = code.GetRawText() == "0" ? message : string.Create(CultureInfo.InvariantCulture, $"{code.GetRawText()} {message}").Trim();
                if (root.TryGetProperty("errors", out var errors))
                {
                    Walk(errors, string.Empty, details);
                }
            }
            else
            {
                // Pre-v8 format: every property is a field naming its problems, e.g. {"embeds": ["0"]}.
                foreach (var property in root.EnumerateObject())
                {
                    var items = property.Value.ValueKind == JsonValueKind.Array
                        ? string.Join(", ", property.Value.EnumerateArray().Select(static e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()))
                        : property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                    details.Add($"{property.Name}: {items}");
                }
            }

            var text = details.Count == 0 ? head
                : head is null ? string.Join("; ", details.Take(MaxDetails))
                : $"{head} ({string.Join("; ", details.Take(MaxDetails))}{(details.Count > MaxDetails ? $"; +{details.Count - MaxDetails} more" : string.Empty)})";
            return text is null ? null : DiscordText.Truncate(text.ReplaceLineEndings(" "), MaxReasonLength);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body's <c>retry_after</c> in seconds, when it has one.</summary>
    public static double? RetryAfterSeconds(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("retry_after", out var value)
                && value.ValueKind == JsonValueKind.Number
                && value.TryGetDouble(out var seconds) && double.IsFinite(seconds) && seconds >= 0
                ? seconds
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// How long to wait after a 429: the body's <c>retry_after</c> first, then <c>Retry-After</c>, then
    /// <c>X-RateLimit-Reset-After</c>. A <c>retry_after</c> over 1000 is milliseconds (API v6 and older sent milliseconds)
    /// unless a <c>Retry-After</c> header within a second of it shows it is seconds (v8+: 1336.57 with <c>Retry-After: 1337</c>).
    /// </summary>
    public static TimeSpan? RetryAfter(double? bodySeconds, TimeSpan? header, TimeSpan? resetAfter)
    {
        if (bodySeconds is { } value)
        {
            var seconds = value > 1000 && !(header is { } h && Math.Abs(h.TotalSeconds - value) <= 1.0) ? value / 1000 : value;
            return TimeSpan.FromSeconds(seconds);
        }

        return header ?? resetAfter;
    }

    /// <summary>A header holding fractional seconds (<c>X-RateLimit-Reset-After: 64.57</c>).</summary>
    public static TimeSpan? Seconds(HttpResponseMessage response, string header)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(header, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>A header holding a whole number (<c>X-RateLimit-Remaining: 0</c>).</summary>
    public static int? Integer(HttpResponseMessage response, string header)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(header, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    private static void Walk(JsonElement element, string path, List<string> details)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals("_errors") && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray())
                {
                    var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() : error.GetRawText();
                    details.Add(path.Length == 0 ? message ?? "invalid" : $"{path}: {message}");
                }
            }
            else
            {
                Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", details);
            }
        }
    }
}
