namespace Observability.Internal;

/// <summary>One embed field: a name and a value, both non-empty and within Discord's limits.</summary>
internal sealed record DiscordField(string Name, string Value, bool Inline);
