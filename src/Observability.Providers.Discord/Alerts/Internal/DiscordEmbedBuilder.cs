using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// Turns one alert into one embed within a character budget (at most 6,000): severity emoji and colour in the title,
/// the message as description, root cause and links as fields, labels as inline fields, source, rule, fingerprint (8
/// characters) and trace id in the footer. When the texts are too long they share the budget fairly and end with "…";
/// labels beyond the 25 fields are listed in a last "+N more labels" field.
/// </summary>
internal static class DiscordEmbedBuilder
{
    /// <summary>Red (0xED4245), the colour of critical alerts.</summary>
    public const int CriticalColor = 0xED4245;

    /// <summary>Orange (0xE67E22), the colour of error alerts.</summary>
    public const int ErrorColor = 0xE67E22;

    /// <summary>Yellow (0xFEE75C), the colour of warnings.</summary>
    public const int WarningColor = 0xFEE75C;

    /// <summary>Blue (0x3498DB), the colour of information.</summary>
    public const int InfoColor = 0x3498DB;

    /// <summary>Green (0x57F287), the colour of resolved alerts.</summary>
    public const int ResolvedColor = 0x57F287;

    /// <summary>Under pressure a text keeps at least this many characters (or all of it, when shorter) before labels are folded.</summary>
    private const int MinPart = 32;

    public static DiscordEmbed Build(Alert alert, int budget)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(budget, DiscordLimits.TotalPerMessage);
        var resolved = alert.Status == AlertStatus.Resolved;
        var title = DiscordText.Truncate($"{Emoji(alert)} [{Marker(alert)}] {DiscordText.NonEmpty(alert.Title, alert.Rule)}", DiscordLimits.Title);
        var footer = DiscordText.Truncate(Footer(alert), DiscordLimits.SinkFooter);
        var description = alert.Message?.Trim() ?? string.Empty;
        var rootCause = alert.RootCause?.Trim() ?? string.Empty;
        var links = (alert.Links ?? []).Where(static l => l?.Url is not null).ToList();
        DiscordField? resolvedAt = resolved ? new DiscordField("Resolved at", Iso(alert.EndsAt ?? alert.Timestamp), true) : null;
        var labels = (alert.Labels ?? new Dictionary<string, string>()).OrderBy(static l => l.Key, StringComparer.Ordinal)
            .Select(static l => (Name: DiscordText.NonEmpty(l.Key, "(unnamed)"), Value: DiscordText.NonEmpty(l.Value, "(empty)"))).ToList();

        var slots = DiscordLimits.Fields - (rootCause.Length > 0 ? 1 : 0) - (links.Count > 0 ? 1 : 0) - (resolvedAt is null ? 0 : 1);
        var maxShown = labels.Count <= slots ? labels.Count : slots - 1;
        for (var shown = maxShown; ; shown--)
        {
            var hidden = labels.Count - shown;
            var overflowName = hidden > 0 ? string.Create(CultureInfo.InvariantCulture, $"+{hidden} more labels") : null;
            var parts = new List<(string Text, int Max)>
            {
                (description, DiscordLimits.Description),
                (rootCause, DiscordLimits.FieldValue),
                (links.Count > 0 ? DiscordText.Links(links, DiscordLimits.FieldValue) : string.Empty, DiscordLimits.FieldValue),
            };
            foreach (var (name, value) in labels.Take(shown))
            {
                parts.Add((name, DiscordLimits.FieldName));
                parts.Add((value, DiscordLimits.FieldValue));
            }

            parts.Add((hidden > 0 ? string.Join('\n', labels.Skip(shown).Select(static l => $"{l.Name}={l.Value}")) : string.Empty, DiscordLimits.FieldValue));

            var fixedCost = title.Length + footer.Length + (rootCause.Length > 0 ? "Root cause".Length : 0) + (links.Count > 0 ? "Links".Length : 0)
                + (resolvedAt is null ? 0 : resolvedAt.Name.Length + resolvedAt.Value.Length) + (overflowName?.Length ?? 0);
            var available = budget - fixedCost;
            var lengths = parts.Select(static p => Math.Min(p.Text.Length, p.Max)).ToArray();
            if (shown > 0 && lengths.Sum(static l => Math.Min(l, MinPart)) > available)
            {
                continue; // fold one more label into the overflow field
            }

            var caps = DiscordText.ShareBudget(lengths, Math.Max(available, parts.Count));
            string Part(int i) => parts[i].Text.Length == 0 ? string.Empty
                : i == 2 ? DiscordText.Links(links, caps[i]) : DiscordText.Truncate(parts[i].Text, caps[i]);

            var fields = new List<DiscordField>();
            if (rootCause.Length > 0)
            {
                fields.Add(new DiscordField("Root cause", Part(1), false));
            }

            if (links.Count > 0)
            {
                fields.Add(new DiscordField("Links", Part(2), false));
            }

            if (resolvedAt is not null)
            {
                fields.Add(resolvedAt);
            }

            for (var i = 0; i < shown; i++)
            {
                fields.Add(new DiscordField(Part(3 + (2 * i)), Part(4 + (2 * i)), true));
            }

            if (overflowName is not null)
            {
                fields.Add(new DiscordField(overflowName, Part(parts.Count - 1), false));
            }

            return new DiscordEmbed
            {
                Title = title,
                Description = description.Length > 0 ? Part(0) : null,
                Url = links.Select(static l => l.Url).FirstOrDefault(static u => u.IsAbsoluteUri && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) && u.AbsoluteUri.Length <= 2048),
                Color = Color(alert),
                Timestamp = (resolved ? alert.EndsAt ?? alert.Timestamp : alert.Timestamp) is var at && at != default ? at : null,
                Fields = fields,
                Footer = footer,
            };
        }
    }

    public static int Color(Alert alert) => alert.Status == AlertStatus.Resolved ? ResolvedColor : alert.Severity switch
    {
        AlertSeverity.Critical => CriticalColor,
        AlertSeverity.Error => ErrorColor,
        AlertSeverity.Warning => WarningColor,
        _ => InfoColor,
    };

    public static string Emoji(Alert alert) => alert.Status == AlertStatus.Resolved ? "✅" : alert.Severity switch
    {
        AlertSeverity.Critical => "🔴",
        AlertSeverity.Error => "🟠",
        AlertSeverity.Warning => "🟡",
        _ => "🔵",
    };

    private static string Marker(Alert alert)
        => alert.Status == AlertStatus.Resolved ? $"Resolved · {alert.Severity}" : alert.Severity.ToString();

    /// <summary>
    /// Source (at most 60 characters), rule (90), fingerprint (8) and trace id (60): at most 250 characters, so the
    /// fingerprint is never cut off by a long rule or source.
    /// </summary>
    private static string Footer(Alert alert)
    {
        var parts = new List<string> { DiscordText.Truncate(DiscordText.NonEmpty(alert.Source, "observability"), 60), $"rule {DiscordText.Truncate(alert.Rule, 90)}" };
        var fingerprint = alert.Fingerprint?.Trim();
        if (!string.IsNullOrEmpty(fingerprint))
        {
            parts.Add($"fingerprint {fingerprint[..Math.Min(8, fingerprint.Length)]}");
        }

        if (!string.IsNullOrWhiteSpace(alert.TraceId))
        {
            parts.Add($"trace {DiscordText.Truncate(alert.TraceId, 60)}");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>ISO-8601 in UTC with milliseconds, as Discord's <c>timestamp</c> accepts.</summary>
    public static string Iso(DateTimeOffset at)
        => at == default ? "unknown" : at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
