using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a <see cref="SentryAlertSink"/> to Observability.</summary>
public static class SentryAlertSinkObservabilityBuilderExtensions
{
    /// <summary>The prefix of the named <see cref="HttpClient"/> of each Sentry sink: <c>Observability.Sentry.</c> followed by its name.</summary>
    public const string HttpClientNamePrefix = "Observability.Sentry.";

    /// <summary>Adds a Sentry alert sink named <c>sentry</c> with default options; set its DSN through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSentryAlertSink(this IObservabilityBuilder builder)
        => builder.AddSentryAlertSink(SentryAlertSinkOptions.DefaultName, static _ => { });

    /// <summary>Adds a Sentry alert sink named <c>sentry</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSentryAlertSink(this IObservabilityBuilder builder, Action<SentryAlertSinkOptions> configure)
        => builder.AddSentryAlertSink(SentryAlertSinkOptions.DefaultName, configure);

    /// <summary>Adds a Sentry alert sink with a name of its own (its HTTP client is named <see cref="HttpClientNamePrefix"/> + name).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The sink's name, unique among sinks.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSentryAlertSink(this IObservabilityBuilder builder, string name, Action<SentryAlertSinkOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a Sentry alert sink named <c>sentry</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="SentryAlertSinkOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSentryAlertSink(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, SentryAlertSinkOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<SentryAlertSinkOptions>> configure)
        => ProviderRegistration.Add<IAlertSink, SentryAlertSinkOptions, SentryAlertSinkOptionsValidator>(builder, name, configure, Create, AddHttpClient);

    /// <summary>The sink times each event out itself (SentryAlertSinkOptions.Timeout), so the client's own 100 s limit is lifted.</summary>
    private static void AddHttpClient(IServiceCollection services, string name)
        => services.AddHttpClient(HttpClientNamePrefix + name).ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();

    private static SentryAlertSink Create(IServiceProvider services, string name, SentryAlertSinkOptions options)
        => new(
            name,
            options,
            services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientNamePrefix + name),
            ProviderRegistration.Time(services),
            ProviderRegistration.LoggerFactory(services));
}
