using Microsoft.Extensions.Configuration;

namespace Observability.Samples.RolloutHealth;

/// <summary>
/// The short environment variables (<c>OBS_*</c>) that will select the sample's real
/// providers. None of those providers is part of this build yet, so for now a set
/// variable only produces a note. When a provider lands, replace its note with the
/// matching builder call (for example <c>.AddDiscordAlertSink(o =&gt; o.WebhookUrl = ...)</c>)
/// and drop the entry from <see cref="All"/>.
/// </summary>
/// <remarks>
/// The values are read through configuration (environment variables, but also the
/// command line) and are secrets: they are never printed, logged or written to a report.
/// </remarks>
internal static class ProviderSettings
{
    /// <summary>The Prometheus base address; when set, the sample collects from it instead of the embedded data.</summary>
    public const string PrometheusUrl = "OBS_PROMETHEUS_URL";

    /// <summary>The service to judge: the <c>job</c> label in Prometheus. Default: the configured service name.</summary>
    public const string Service = "OBS_SERVICE";

    /// <summary>
    /// The Prometheus source when <c>OBS_PROMETHEUS_URL</c> is set: its address and the service
    /// (<c>OBS_SERVICE</c>, else <paramref name="defaultService"/>); <see langword="null"/> when unset.
    /// </summary>
    /// <exception cref="FormatException">The address is not an absolute http(s) URL; the message does not repeat it.</exception>
    public static (Uri Endpoint, string Service)? Prometheus(IConfiguration configuration, string defaultService)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[PrometheusUrl];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"{PrometheusUrl} must be an absolute http or https address such as http://127.0.0.1:9090/.");
        }

        var service = configuration[Service];
        return (endpoint, string.IsNullOrWhiteSpace(service) ? defaultService : service.Trim());
    }

    /// <summary>Every short variable, with the provider it belongs to.</summary>
    public static IReadOnlyList<ProviderSetting> All { get; } =
    [
        new("OBS_ALERTMANAGER_URL", "Alertmanager", "alert sink"),
        new("OBS_DISCORD_WEBHOOK_URL", "Discord", "alert sink (webhook)"),
        new("OBS_SENTRY_DSN", "Sentry", "alert sink (DSN)"),
        new("OBS_GITHUB_TOKEN", "GitHub", "issue sink (token)"),
        new("OBS_GITHUB_REPOSITORY", "GitHub", "issue sink (owner/name)"),
        new("OBS_GITHUB_API_URL", "GitHub", "issue sink (API base address)"),
        new("OBS_REDIS", "Redis", "alert dedupe store"),
    ];

    /// <summary>
    /// One note per variable that is set: which provider it is meant for and that the
    /// embedded defaults are used instead. The value itself never appears in a note.
    /// </summary>
    public static IReadOnlyList<string> Notes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var notes = new List<string>();
        foreach (var setting in All)
        {
            if (!string.IsNullOrWhiteSpace(configuration[setting.Variable]))
            {
                notes.Add($"note: {setting.Variable} is set, but the {setting.Provider} provider is not part of this build yet; using the embedded defaults");
            }
        }

        return notes;
    }
}

/// <summary>A short environment variable and the provider that will consume it.</summary>
/// <param name="Variable">The environment variable, for example <c>OBS_DISCORD_WEBHOOK_URL</c>.</param>
/// <param name="Provider">The provider's display name, for example <c>Discord</c>.</param>
/// <param name="Role">What the provider does in the sample.</param>
internal sealed record ProviderSetting(string Variable, string Provider, string Role);
