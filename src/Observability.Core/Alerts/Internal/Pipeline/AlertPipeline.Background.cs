using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// The senders: one background loop per sink, which sends what is due, retries, and sleeps until the next due time
/// (on the injected clock) or a publish wakes it. One loop per sink, so a destination that hangs holds up only itself.
/// </summary>
internal sealed partial class AlertPipeline
{
    /// <summary>
    /// Gets or sets whether the senders are off, so that only <see cref="DeliverDueAsync"/> and <see cref="FlushAsync"/>
    /// send: tests on a fake clock use it to see each attempt's result. Set it before the first publish.
    /// </summary>
    internal bool ManualDelivery { get; set; }

    /// <summary>Wakes the sender of outbox <paramref name="o"/>, starting it on first use.</summary>
    private void Wake(int o)
    {
        if (ManualDelivery)
        {
            return;
        }

        lock (_gate)
        {
            if (_senders.Length != _outboxes.Length)
            {
                _senders = new Task?[_outboxes.Length];
            }

            if (_senders[o] is null && !_stopping.IsCancellationRequested)
            {
                var outbox = o;
                _senders[o] = Task.Run(() => RunAsync(outbox, _stopping.Token));
            }
        }

        if (_wakes[o].CurrentCount == 0)
        {
            _wakes[o].Release(); // one pending wake is enough: the loop looks at everything that is due
        }
    }

    /// <summary>Delivers whatever is due now, as the senders do; tests on a fake clock call it after advancing time.</summary>
    internal async Task<IReadOnlyList<DeliveryResult>> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        var attempts = await Task.WhenAll(_outboxes.Select(o => DeliverAsync(o, ignoreGroupWait: false, cancellationToken))).ConfigureAwait(false);
        return attempts.SelectMany(static a => a).ToList();
    }

    private async Task RunAsync(int o, CancellationToken stopping)
    {
        var outbox = _outboxes[o];
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var sent = await DeliverAsync(outbox, ignoreGroupWait: false, stopping).ConfigureAwait(false);
                var wait = outbox.WaitForNextAttempt(ignoreGroupWait: false) ?? Timeout.InfiniteTimeSpan;
                if (wait == TimeSpan.Zero && sent.Count > 0)
                {
                    continue; // more came meanwhile (a storm): on with it, on this thread, with no trip through the thread pool
                }

                await WaitAsync(o, wait, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never let the loop die: log, pause briefly, go on.
                LogOutboxFailed(_logger, outbox.Name, ex.GetType().Name, _redactor.RedactText(ex.Message));
                await WaitAsync(o, TimeSpan.FromSeconds(1), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // Until the wait is over or a publish wakes the loop.
    private async Task WaitAsync(int o, TimeSpan wait, CancellationToken stopping)
    {
        if (wait == TimeSpan.Zero)
        {
            await Task.Yield();
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var woken = _wakes[o].WaitAsync(either.Token);
        var delay = wait == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, either.Token) : Task.Delay(wait, _time, either.Token);
        await Task.WhenAny(woken, delay).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(woken, delay).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.ThrowIfCancellationRequested();
    }

    // Silences, inhibition rules and routes follow the configuration while the host runs; the rest (windows,
    // grouping, the outboxes' rate limits and capacity) is fixed at start-up.
    private void ReloadRules(AlertingOptions alerts)
    {
        try
        {
            _rules = new AlertRules(alerts);
            LogRulesReloaded(_logger, alerts.Silences.Count, alerts.Inhibitions.Count, alerts.Routes.Count);
        }
        catch (FormatException ex)
        {
            LogRulesRejected(_logger, _redactor.RedactText(ex.Message));
        }
    }

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Alert rules reloaded: {Silences} silence(s), {Inhibitions} inhibition rule(s), {Routes} route(s)")]
    private static partial void LogRulesReloaded(ILogger logger, int silences, int inhibitions, int routes);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "The changed alert rules were not applied, the previous ones stay: {Reason}")]
    private static partial void LogRulesRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Alert {Rule} suppressed as a repeat (fingerprint {Fingerprint})")]
    private static partial void LogSuppressed(ILogger logger, string rule, string fingerprint);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The dedupe store failed ({ExceptionType}: {Reason}); deciding in this process's memory until it answers again")]
    private static partial void LogDedupeFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "The dedupe store answers again; deciding with it")]
    private static partial void LogDedupeRecovered(ILogger logger);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Alert {Rule} silenced (fingerprint {Fingerprint}): {Comment}, until {EndsAt:O}")]
    private static partial void LogSilenced(ILogger logger, string rule, string fingerprint, string comment, DateTimeOffset endsAt);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Alert {Rule} inhibited by a firing alert (fingerprint {Fingerprint})")]
    private static partial void LogInhibited(ILogger logger, string rule, string fingerprint);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Alerts not delivered when the flush stopped: {Count} alert(s) still waiting for sink {Sink} (last attempt: {Reason}); they stay in its outbox")]
    private static partial void LogFlushIncomplete(ILogger logger, string sink, int count, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Delivering to sink {Sink} failed unexpectedly ({ExceptionType}: {Reason}); the alerts stay queued")]
    private static partial void LogOutboxFailed(ILogger logger, string sink, string exceptionType, string reason);
}
