using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds a <see cref="CiLogCollector"/> to Observability, and the rule-based <see cref="CiErrorClassifier"/> as
/// <see cref="ICiErrorClassifier"/> unless one is already registered; the collector puts every error line in a category
/// with the registered classifier.
/// </summary>
public static class CiLogCollectorObservabilityBuilderExtensions
{
    /// <summary>Adds a CI log collector named <c>ci-logs</c> with default options; set its path through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCiLogCollector(this IObservabilityBuilder builder)
        => builder.AddCiLogCollector(CiLogCollectorOptions.DefaultName, static _ => { });

    /// <summary>Adds a CI log collector named <c>ci-logs</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCiLogCollector(this IObservabilityBuilder builder, Action<CiLogCollectorOptions> configure)
        => builder.AddCiLogCollector(CiLogCollectorOptions.DefaultName, configure);

    /// <summary>Adds a CI log collector with a name of its own.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The collector's name, unique among collectors.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCiLogCollector(this IObservabilityBuilder builder, string name, Action<CiLogCollectorOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a CI log collector named <c>ci-logs</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="CiLogCollectorOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCiLogCollector(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, CiLogCollectorOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<CiLogCollectorOptions>> configure)
        => ProviderRegistration.Add<ICollector, CiLogCollectorOptions, CiLogCollectorOptionsValidator>(
            builder, name, configure, Create, static (services, _) => services.TryAddSingleton<ICiErrorClassifier>(CiErrorClassifier.Instance));

    private static CiLogCollector Create(IServiceProvider services, string name, CiLogCollectorOptions options)
        => new(name, options, services.GetRequiredService<ICiErrorClassifier>(), ProviderRegistration.Time(services), ProviderRegistration.LoggerFactory(services));
}
