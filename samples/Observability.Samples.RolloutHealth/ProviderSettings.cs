using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Observability.Cli.Check;

namespace Observability.Samples.RolloutHealth;

/// <summary>
/// The short environment variables (<c>OBS_*</c>) that select the sample's real providers: a
/// Prometheus source, the Alertmanager, Discord, Sentry and GitHub-issue alert sinks, and a Redis
/// dedupe store shared by every run and replica.
/// </summary>
/// <remarks>
/// The values are read through configuration (environment variables, but also the command line)
/// and are secrets: they are never printed, logged or written to a report, and an error about one
/// names the variable, never its value.
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
        if (Value(configuration, PrometheusUrl) is not { } value)
        {
            return null;
        }

        var service = Value(configuration, Service);
        return (HttpAddress(value, PrometheusUrl, "http://127.0.0.1:9090/"), service ?? defaultService);
    }

    /// <summary>
    /// Adds the alert sinks and the dedupe store whose variables are set (the obs tool's <see cref="AlertProviders"/>,
    /// one copy for both), and returns one note for each (the provider and the variable, never the value).
    /// </summary>
    /// <exception cref="FormatException">A value is malformed, or one GitHub variable is set without the other; every problem is listed.</exception>
    public static IReadOnlyList<string> AddAlertProviders(IObservabilityBuilder builder, IConfiguration configuration)
        => AlertProviders.AddAlertProviders(builder, configuration);

    private static string? Value(IConfiguration configuration, string variable) => AlertProviders.Value(configuration, variable);

    private static Uri HttpAddress(string value, string variable, string example) => AlertProviders.HttpAddress(value, variable, example);
}
