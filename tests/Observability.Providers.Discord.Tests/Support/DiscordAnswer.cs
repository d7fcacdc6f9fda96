using System.Text.Json;
using System.Text.Json.Nodes;

namespace Observability.Providers.Discord.Tests.Support;

/// <summary>
/// One scripted answer of the loopback Discord server. <see cref="Validate"/> answers like Discord: 400 for a message
/// over a limit, else 200 with the real message fixture (plus <see cref="Headers"/>). <see cref="Hang"/> never answers.
/// </summary>
internal sealed record DiscordAnswer(int Status, string Body, IReadOnlyDictionary<string, string> Headers, bool Hang = false, bool Validate = false)
{
    private static readonly Dictionary<string, string> NoHeaders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Validate the message and answer 200 (with these extra headers) when it keeps every limit.</summary>
    public static DiscordAnswer Accept(IReadOnlyDictionary<string, string>? headers = null) => new(200, string.Empty, headers ?? NoHeaders, Validate: true);

    public static DiscordAnswer Never { get; } = new(0, string.Empty, NoHeaders, Hang: true);

    public static DiscordAnswer Json(int status, string body, IReadOnlyDictionary<string, string>? headers = null)
        => new(status, body, headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" });

    /// <summary>A fixture body (from tests/Fixtures/discord) with a status.</summary>
    public static DiscordAnswer File(int status, string fixture) => Json(status, DiscordFixtures.Read(fixture));

    /// <summary>
    /// A 429 from one of the documented rate-limit transcripts (<c>rate-limit-429.{user,resource,global}.json</c>), its
    /// headers and body as saved; optionally with another <c>retry_after</c> and without some headers.
    /// </summary>
    public static DiscordAnswer RateLimited(string fixture, double? retryAfter = null, bool dropRetryAfterBody = false, params string[] dropHeaders)
    {
        var transcript = JsonNode.Parse(DiscordFixtures.Read(fixture))!.AsObject();
        var headers = transcript["headers"]!.AsObject()
            .Where(h => !dropHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(static h => h.Key, static h => h.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        var body = transcript["body"]!.DeepClone().AsObject();
        if (retryAfter is { } value)
        {
            body["retry_after"] = value;
        }

        if (dropRetryAfterBody)
        {
            body.Remove("retry_after");
        }

        return new DiscordAnswer(429, body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), headers);
    }
}
