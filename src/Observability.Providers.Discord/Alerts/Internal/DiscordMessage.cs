namespace Observability.Internal;

/// <summary>One webhook message: up to 10 embeds (one per alert) within 6,000 characters, and an optional content line.</summary>
internal sealed record DiscordMessage(string? Content, IReadOnlyList<DiscordEmbed> Embeds)
{
    /// <summary>Gets the characters of all embeds, which Discord limits to 6,000 per message.</summary>
    public int EmbedLength => Embeds.Sum(static e => e.Length);
}
