using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds an <see cref="AlertmanagerAlertSink"/> to Observability.</summary>
public static class AlertmanagerAlertSinkObservabilityBuilderExtensions
{
    /// <summary>The prefix of the named <see cref="HttpClient"/> of each sink: <c>Observability.Alertmanager.</c> followed by its name.</summary>
    public const string HttpClientNamePrefix = "Observability.Alertmanager.";

    /// <summary>Adds an Alertmanager sink named <c>alertmanager</c> with default options; set its Url through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddAlertmanagerAlertSink(this IObservabilityBuilder builder)
        => builder.AddAlertmanagerAlertSink(AlertmanagerAlertSinkOptions.DefaultName, static _ => { });

    /// <summary>Adds an Alertmanager sink named <c>alertmanager</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddAlertmanagerAlertSink(this IObservabilityBuilder builder, Action<AlertmanagerAlertSinkOptions> configure)
        => builder.AddAlertmanagerAlertSink(AlertmanagerAlertSinkOptions.DefaultName, configure);

    /// <summary>Adds an Alertmanager sink with a name of its own (its HTTP client is named <see cref="HttpClientNamePrefix"/> + name).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The sink's name, unique among sinks.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddAlertmanagerAlertSink(this IObservabilityBuilder builder, string name, Action<AlertmanagerAlertSinkOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds an Alertmanager sink named <c>alertmanager</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="AlertmanagerAlertSinkOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddAlertmanagerAlertSink(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, AlertmanagerAlertSinkOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<AlertmanagerAlertSinkOptions>> configure)
        => ProviderRegistration.Add<IAlertSink, AlertmanagerAlertSinkOptions, AlertmanagerAlertSinkOptionsValidator>(builder, name, configure, Create, AddHttpClient);

    /// <summary>The sink times each post out itself (AlertmanagerAlertSinkOptions.Timeout), so the client's own 100 s limit is lifted.</summary>
    private static void AddHttpClient(IServiceCollection services, string name)
        => services.AddHttpClient(HttpClientNamePrefix + name).ConfigureHttpClient(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan).RemoveAllLoggers();

    private static AlertmanagerAlertSink Create(IServiceProvider services, string name, AlertmanagerAlertSinkOptions options)
        => new(
            name,
            options,
            services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientNamePrefix + name),
            ProviderRegistration.Time(services),
            ProviderRegistration.LoggerFactory(services));
}
