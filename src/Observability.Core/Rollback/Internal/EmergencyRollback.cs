using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Runs the action within the timeout, keeps the audit entry, publishes the critical alert; never throws for their failures.</summary>
internal sealed partial class EmergencyRollback(
    IRollbackAction action,
    IRollbackAuditLog audit,
    IAlertPublisher alerts,
    IOptions<ObservabilityOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<EmergencyRollback> logger) : IEmergencyRollback
{
    /// <summary>The rule of the rollback alert (not a catalogue row: it is an event, not a judged condition), as <c>ReleaseAlerts.EmergencyRollbackRule</c>.</summary>
    public const string AlertRule = "release_emergency_rollback";

    public async Task<RollbackRecord> RollBackAsync(RollbackRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var traceId = request.TraceId is { Length: > 0 } given ? given : (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();
        var reason = redactor.RedactText(request.Reason);
        var at = time.GetUtcNow();
        var started = time.GetTimestamp();
        LogStarted(logger, request.Service, action.Description, request.Automatic, traceId);

        RollbackActionResult result;
        var cancelled = false;
        using (var timeout = new CancellationTokenSource(settings.Rollback.Timeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                result = await action.ExecuteAsync(request with { TraceId = traceId }, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                result = new RollbackActionResult(RollbackOutcome.Cancelled) { Error = "interrupted while the action ran" };
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                result = new RollbackActionResult(RollbackOutcome.TimedOut) { Error = $"stopped after the timeout of {Figures.Duration(settings.Rollback.Timeout)}" };
            }
            catch (Exception ex)
            {
                result = new RollbackActionResult(RollbackOutcome.Error) { Error = $"{ex.GetType().Name}: {ex.Message}" };
            }
        }

        var record = new RollbackRecord
        {
            At = at,
            Service = request.Service,
            Reason = reason,
            Decision = request.Decision,
            TraceId = traceId,
            Automatic = request.Automatic,
            Action = action.Description,
            Outcome = result.Outcome,
            ExitCode = result.ExitCode,
            HttpStatusCode = result.HttpStatusCode,
            Error = result.Error is { } error ? redactor.RedactText(OneLine(error)) : null,
            Duration = time.GetElapsedTime(started),
        };
        LogFinished(logger, record.Service, record.Outcome, record.ExitCode, record.HttpStatusCode, record.Duration.TotalMilliseconds, record.Error ?? "-", traceId);

        // The trail and the alert are kept even when the caller gave up: the rollback may have half happened.
        var keep = cancelled ? CancellationToken.None : cancellationToken;
        try
        {
            await audit.AppendAsync(record, keep).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !keep.IsCancellationRequested)
        {
            LogAuditFailed(logger, ex.GetType().Name, redactor.RedactText(ex.Message), traceId);
        }

        await alerts.PublishAsync([Alert(record, settings)], keep).ConfigureAwait(false);
        if (cancelled)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return record;
    }

    /// <summary>The word for an outcome in the console, the audit trail and the alert.</summary>
    public static string Token(RollbackOutcome outcome) => outcome switch
    {
        RollbackOutcome.Succeeded => "succeeded",
        RollbackOutcome.Failed => "failed",
        RollbackOutcome.TimedOut => "timed_out",
        RollbackOutcome.Error => "error",
        RollbackOutcome.Cancelled => "cancelled",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static Alert Alert(RollbackRecord record, ObservabilityOptions settings)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [AlertLabels.Service] = record.Service };
        if (settings.Environment is { Length: > 0 } environment)
        {
            labels[AlertLabels.Environment] = environment;
        }

        var outcome = record.Outcome switch
        {
            RollbackOutcome.Succeeded => "executed",
            RollbackOutcome.TimedOut => "timed out",
            RollbackOutcome.Cancelled => "interrupted",
            _ => "FAILED",
        };
        var detail = record.ExitCode is { } code ? string.Create(CultureInfo.InvariantCulture, $" (exit code {code})")
            : record.HttpStatusCode is { } status ? string.Create(CultureInfo.InvariantCulture, $" (HTTP {status})")
            : string.Empty;
        return new Alert
        {
            Rule = AlertRule,
            Severity = AlertSeverity.Critical,
            Title = $"{record.Service}: emergency rollback {outcome}",
            Message = $"{(record.Automatic ? "Automatic" : "Manual")} rollback of {record.Service}: {record.Reason}. "
                + $"Action {record.Action}: {Token(record.Outcome)}{detail} in {Figures.Milliseconds(Math.Round(record.Duration.TotalMilliseconds))}."
                + (record.Error is { } error ? $" {error}." : string.Empty)
                + (record.Decision is { } decision ? $" Verdict: {decision.ToString().ToLowerInvariant()}." : string.Empty),
            RootCause = record.Outcome == RollbackOutcome.Succeeded ? null : record.Error,
            TraceId = record.TraceId,
            Timestamp = record.At,
            Labels = labels,
            Context = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["rollback_outcome"] = Token(record.Outcome),
                ["rollback_action"] = record.Action,
                ["rollback_automatic"] = record.Automatic,
                ["rollback_exit_code"] = record.ExitCode,
                ["rollback_http_status"] = record.HttpStatusCode,
                ["rollback_duration_ms"] = Math.Round(record.Duration.TotalMilliseconds),
            },
        };
    }

    private static string OneLine(string text)
        => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Emergency rollback of {Service} started: {Action} (automatic {Automatic}, trace {TraceId})")]
    private static partial void LogStarted(ILogger logger, string service, string action, bool automatic, string traceId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Emergency rollback of {Service}: {Outcome}, exit code {ExitCode}, HTTP {HttpStatus}, {DurationMs} ms; {Error} (trace {TraceId})")]
    private static partial void LogFinished(ILogger logger, string service, RollbackOutcome outcome, int? exitCode, int? httpStatus, double durationMs, string error, string traceId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "The rollback audit entry could not be kept ({ExceptionType}: {Reason}) (trace {TraceId})")]
    private static partial void LogAuditFailed(ILogger logger, string exceptionType, string reason, string traceId);
}
