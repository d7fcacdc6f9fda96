namespace Observability.Internal;

/// <summary>The pipeline's dedupe decisions: a fingerprint reserved for its window in the shared store, or in the process's own memory while that store cannot be reached.</summary>
internal sealed partial class AlertPipeline
{
    // Firing: one notification per repeat interval. Resolved: one per dedupe window, after which the
    // firing reservation shrinks to the dedupe window so a flapping condition is damped, not lost.
    private async Task<bool> IsNewAsync(Alert alert, AlertRules rules, string? scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fingerprint = alert.Fingerprint!;
        if (alert.Status == AlertStatus.Firing)
        {
            _ledger.Record(alert, scope, now, canInhibit: scope is not null || rules.IsSourceOfAny(alert));
            if (!await ReserveAsync(fingerprint, _options.RepeatInterval, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            _ledger.Notified(fingerprint, now);
            return true;
        }

        _ledger.Forget(fingerprint);
        if (!_options.SendResolved || !await ReserveAsync(ResolvedKeyPrefix + fingerprint, _options.DedupeWindow, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await ReleaseAsync(fingerprint, cancellationToken).ConfigureAwait(false);
        await ReserveAsync(fingerprint, _options.DedupeWindow, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // A shared store (Redis) that cannot be reached must not turn a storm into one notification per alert per publish:
    // decisions fall back to this process's memory, which mirrors every reservation this process made. Once the shared
    // store answers again it decides, and a key it calls free that this process reserved within the window (while the
    // store was down, or before a restart emptied it) is still a duplicate.
    private async Task<bool> ReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        bool shared;
        try
        {
            shared = await _dedupe.TryReserveAsync(key, window, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Exchange(ref _sharedDedupeDown, 1) == 0)
            {
                LogDedupeFailed(_logger, ex.GetType().Name, _redactor.RedactText(ex.Message));
            }

            // Without a mirror the store is this process's memory already: fail open, a duplicate is better than a lost alert.
            return _mirror is null || await _mirror.TryReserveAsync(key, window, cancellationToken).ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _sharedDedupeDown, 0) == 1)
        {
            LogDedupeRecovered(_logger);
        }

        return shared && (_mirror is null || await _mirror.TryReserveAsync(key, window, cancellationToken).ConfigureAwait(false));
    }

    private async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        if (_mirror is not null)
        {
            await _mirror.ReleaseAsync(key, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await _dedupe.ReleaseAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDedupeFailed(_logger, ex.GetType().Name, _redactor.RedactText(ex.Message));
        }
    }
}
