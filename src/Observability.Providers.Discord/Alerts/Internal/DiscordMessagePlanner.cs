using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// Splits a group of alerts into as few webhook messages as Discord's limits allow: one embed per alert, at most 10
/// embeds and 6,000 embed characters per message, in the alerts' order. A lone alert may use the whole 6,000; in a
/// group each embed gets 6,000 / min(n, 10) characters, at least 2,000, so a storm of long alerts still packs several
/// to a message instead of one each.
/// </summary>
internal static class DiscordMessagePlanner
{
    public static IReadOnlyList<(DiscordMessage Message, int AlertCount)> Plan(IReadOnlyList<Alert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var budget = EmbedBudget(alerts.Count);
        var groups = new List<List<DiscordEmbed>>();
        var current = new List<DiscordEmbed>();
        var length = 0;
        foreach (var alert in alerts)
        {
            var embed = DiscordEmbedBuilder.Build(alert, budget);
            if (current.Count > 0 && (current.Count == DiscordLimits.Embeds || length + embed.Length > DiscordLimits.TotalPerMessage))
            {
                groups.Add(current);
                current = [];
                length = 0;
            }

            current.Add(embed);
            length += embed.Length;
        }

        groups.Add(current);
        if (groups.Count == 1)
        {
            return [(new DiscordMessage(null, current), current.Count)];
        }

        var plan = new List<(DiscordMessage, int)>(groups.Count);
        var first = 1;
        foreach (var embeds in groups)
        {
            var last = first + embeds.Count - 1;
            var content = string.Create(CultureInfo.InvariantCulture, $"Alerts {first}–{last} of {alerts.Count} (message {plan.Count + 1} of {groups.Count})");
            plan.Add((new DiscordMessage(content, embeds), embeds.Count));
            first = last + 1;
        }

        return plan;
    }

    /// <summary>The characters one embed may use in a group of <paramref name="alertCount"/> alerts.</summary>
    public static int EmbedBudget(int alertCount)
        => alertCount <= 1 ? DiscordLimits.TotalPerMessage : Math.Max(DiscordLimits.MinEmbedBudget, DiscordLimits.TotalPerMessage / Math.Min(alertCount, DiscordLimits.Embeds));
}
