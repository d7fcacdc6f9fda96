using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the <see cref="StabilityMonitor"/> and its hosted service. It reads the registered collectors, less the sources of
/// a registered <see cref="CrossCheckedCollector"/> (asked through it): one is used as is; several become a
/// <see cref="CrossCheckedCollector"/> named <c>chain</c> in registration order.
/// </summary>
public static class StabilityMonitorObservabilityBuilderExtensions
{
    /// <summary>Adds the stability monitor and the hosted service that runs it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; <see cref="StabilityMonitorOptions.OutputDirectory"/> is required.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddStabilityMonitor(this IObservabilityBuilder builder, Action<StabilityMonitorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, options => options.Configure(configure));
    }

    /// <summary>Adds the stability monitor and the hosted service that runs it, with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="StabilityMonitorOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddStabilityMonitor(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, Action<OptionsBuilder<StabilityMonitorOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        configure(OptionsChecks.AddValidated<StabilityMonitorOptions, StabilityMonitorOptionsValidation>(builder.Services));
        builder.Services.TryAddSingleton(static services =>
        {
            var collectors = services.GetServices<ICollector>().ToArray();
            if (collectors.Length == 0)
            {
                throw new InvalidOperationException("The stability monitor needs a collector: add one to Observability (for example AddFileCollector) before it runs.");
            }

            var loggers = ProviderRegistration.LoggerFactory(services);
            var observability = services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
            var options = services.GetRequiredService<IOptions<StabilityMonitorOptions>>().Value;

            // One set of thresholds: the monitor judges with the pass's (Observability:Thresholds), and watches its service unless told otherwise.
            options.Thresholds = observability.Thresholds;
            if (options.ServiceName == StabilityMonitorOptions.DefaultServiceName && !string.IsNullOrWhiteSpace(observability.ServiceName))
            {
                options.ServiceName = observability.ServiceName;
            }

            var redactor = services.GetRequiredService<SecretRedactor>();
            return new StabilityMonitor(
                Choose(collectors, loggers, redactor),
                options,
                ProviderRegistration.Time(services),
                loggers.CreateLogger<StabilityMonitor>(),
                services.GetRequiredService<IAlertPublisher>(),
                redactor);
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StabilityMonitorService>());
        return builder;
    }

    /// <summary>
    /// The collector the monitor asks: the registered ones, less the sources of a registered cross-checked collector
    /// (asked through it, not a second time on their own); one is used as is, several become a chain in registration order,
    /// which masks secrets with <paramref name="redactor"/> (the registered one, built from the user's redaction options).
    /// </summary>
    internal static ICollector Choose(IReadOnlyList<ICollector> registered, ILoggerFactory loggers, SecretRedactor? redactor = null)
    {
        var collectors = CrossCheckedCollector.WithoutChainedSources(registered);
        return collectors.Length == 1 ? collectors[0] : new CrossCheckedCollector("chain", collectors, null, loggers.CreateLogger<CrossCheckedCollector>(), redactor);
    }
}
