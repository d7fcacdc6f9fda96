using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Observability in an <see cref="IServiceCollection"/>.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>Adds the Observability core services with default options.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder, to add collectors, sinks and reporters.</returns>
    public static IObservabilityBuilder AddObservability(this IServiceCollection services)
        => services.AddObservability(static _ => { });

    /// <summary>Adds the Observability core services and configures their options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; applied after any earlier configuration.</param>
    /// <returns>The builder, to add collectors, sinks and reporters.</returns>
    public static IObservabilityBuilder AddObservability(this IServiceCollection services, Action<ObservabilityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        AddCoreServices(services);
        services.Configure(configure);
        return new ObservabilityBuilder(services);
    }

    /// <summary>Adds the Observability core services with options bound from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, for example <c>configuration.GetSection("Observability")</c>.</param>
    /// <returns>The builder, to add collectors, sinks and reporters.</returns>
    public static IObservabilityBuilder AddObservability(this IServiceCollection services, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        AddCoreServices(services);
        services.Configure<ObservabilityOptions>(configuration);
        return new ObservabilityBuilder(services);
    }

    private static void AddCoreServices(IServiceCollection services)
    {
        OptionsChecks.AddValidated<ObservabilityOptions, ObservabilityOptionsValidator>(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new FileAlertState(Options(sp).Alerts.StateDirectory is { } directory
            ? new FileAlertStateStore(directory, sp.GetRequiredService<TimeProvider>(), ProviderRegistration.LoggerFactory(sp).CreateLogger<FileAlertStateStore>())
            : null));
        services.TryAddSingleton<IDedupeStore>(static sp => (IDedupeStore?)sp.GetRequiredService<FileAlertState>().Store ?? new InMemoryDedupeStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IClassifier<SnapshotSignal>>(static sp => new SnapshotClassifier(Options(sp).Thresholds));
        services.TryAddSingleton<IRegressionClassifier>(static _ => new RuleBasedRegressionClassifier());
        services.TryAddSingleton(static sp => new SecretRedactor(Options(sp).Redaction));
        services.TryAddSingleton(static sp => new AlertFingerprinter(Options(sp).Alerts));
        services.TryAddSingleton(static sp => new TraceStore(Options(sp).Traces));
        services.TryAddSingleton(static sp => new ExecutionTracer(sp.GetRequiredService<TraceStore>(), sp.GetRequiredService<SecretRedactor>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(static sp => new DebugLastCommand(sp.GetRequiredService<TraceStore>(), sp.GetRequiredService<SecretRedactor>(), Options(sp).Traces));

        // Internal plumbing: built by hand so that logging is optional (no AddLogging needed).
        services.TryAddSingleton(static sp => new AlertPipeline(
            sp.GetRequiredService<SecretRedactor>(),
            sp.GetRequiredService<AlertFingerprinter>(),
            sp.GetRequiredService<IDedupeStore>(),
            sp.GetServices<IAlertSink>(),
            sp.GetRequiredService<IOptionsMonitor<ObservabilityOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IMeterFactory>(),
            ProviderRegistration.LoggerFactory(sp).CreateLogger<AlertPipeline>(),
            sp.GetService<IAlertStateStore>() ?? sp.GetRequiredService<FileAlertState>().Store));
        services.TryAddSingleton<IAlertPublisher>(static sp => sp.GetRequiredService<AlertPipeline>());
        services.TryAddSingleton(static sp => new ReportWriter(
            sp.GetServices<IReporter>(),
            ProviderRegistration.LoggerFactory(sp).CreateLogger<ReportWriter>()));
        services.TryAddSingleton<IHealthMonitor>(static sp => new HealthMonitor(
            sp.GetRequiredService<IOptions<ObservabilityOptions>>(),
            sp.GetServices<ICollector>(),
            sp.GetRequiredService<IClassifier<SnapshotSignal>>(),
            sp.GetRequiredService<IRegressionClassifier>(),
            sp.GetRequiredService<IAlertPublisher>(),
            sp.GetRequiredService<ReportWriter>(),
            sp.GetRequiredService<SecretRedactor>(),
            sp.GetRequiredService<TimeProvider>(),
            ProviderRegistration.LoggerFactory(sp).CreateLogger<HealthMonitor>(),
            sp.GetRequiredService<PassFollowUp>(),
            sp.GetRequiredService<ExecutionTracer>()));
        RollbackRegistration.AddCoreServices(services);
    }

    private static ObservabilityOptions Options(IServiceProvider services)
        => services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
}
