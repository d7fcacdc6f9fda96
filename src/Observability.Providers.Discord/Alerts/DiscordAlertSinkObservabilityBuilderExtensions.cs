using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a <see cref="DiscordAlertSink"/> to Observability.</summary>
public static class DiscordAlertSinkObservabilityBuilderExtensions
{
    /// <summary>The prefix of the named <see cref="HttpClient"/> of each sink: <c>Observability.Discord.</c> followed by its name.</summary>
    public const string HttpClientNamePrefix = "Observability.Discord.";

    /// <summary>Adds a Discord alert sink named <c>discord</c> with default options; set its webhook URL through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddDiscordAlertSink(this IObservabilityBuilder builder)
        => builder.AddDiscordAlertSink(DiscordAlertSinkOptions.DefaultName, static _ => { });

    /// <summary>Adds a Discord alert sink named <c>discord</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddDiscordAlertSink(this IObservabilityBuilder builder, Action<DiscordAlertSinkOptions> configure)
        => builder.AddDiscordAlertSink(DiscordAlertSinkOptions.DefaultName, configure);

    /// <summary>Adds a Discord alert sink with a name of its own (its HTTP client is named <see cref="HttpClientNamePrefix"/> + name).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The sink's name, unique among sinks.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddDiscordAlertSink(this IObservabilityBuilder builder, string name, Action<DiscordAlertSinkOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a Discord alert sink named <c>discord</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="DiscordAlertSinkOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddDiscordAlertSink(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, DiscordAlertSinkOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<DiscordAlertSinkOptions>> configure)
        => ProviderRegistration.Add<IAlertSink, DiscordAlertSinkOptions, DiscordAlertSinkOptionsValidator>(builder, name, configure, Create, AddHttpClient);

    /// <summary>
    /// The sink times each request out itself (DiscordAlertSinkOptions.Timeout), so the client's own 100 s limit is lifted.
    /// The factory's request logging is removed: it would write the request URI, and the webhook token is in its path.
    /// </summary>
    private static void AddHttpClient(IServiceCollection services, string name)
        => services.AddHttpClient(HttpClientNamePrefix + name)
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

    private static DiscordAlertSink Create(IServiceProvider services, string name, DiscordAlertSinkOptions options)
        => new(
            name,
            options,
            services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientNamePrefix + name),
            ProviderRegistration.Time(services),
            ProviderRegistration.LoggerFactory(services));
}
