using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// What happens after every monitoring pass: the result is kept for the health check, an automatic rollback runs when
/// it is due, then every <see cref="IMonitoringPassObserver"/> is told, each one's failure logged and never the pass's.
/// </summary>
internal sealed partial class PassFollowUp(
    MonitoringResultAccessor results,
    AutomaticRollback rollback,
    IEnumerable<IMonitoringPassObserver> observers,
    SecretRedactor redactor,
    ILogger<PassFollowUp> logger)
{
    private readonly IMonitoringPassObserver[] _observers = [.. observers];

    public async Task AfterPassAsync(MonitoringPassResult result, ObservabilityOptions options, CancellationToken cancellationToken)
    {
        results.Record(result);
        await rollback.AfterPassAsync(result.Report, options.Rollback, cancellationToken).ConfigureAwait(false);
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnPassCompletedAsync(result, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogObserverFailed(logger, observer.GetType().Name, ex.GetType().Name, redactor.RedactText(ex.Message), result.Report.TraceId);
            }
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Pass observer {Observer} failed ({ExceptionType}: {Reason}); the pass's result stands (trace {TraceId})")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string exceptionType, string reason, string traceId);
}
