using System.Globalization;
using Sentry;

namespace Observability.Internal;

/// <summary>
/// Turns an alert into a Sentry event: the level from the severity, the title and message as the message, tags
/// (severity, category, service, rule, status and the other labels within Sentry's limits), an <c>alert</c> context,
/// a <c>rollout</c> context when the alert carries one, and our fingerprint so Sentry groups as the pipeline does.
/// </summary>
internal static class SentryEventMapper
{
    /// <summary>Sentry keeps at most 8,192 characters of a message.</summary>
    public const int MaxMessageLength = 8_192;

    public const string AlertContext = "alert";

    public const string StatusTag = "alert_status";

    public static SentryEvent Map(Alert alert, SentryAlertSinkOptions options)
    {
        var resolved = alert.Status == AlertStatus.Resolved;
        var sentryEvent = new SentryEvent
        {
            Level = resolved ? SentryLevel.Info : Level(alert.Severity),
            Message = new SentryMessage { Formatted = Text(alert, resolved) },
            Logger = alert.Source,
            Environment = options.Environment ?? UsableEnvironment(Label(alert, AlertLabels.Environment)),
        };
        if (options.Release is not null)
        {
            sentryEvent.Release = options.Release;
        }

        if (options.ServerName is not null)
        {
            sentryEvent.ServerName = options.ServerName;
        }

        sentryEvent.Fingerprint = alert.Fingerprint is { Length: > 0 } fingerprint
            ? [fingerprint]
            : [alert.Rule, Label(alert, AlertLabels.Service) ?? string.Empty, alert.Severity.ToString()];
        AddTags(sentryEvent, alert, resolved);
        sentryEvent.Contexts[AlertContext] = Context(alert, resolved);
        if (alert.Context.TryGetValue(ReleaseRollout.ContextKey, out var rollout) && PlainValues.AsMap(rollout) is { Count: > 0 } rolloutMap)
        {
            sentryEvent.Contexts[ReleaseRollout.ContextKey] = rolloutMap;
        }

        return sentryEvent;
    }

    public static SentryLevel Level(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => SentryLevel.Info,
        AlertSeverity.Warning => SentryLevel.Warning,
        AlertSeverity.Error => SentryLevel.Error,
        AlertSeverity.Critical => SentryLevel.Fatal,
        _ => SentryLevel.Error,
    };

    private static string Text(Alert alert, bool resolved)
    {
        var title = resolved ? $"[RESOLVED] {alert.Title}" : alert.Title;
        var text = string.IsNullOrWhiteSpace(alert.Message) ? title : $"{title}\n{alert.Message}";
        return text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength - 1), "…");
    }

    private static void AddTags(SentryEvent sentryEvent, Alert alert, bool resolved)
    {
        SetTag(sentryEvent, "severity", alert.Severity.ToString().ToLowerInvariant());
        SetTag(sentryEvent, "rule", alert.Rule);
        SetTag(sentryEvent, StatusTag, resolved ? "resolved" : "firing");
        SetTag(sentryEvent, AlertLabels.Category, Label(alert, AlertLabels.Category));
        SetTag(sentryEvent, AlertLabels.Service, Label(alert, AlertLabels.Service));

        var added = 0;
        foreach (var (name, value) in alert.Labels.OrderBy(static l => l.Key, StringComparer.Ordinal))
        {
            if (added >= SentryTags.MaxLabelTags)
            {
                break;
            }

            if (SentryTags.Key(name) is not { } key || SentryTags.IsReserved(key) || sentryEvent.Tags.ContainsKey(key))
            {
                continue;
            }

            if (SetTag(sentryEvent, key, value))
            {
                added++;
            }
        }
    }

    private static bool SetTag(SentryEvent sentryEvent, string key, string? value)
    {
        if (SentryTags.Value(value) is not { } tagValue)
        {
            return false;
        }

        sentryEvent.SetTag(key, tagValue);
        return true;
    }

    private static Dictionary<string, object?> Context(Alert alert, bool resolved)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["rule"] = alert.Rule,
            ["severity"] = alert.Severity.ToString().ToLowerInvariant(),
            ["status"] = resolved ? "resolved" : "firing",
            ["title"] = alert.Title,
            ["source"] = alert.Source,
            ["timestamp"] = alert.Timestamp.ToString("O", CultureInfo.InvariantCulture),
        };
        Put(context, "fingerprint", alert.Fingerprint);
        Put(context, "root_cause", alert.RootCause);
        Put(context, "trace_id", alert.TraceId);
        if (alert.EndsAt is { } endsAt)
        {
            context["ends_at"] = endsAt.ToString("O", CultureInfo.InvariantCulture);
        }

        if (alert.Links.Count > 0)
        {
            context["links"] = alert.Links
                .Select(static l => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["title"] = l.Title, ["url"] = l.Url.OriginalString })
                .ToList();
        }

        if (alert.Labels.Count > 0)
        {
            context["labels"] = alert.Labels.ToDictionary(static l => l.Key, static l => (object?)l.Value, StringComparer.Ordinal);
        }

        var details = alert.Context.Where(static c => c.Key != ReleaseRollout.ContextKey).ToDictionary(static c => c.Key, static c => PlainValues.Plain(c.Value), StringComparer.Ordinal);
        if (details.Count > 0)
        {
            context["details"] = details;
        }

        return context;
    }

    private static void Put(Dictionary<string, object?> context, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            context[key] = value;
        }
    }

    /// <summary>An environment label Sentry accepts (1 to 64 characters, no slash or line break), else none.</summary>
    private static string? UsableEnvironment(string? environment)
        => environment is { Length: <= 64 } && environment.AsSpan().IndexOfAny("/\r\n") < 0 ? environment : null;

    private static string? Label(Alert alert, string name) => alert.Labels.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
