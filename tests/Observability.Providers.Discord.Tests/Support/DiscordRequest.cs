using System.Text.Json;

namespace Observability.Providers.Discord.Tests.Support;

/// <summary>One request the loopback Discord server received.</summary>
internal sealed record DiscordRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>Gets the path without the query.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>Gets the query string without '?'.</summary>
    public string Query => Target.Contains('?', StringComparison.Ordinal) ? Target.Split('?', 2)[1] : string.Empty;

    /// <summary>Parses the body as JSON (the caller disposes).</summary>
    public JsonDocument Json() => JsonDocument.Parse(Body);
}
