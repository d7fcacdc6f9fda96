using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>
/// Runs a monitoring pass when the host starts and then every <see cref="HealthMonitorServiceOptions.Interval"/> on the
/// injected clock; each result is kept by the monitor for <see cref="IMonitoringResultAccessor"/>. A pass that fails
/// unexpectedly is logged and the next one runs on time.
/// </summary>
internal sealed partial class HealthMonitorService(
    IHealthMonitor monitor,
    IOptions<HealthMonitorServiceOptions> options,
    TimeProvider time,
    ILogger<HealthMonitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first pass, so the next tick is due one interval after the start whatever the pass takes.
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        try
        {
            do
            {
                try
                {
                    await monitor.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogPassFailed(logger, ex.GetType().Name, ex.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "The periodic monitoring pass failed ({ExceptionType}: {Reason}); the next one runs on time")]
    private static partial void LogPassFailed(ILogger logger, string exceptionType, string reason);
}
