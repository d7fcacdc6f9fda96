using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a <see cref="PrometheusCollector"/> to Observability.</summary>
public static class PrometheusCollectorObservabilityBuilderExtensions
{
    /// <summary>The prefix of the named <see cref="HttpClient"/> of each collector: <c>Observability.Prometheus.</c> followed by its name.</summary>
    public const string HttpClientNamePrefix = "Observability.Prometheus.";

    /// <summary>Adds a Prometheus collector named <c>prometheus</c> with default options; set its endpoint and service through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddPrometheusCollector(this IObservabilityBuilder builder)
        => builder.AddPrometheusCollector(PrometheusCollectorOptions.DefaultName, static _ => { });

    /// <summary>Adds a Prometheus collector named <c>prometheus</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddPrometheusCollector(this IObservabilityBuilder builder, Action<PrometheusCollectorOptions> configure)
        => builder.AddPrometheusCollector(PrometheusCollectorOptions.DefaultName, configure);

    /// <summary>Adds a Prometheus collector with a name of its own (its HTTP client is named <see cref="HttpClientNamePrefix"/> + name).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The collector's name, unique among collectors.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddPrometheusCollector(this IObservabilityBuilder builder, string name, Action<PrometheusCollectorOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a Prometheus collector named <c>prometheus</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="PrometheusCollectorOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddPrometheusCollector(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, PrometheusCollectorOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<PrometheusCollectorOptions>> configure)
        => ProviderRegistration.Add<ICollector, PrometheusCollectorOptions, PrometheusCollectorOptionsValidator>(builder, name, configure, Create, AddHttpClient);

    /// <summary>
    /// The collector times each query and the whole collection out itself (PrometheusCollectorOptions.Timeout and
    /// CollectionTimeout), so the client's own 100 s limit is lifted; it follows redirects itself, only on Prometheus' own
    /// host, so the handler does not follow any.
    /// </summary>
    private static void AddHttpClient(IServiceCollection services, string name)
        => services.AddHttpClient(HttpClientNamePrefix + name)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers(); // the request log would carry the Authorization header and the query

    private static PrometheusCollector Create(IServiceProvider services, string name, PrometheusCollectorOptions options)
        => new(
            name,
            options,
            services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientNamePrefix + name),
            ProviderRegistration.Time(services),
            ProviderRegistration.LoggerFactory(services));
}
