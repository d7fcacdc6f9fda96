using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>The emergency rollback, the record of the last pass and the alert pipeline's hosted life, registered by <c>AddObservability</c>.</summary>
internal static class RollbackRegistration
{
    public static void AddCoreServices(IServiceCollection services)
    {
        // A user's IRollbackAction or IRollbackAuditLog, registered before or after, wins over these.
        services.TryAddSingleton(static sp => Action(sp.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Rollback, sp.GetRequiredService<SecretRedactor>()));
        services.TryAddSingleton<IRollbackAuditLog>(static sp =>
            sp.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Rollback.AuditDirectory is { Length: > 0 } directory
                ? new FileRollbackAuditLog(directory)
                : new LoggedRollbackAuditLog());
        services.TryAddSingleton<IEmergencyRollback>(static sp => new EmergencyRollback(
            sp.GetRequiredService<IRollbackAction>(),
            sp.GetRequiredService<IRollbackAuditLog>(),
            sp.GetRequiredService<IAlertPublisher>(),
            sp.GetRequiredService<IOptions<ObservabilityOptions>>(),
            sp.GetRequiredService<SecretRedactor>(),
            sp.GetRequiredService<TimeProvider>(),
            ProviderRegistration.LoggerFactory(sp).CreateLogger<EmergencyRollback>()));
        services.TryAddSingleton(static sp => new AutomaticRollback(sp.GetRequiredService<IEmergencyRollback>()));
        services.TryAddSingleton<MonitoringResultAccessor>();
        services.TryAddSingleton<IMonitoringResultAccessor>(static sp => sp.GetRequiredService<MonitoringResultAccessor>());
        services.TryAddSingleton(static sp => new PassFollowUp(
            sp.GetRequiredService<MonitoringResultAccessor>(),
            sp.GetRequiredService<AutomaticRollback>(),
            sp.GetServices<IMonitoringPassObserver>(),
            sp.GetRequiredService<SecretRedactor>(),
            ProviderRegistration.LoggerFactory(sp).CreateLogger<PassFollowUp>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AlertPipelineHostedService>(static sp => new AlertPipelineHostedService(
            sp.GetRequiredService<IAlertPublisher>(),
            ProviderRegistration.LoggerFactory(sp).CreateLogger<AlertPipelineHostedService>())));
    }

    /// <summary>The configured built-in action: the command, the HTTP call, or none.</summary>
    public static IRollbackAction Action(RollbackOptions options, SecretRedactor redactor)
        => options.Command.FileName is { Length: > 0 } ? new CommandRollbackAction(options.Command, redactor)
            : options.Http.Url is not null ? new HttpRollbackAction(options.Http, redactor)
            : new UnconfiguredRollbackAction();
}
