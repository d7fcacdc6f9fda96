namespace Observability.Internal;

/// <summary>
/// Discord's documented message limits (<c>message.mdx</c>, "Embed Limits"; content and embed count from "Create
/// Message"). Characters are counted after trimming; the sink counts UTF-16 code units, which is never fewer than
/// Discord's count, so a message within these limits is within Discord's.
/// </summary>
internal static class DiscordLimits
{
    public const int Content = 2000;
    public const int Embeds = 10;
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int Author = 256;

    /// <summary>The sum of title, description, field names and values, footer and author over all embeds of one message.</summary>
    public const int TotalPerMessage = 6000;

    /// <summary>The footer this sink writes stays well below Discord's 2,048 (it holds source, rule, fingerprint and trace).</summary>
    public const int SinkFooter = 256;

    /// <summary>The smallest character budget one embed of a group gets (a group of n alerts gives each 6,000 / min(n, 10), at least this).</summary>
    public const int MinEmbedBudget = 2000;
}
