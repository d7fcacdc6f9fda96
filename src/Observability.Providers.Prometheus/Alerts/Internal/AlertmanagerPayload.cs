using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// Writes the body of <c>POST /api/v2/alerts</c>: a JSON array of <c>{labels, annotations, startsAt, endsAt, generatorURL}</c>.
/// Label names are made valid for Alertmanager (<c>[a-zA-Z_][a-zA-Z0-9_]*</c>); empty values are left out (Alertmanager drops them).
/// </summary>
internal static class AlertmanagerPayload
{
    public const string AlertName = "alertname";
    public const string Severity = "severity";
    public const string Fingerprint = "fingerprint";

    /// <summary>Writes the alerts; <paramref name="now"/> stamps <c>endsAt</c> of a resolved alert without one and of firing alerts with a resolve timeout.</summary>
    public static byte[] Write(IReadOnlyList<Alert> alerts, AlertmanagerAlertSinkOptions options, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var alert in alerts)
            {
                WriteAlert(json, alert, options, now);
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>The labels Alertmanager receives: static labels, then the alert's (sanitised), then alertname, severity and fingerprint.</summary>
    public static SortedDictionary<string, string> Labels(Alert alert, IEnumerable<KeyValuePair<string, string>> staticLabels)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in alert.Labels.OrderBy(static l => l.Key, StringComparer.Ordinal))
        {
            var clean = SanitizeLabelName(name);
            if (clean is not null && !IsReserved(clean) && !string.IsNullOrEmpty(value))
            {
                labels.TryAdd(clean, value); // two names that sanitise alike: the first in ordinal order wins
            }
        }

        foreach (var (name, value) in staticLabels)
        {
            labels.TryAdd(name, value);
        }

        labels[AlertName] = alert.Rule;
        labels[Severity] = alert.Severity.ToString().ToLowerInvariant();
        if (!string.IsNullOrEmpty(alert.Fingerprint))
        {
            labels[Fingerprint] = alert.Fingerprint;
        }

        return labels;
    }

    public static bool IsLabelName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (!IsLabelChar(name[i], i == 0))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsReserved(string name) => name is AlertName or Severity or Fingerprint;

    /// <summary>Replaces every character outside <c>[a-zA-Z0-9_]</c> by <c>_</c> and puts <c>_</c> before a leading digit; <see langword="null"/> for an empty name.</summary>
    public static string? SanitizeLabelName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        var builder = new StringBuilder(trimmed.Length + 1);
        if (char.IsAsciiDigit(trimmed[0]))
        {
            builder.Append('_');
        }

        foreach (var c in trimmed)
        {
            builder.Append(IsLabelChar(c, first: false) ? c : '_');
        }

        return builder.ToString();
    }

    private static void WriteAlert(Utf8JsonWriter json, Alert alert, AlertmanagerAlertSinkOptions options, DateTimeOffset now)
    {
        json.WriteStartObject();
        json.WriteStartObject("labels");
        foreach (var (name, value) in Labels(alert, options.StaticLabels))
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        WriteAnnotations(json, alert);

        if (alert.Timestamp != default)
        {
            json.WriteString("startsAt", Time(alert.Timestamp));
        }

        if (alert.Status == AlertStatus.Resolved)
        {
            json.WriteString("endsAt", Time(alert.EndsAt ?? now));
        }
        else if (options.ResolveTimeout is { } resolve)
        {
            json.WriteString("endsAt", Time(now + resolve));
        }

        var generator = alert.Links.FirstOrDefault(static l => l.Url is { IsAbsoluteUri: true, UserInfo.Length: 0 })?.Url ?? options.GeneratorUrl;
        if (generator is not null)
        {
            json.WriteString("generatorURL", generator.AbsoluteUri);
        }

        json.WriteEndObject();
    }

    private static void WriteAnnotations(Utf8JsonWriter json, Alert alert)
    {
        json.WriteStartObject("annotations");
        json.WriteString("summary", alert.Title);
        WriteIfAny(json, "description", alert.Message);
        WriteIfAny(json, "root_cause", alert.RootCause);
        WriteIfAny(json, "trace_id", alert.TraceId);
        WriteIfAny(json, "source", alert.Source);
        // A link with credentials in it (user:password@host) is never sent.
        var links = alert.Links.Where(static l => !l.Url.IsAbsoluteUri || l.Url.UserInfo.Length == 0).ToArray();
        var runbook = links.FirstOrDefault(static l => l.Title.Contains("runbook", StringComparison.OrdinalIgnoreCase));
        if (runbook is not null)
        {
            json.WriteString("runbook_url", runbook.Url.OriginalString);
        }

        if (links.Length > 0)
        {
            json.WriteString("links", string.Join('\n', links.Select(static l => $"{l.Title}: {l.Url.OriginalString}")));
        }

        json.WriteEndObject();
    }

    private static void WriteIfAny(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json.WriteString(name, value);
        }
    }

    private static string Time(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static bool IsLabelChar(char c, bool first)
        => c == '_' || char.IsAsciiLetter(c) || (!first && char.IsAsciiDigit(c));
}
