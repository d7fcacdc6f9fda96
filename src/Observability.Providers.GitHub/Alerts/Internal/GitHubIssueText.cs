using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Observability.Internal;

/// <summary>
/// The text the <see cref="GitHubIssueAlertSink"/> writes: the hidden fingerprint marker, the issue title and body,
/// the comments, the labels and the commit status description. Alert text is already redacted by the pipeline;
/// here it is only made safe for Markdown (no <c>@</c> mention pings anyone, table cells stay in their cell) and kept
/// within GitHub's limits (title 256, body 65,536 characters, status description 140).
/// </summary>
internal static class GitHubIssueText
{
    public const int MaxTitleLength = 256;
    public const int MaxBodyLength = 65_000;
    public const int MaxStatusDescriptionLength = 140;
    // Budget so the whole body fits in MaxBodyLength: message 15,000 + root cause 5,000 + 100 label rows of at most
    // ~310 + 10 links of at most ~1,210 + ~1,000 of headings and details = about 63,100.
    private const int MaxMessageLength = 15_000;
    private const int MaxRootCauseLength = 5_000;
    private const int MaxLabelRows = 100;
    private const int MaxLabelKeyLength = 100;
    private const int MaxLabelValueLength = 200;
    private const int MaxLinks = 10;
    private const int MaxLinkTitleLength = 200;
    private const int MaxLinkUrlLength = 1_000;
    private const int MaxLabelLength = 50;
    private const string Format = "yyyy-MM-dd HH:mm:ss 'UTC'";

    /// <summary>The hidden HTML comment that ties an issue to a fingerprint; found again by any process.</summary>
    public static string Marker(string fingerprint) => $"<!-- observability:fingerprint={fingerprint} -->";

