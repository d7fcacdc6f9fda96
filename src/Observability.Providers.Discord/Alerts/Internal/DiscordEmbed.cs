namespace Observability.Internal;

/// <summary>One alert as a Discord embed, every text already trimmed and within Discord's limits.</summary>
internal sealed record DiscordEmbed
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    public Uri? Url { get; init; }

    public required int Color { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public IReadOnlyList<DiscordField> Fields { get; init; } = [];

    public string? Footer { get; init; }

    /// <summary>Gets the characters Discord counts toward the 6,000 of a message: title, description, field names and values, footer.</summary>
    public int Length => Title.Length + (Description?.Length ?? 0) + Fields.Sum(static f => f.Name.Length + f.Value.Length) + (Footer?.Length ?? 0);
}
