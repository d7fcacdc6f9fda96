using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>
/// Redact, fingerprint, deduplicate, route by severity, deliver. No sink sees an alert before it
/// is redacted, and no failure of a sink or of the dedupe store reaches the caller.
/// </summary>
internal sealed partial class AlertPipeline : IAlertPublisher
{
    private readonly SecretRedactor _redactor;
    private readonly AlertFingerprinter _fingerprinter;
    private readonly IDedupeStore _dedupe;
    private readonly IAlertSink[] _sinks;
    private readonly AlertingOptions _options;
    private readonly ILogger _logger;

    public AlertPipeline(SecretRedactor redactor, AlertFingerprinter fingerprinter, IDedupeStore dedupe, IEnumerable<IAlertSink> sinks, IOptions<ObservabilityOptions> options, ILogger<AlertPipeline> logger)
    {
        _redactor = redactor;
        _fingerprinter = fingerprinter;
        _dedupe = dedupe;
        _sinks = sinks.ToArray();
        _options = options.Value.Alerts;
        _logger = logger;
    }

    public Task<bool> FlushAsync(CancellationToken cancellationToken = default)
        => Task.FromResult(true);

    public async Task<AlertPublishResult> PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var prepared = new Alert[alerts.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            var redacted = _redactor.Redact(alerts[i]);
            prepared[i] = redacted with { Fingerprint = redacted.Fingerprint ?? _fingerprinter.Compute(redacted) };
        }

        if (!_options.Enabled)
        {
            return new AlertPublishResult { Accepted = prepared, Raised = prepared };
        }

        var raised = new List<Alert>(prepared.Length);
        foreach (var alert in prepared)
        {
            if (await IsNewAsync(alert, cancellationToken).ConfigureAwait(false))
            {
                raised.Add(alert);
            }
            else
            {
                LogSuppressed(_logger, alert.Rule, alert.Fingerprint!);
            }
        }

        var routed = raised.Where(a => a.Severity >= _options.MinimumSeverity).ToArray();
        var deliveries = new List<DeliveryResult>(_sinks.Length);
        if (routed.Length > 0)
        {
            foreach (var sink in _sinks)
            {
                deliveries.Add(await DeliverAsync(sink, routed, cancellationToken).ConfigureAwait(false));
            }

            if (deliveries.Count > 0 && !deliveries.Any(static d => d.Succeeded))
            {
                // Nobody got them: free the fingerprints so the next pass tries again.
                foreach (var alert in routed)
                {
                    await ReleaseAsync(alert, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new AlertPublishResult { Accepted = prepared, Raised = raised, Suppressed = prepared.Length - raised.Count, Deliveries = deliveries };
    }

    private async Task<bool> IsNewAsync(Alert alert, CancellationToken cancellationToken)
    {
        try
        {
            return await _dedupe.TryReserveAsync(alert.Fingerprint!, _options.DedupeWindow, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Fail open: a duplicate notification is better than a lost one.
            LogDedupeFailed(_logger, ex.GetType().Name, _redactor.RedactText(ex.Message));
            return true;
        }
    }

    private async Task ReleaseAsync(Alert alert, CancellationToken cancellationToken)
    {
        try
        {
            await _dedupe.ReleaseAsync(alert.Fingerprint!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDedupeFailed(_logger, ex.GetType().Name, _redactor.RedactText(ex.Message));
        }
    }

    private async Task<DeliveryResult> DeliverAsync(IAlertSink sink, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        DeliveryResult result;
        try
        {
            result = await sink.SendAsync(alerts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = DeliveryResult.Failed(sink.Name, alerts.Count, $"{ex.GetType().Name}: {_redactor.RedactText(ex.Message)}");
        }

        if (result.Succeeded)
        {
            LogDelivered(_logger, sink.Name, result.AlertCount);
        }
        else
        {
            // A sink should not put secrets in its error, but the log line is redacted regardless.
            LogDeliveryFailed(_logger, sink.Name, result.Status, result.StatusCode, _redactor.RedactText(result.Error ?? string.Empty));
        }

        return result;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Alert {Rule} suppressed as a repeat (fingerprint {Fingerprint})")]
    private static partial void LogSuppressed(ILogger logger, string rule, string fingerprint);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The dedupe store failed ({ExceptionType}: {Reason}); sending the alert anyway")]
    private static partial void LogDedupeFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Sink {Sink} accepted {Count} alert(s)")]
    private static partial void LogDelivered(ILogger logger, string sink, int count);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Sink {Sink} did not deliver: {Status} (status code {StatusCode}): {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string sink, DeliveryStatus status, int? statusCode, string reason);
}
