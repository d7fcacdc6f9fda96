using System.Text;

namespace Observability.Internal;

/// <summary>Trimming and truncating text for Discord, and sharing a character budget among several texts.</summary>
internal static class DiscordText
{
    /// <summary>The mark of text that was cut.</summary>
    public const char Ellipsis = '…';

    /// <summary>Trims the text and, when longer than <paramref name="max"/>, cuts it to <paramref name="max"/> characters ending with "…".</summary>
    public static string Truncate(string? text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(trimmed[cut - 1]))
        {
            cut--; // never split a surrogate pair
        }

        return string.Concat(trimmed.AsSpan(0, cut).TrimEnd(), Ellipsis.ToString());
    }

    /// <summary>The text trimmed, or <paramref name="fallback"/> when that leaves nothing (Discord refuses empty field names and values).</summary>
    public static string NonEmpty(string? text, string fallback)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? fallback : trimmed;
    }

    /// <summary>
    /// Caps that make the lengths fit <paramref name="budget"/>, shared fairly ("water filling"): short texts keep their
    /// length, the long ones are cut to one common cap, the largest that fits. With no room at all every cap is 1.
    /// </summary>
    public static int[] ShareBudget(IReadOnlyList<int> lengths, int budget)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        var caps = lengths.ToArray();
        if (caps.Sum() <= budget)
        {
            return caps;
        }

        var order = Enumerable.Range(0, caps.Length).OrderBy(i => caps[i]).ToArray();
        var remaining = budget;
        for (var k = 0; k < order.Length; k++)
        {
            var fair = remaining / (order.Length - k);
            if (caps[order[k]] > fair)
            {
                for (var j = k; j < order.Length; j++)
                {
                    caps[order[j]] = Math.Max(1, fair);
                }

                break;
            }

            remaining -= caps[order[k]];
        }

        return caps;
    }

    /// <summary>Markdown links, one a line, as many whole links as fit in <paramref name="max"/> characters; the rest counted.</summary>
    public static string Links(IReadOnlyList<AlertLink> links, int max)
    {
        ArgumentNullException.ThrowIfNull(links);
        var lines = links.Select(Link).ToList();
        var text = new StringBuilder();
        var kept = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var next = text.Length + (kept == 0 ? 0 : 1) + lines[i].Length;
            var left = lines.Count - i - 1;
            if (next + (left > 0 ? More(left).Length : 0) > max)
            {
                break;
            }

            text.Append(kept == 0 ? string.Empty : "\n").Append(lines[i]);
            kept++;
        }

        if (kept == 0)
        {
            return Truncate(string.Join('\n', lines), max);
        }

        return kept == lines.Count ? text.ToString() : text.Append(More(lines.Count - kept)).ToString();
    }

    private static string More(int count) => $"\n{Ellipsis} (+{count} more)";

    private static string Link(AlertLink link)
    {
        var title = NonEmpty(link.Title, link.Url.IsAbsoluteUri ? link.Url.Host : "link")
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal).ReplaceLineEndings(" ");
        if (!link.Url.IsAbsoluteUri || (link.Url.Scheme != Uri.UriSchemeHttps && link.Url.Scheme != Uri.UriSchemeHttp))
        {
            return $"{title}: {link.Url.OriginalString}";
        }

        var url = link.Url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        return $"[{title}]({url})";
    }
}
