using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a <see cref="JsonLogCollector"/> to Observability.</summary>
public static class JsonLogCollectorObservabilityBuilderExtensions
{
    /// <summary>Adds a JSON log collector named <c>jsonlog</c> with default options; set its path through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonLogCollector(this IObservabilityBuilder builder)
        => builder.AddJsonLogCollector(JsonLogCollectorOptions.DefaultName, static _ => { });

    /// <summary>Adds a JSON log collector named <c>jsonlog</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonLogCollector(this IObservabilityBuilder builder, Action<JsonLogCollectorOptions> configure)
        => builder.AddJsonLogCollector(JsonLogCollectorOptions.DefaultName, configure);

    /// <summary>Adds a JSON log collector with a name of its own.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The collector's name, unique among collectors.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonLogCollector(this IObservabilityBuilder builder, string name, Action<JsonLogCollectorOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a JSON log collector named <c>jsonlog</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="JsonLogCollectorOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonLogCollector(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, JsonLogCollectorOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<JsonLogCollectorOptions>> configure)
        => ProviderRegistration.Add<ICollector, JsonLogCollectorOptions, JsonLogCollectorOptionsValidator>(builder, name, configure, Create);

    private static JsonLogCollector Create(IServiceProvider services, string name, JsonLogCollectorOptions options)
        => new(name, options, ProviderRegistration.Time(services), ProviderRegistration.LoggerFactory(services));
}
