using Sentry;

namespace Observability.Internal;

/// <summary>
/// The Sentry SDK options of one isolated client: the sink's DSN and metadata, the envelopes routed through
/// <see cref="SentryDeliveryHandler"/>, and everything that would touch the host process or send more than the
/// alert switched off (no offline cache, sessions, client reports, stack traces, PII, file writes or integrations).
/// </summary>
internal static class SentrySdkOptions
{
    /// <summary>
    /// Contexts the SDK adds about the process that sends (memory, thread pool, culture, code generation): they
    /// describe the monitoring host, not the service the alert is about, so they are left out.
    /// </summary>
    private static readonly string[] HostContexts = ["Memory Info", "ThreadPool Info", "Current Culture", "Dynamic Code"];

    public static SentryOptions Create(SentryAlertSinkOptions options, SentryDeliveryHandler handler)
    {
        var sdk = new SentryOptions
        {
            Dsn = options.Dsn!.Trim(),
            Environment = options.Environment,
            Release = options.Release,
            ServerName = options.ServerName,
            Debug = false,
            DiagnosticLogger = null,
            CreateHttpMessageHandler = () => handler,
            CacheDirectoryPath = null,
            AutoSessionTracking = false,
            SendClientReports = false,
            AttachStacktrace = false,
            SendDefaultPii = false,
            IsEnvironmentUser = false,
            IsGlobalModeEnabled = false,
            EnableScopeSync = false,
            ReportAssembliesMode = ReportAssembliesMode.None,
            DisableFileWrite = true,
            DetectStartupTime = StartupTimeDetectionMode.None,
            CaptureFailedRequests = false,
            DisableSentryHttpMessageHandler = true,
            EnableLogs = false,
            MaxQueueItems = 10,
            ShutdownTimeout = TimeSpan.Zero,
        };
        sdk.DisableAppDomainUnhandledExceptionCapture();
        sdk.DisableUnobservedTaskExceptionCapture();
        sdk.DisableAppDomainProcessExitFlush();
        sdk.DisableDiagnosticSourceIntegration();
        sdk.DisableSystemDiagnosticsMetricsIntegration();
        sdk.DisableDuplicateEventDetection();
        sdk.SetBeforeSend(static (sentryEvent, _) => WithoutHostDetails(sentryEvent));
        return sdk;
    }

    private static SentryEvent WithoutHostDetails(SentryEvent sentryEvent)
    {
        foreach (var name in HostContexts)
        {
            sentryEvent.Contexts.Remove(name);
        }

        // The SDK's installation id stands in for a user; an alert has none.
        sentryEvent.User = new SentryUser();
        return sentryEvent;
    }
}
