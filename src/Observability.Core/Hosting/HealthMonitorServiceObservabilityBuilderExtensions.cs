using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the periodic monitoring pass as a hosted service: a pass when the host starts and every
/// <see cref="HealthMonitorServiceOptions.Interval"/> after, on the registered <see cref="TimeProvider"/>. The last
/// result is kept in <see cref="IMonitoringResultAccessor"/> and reported by the release health check
/// (<c>AddObservabilityHealthCheck</c>); with <see cref="RollbackOptions.Automatic"/> a rollback verdict runs the
/// rollback action once per condition.
/// </summary>
public static class HealthMonitorServiceObservabilityBuilderExtensions
{
    /// <summary>Adds the periodic pass with the default interval (15 minutes).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddHealthMonitorService(this IObservabilityBuilder builder)
        => Add(builder, static _ => { });

    /// <summary>Adds the periodic pass.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddHealthMonitorService(this IObservabilityBuilder builder, Action<HealthMonitorServiceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, options => options.Configure(configure));
    }

    /// <summary>Adds the periodic pass with options bound from configuration (for example <c>Observability:Monitor</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="HealthMonitorServiceOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddHealthMonitorService(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, Action<OptionsBuilder<HealthMonitorServiceOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        configure(OptionsChecks.AddValidated<HealthMonitorServiceOptions, HealthMonitorServiceOptionsValidator>(builder.Services));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HealthMonitorService>(static sp => new HealthMonitorService(
            sp.GetRequiredService<IHealthMonitor>(),
            sp.GetRequiredService<IOptions<HealthMonitorServiceOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            ProviderRegistration.LoggerFactory(sp).CreateLogger<HealthMonitorService>())));
        return builder;
    }
}