    /// <summary>The alert's fingerprint as 64 lowercase hex characters; an alert without one gets the SHA-256 of its rule and labels.</summary>
    public static string Fingerprint(Alert alert)
    {
        if (alert.Fingerprint is { Length: 64 } given && given.All(char.IsAsciiHexDigit))
        {
            return given.ToLowerInvariant();
        }

        var identity = new StringBuilder(alert.Fingerprint ?? alert.Rule);
        foreach (var (key, value) in alert.Labels.OrderBy(static l => l.Key, StringComparer.Ordinal))
        {
            identity.Append('\n').Append(key).Append('=').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())));
    }

    public static string Title(Alert alert) => Cut($"[{alert.Severity}] {OneLine(alert.Title)}", MaxTitleLength);

    public static string Body(Alert alert, string fingerprint)
    {
        var text = new StringBuilder();
        text.AppendLine(Marker(fingerprint));
        text.Append("## ").AppendLine(Safe(OneLine(alert.Title)));
        text.AppendLine();
        text.Append("**Severity:** ").Append(alert.Severity).Append(" · **Rule:** `").Append(Code(alert.Rule)).Append("` · **Source:** ").AppendLine(Safe(OneLine(alert.Source)));
        text.AppendLine();
        AppendSection(text, "Message", alert.Message, MaxMessageLength);
        AppendSection(text, "Root cause", alert.RootCause, MaxRootCauseLength);
        AppendLabels(text, alert.Labels);
        AppendLinks(text, alert.Links);
        text.AppendLine("### Details");
        text.AppendLine();
        text.Append("* First seen: ").AppendLine(Time(alert.Timestamp));
        if (!string.IsNullOrWhiteSpace(alert.TraceId))
        {
            text.Append("* Trace: `").Append(Code(alert.TraceId)).AppendLine("`");
        }

        text.Append("* Fingerprint: `").Append(fingerprint).AppendLine("`");
        text.AppendLine();
        text.AppendLine("_Opened by Observability. A repeat of this condition comments here; when it clears, this issue is closed._");
        return Cut(text.ToString(), MaxBodyLength);
    }

    public static string RepeatComment(Alert alert)
        => Cut($"Still firing at {Time(alert.Timestamp)} ({alert.Severity}).\n\n{Safe(Cut(alert.Message, MaxMessageLength))}", MaxBodyLength);

    public static string ResolvedComment(Alert alert)
        => Cut($"Resolved at {Time(alert.EndsAt ?? alert.Timestamp)}.\n\n{Safe(Cut(alert.Message, MaxMessageLength))}", MaxBodyLength);

    /// <summary>The configured labels, then the severity and the persistence; each once, at most 50 characters.</summary>
    public static IReadOnlyList<string> Labels(IEnumerable<string> configured, Alert alert)
    {
        var labels = new List<string>();
        foreach (var label in configured.Append(alert.Severity.ToString().ToLowerInvariant()).Append(Persistence(alert)))
        {
            var trimmed = Cut(OneLine(label).Trim(), MaxLabelLength);
            if (trimmed.Length > 0 && !labels.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                labels.Add(trimmed);
            }
        }

        return labels;
    }

    /// <summary><c>transient</c> when the alert's <c>persistence</c> label or context says so, else <c>persistent</c>.</summary>
    public static string Persistence(Alert alert)
        => string.Equals(Value(alert, GitHubIssueAlertSinkOptions.PersistenceLabel), "transient", StringComparison.OrdinalIgnoreCase) ? "transient" : "persistent";

    /// <summary>The alert's <c>commit_sha</c> label or context value, else the configured SHA; <see langword="null"/> when neither is set.</summary>
    public static string? CommitSha(Alert alert, string? configured)
    {
        var sha = Value(alert, GitHubIssueAlertSinkOptions.CommitShaLabel) ?? configured;
        return string.IsNullOrWhiteSpace(sha) ? null : sha.Trim();
    }

    /// <summary>Whether <paramref name="sha"/> is a full commit SHA (40 hex characters, or 64 for SHA-256 repositories); the statuses API needs one.</summary>
    public static bool IsCommitSha(string sha) => sha.Length is 40 or 64 && sha.All(char.IsAsciiHexDigit);

    public static string StatusDescription(Alert alert)
        => Cut(alert.Status == AlertStatus.Resolved ? $"Resolved: {OneLine(alert.Title)}" : $"{alert.Severity}: {OneLine(alert.Title)}", MaxStatusDescriptionLength);

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters, the last one an ellipsis.</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string? Value(Alert alert, string key)
    {
        if (alert.Labels.TryGetValue(key, out var label) && !string.IsNullOrWhiteSpace(label))
        {
            return label;
        }

        return alert.Context.TryGetValue(key, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;
    }

    private static void AppendSection(StringBuilder text, string heading, string? body, int max)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return;
        }

        text.Append("### ").AppendLine(heading).AppendLine();
        text.AppendLine(Safe(Cut(body.Trim(), max))).AppendLine();
    }

    private static void AppendLabels(StringBuilder text, IReadOnlyDictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            return;
        }

        text.AppendLine("### Labels").AppendLine();
        text.AppendLine("| label | value |").AppendLine("|---|---|");
        foreach (var (key, value) in labels.OrderBy(static l => l.Key, StringComparer.Ordinal).Take(MaxLabelRows))
        {
            text.Append("| ").Append(Cell(key, MaxLabelKeyLength)).Append(" | ").Append(Cell(value, MaxLabelValueLength)).AppendLine(" |");
        }

        if (labels.Count > MaxLabelRows)
        {
            text.Append("| … | ").Append((labels.Count - MaxLabelRows).ToString(CultureInfo.InvariantCulture)).AppendLine(" more |");
        }

        text.AppendLine();
    }

    private static void AppendLinks(StringBuilder text, IReadOnlyList<AlertLink> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        text.AppendLine("### Links").AppendLine();
        foreach (var link in links.Take(MaxLinks))
        {
            var title = Safe(Cut(OneLine(link.Title), MaxLinkTitleLength)).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
            var url = link.Url.IsAbsoluteUri ? link.Url.AbsoluteUri : link.Url.OriginalString;
            text.Append("* ").AppendLine(url.Length <= MaxLinkUrlLength ? $"[{title}]({url})" : $"{title} (address too long to show)");
        }

        text.AppendLine();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Cell(string text, int max) => Safe(Cut(OneLine(text), max)).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Code(string text) => OneLine(text).Replace("`", "'", StringComparison.Ordinal);

    /// <summary>Breaks <c>@name</c> mentions with a zero-width space so an alert never notifies a person or team; neutralises HTML comments so no text can fake a marker.</summary>
    private static string Safe(string text)
        => text.Replace("@", "@\u200B", StringComparison.Ordinal).Replace("<!--", "&lt;!--", StringComparison.Ordinal);
}
