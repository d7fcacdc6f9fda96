namespace Observability.Internal;

/// <content>A publish: redact and fingerprint, resolve what a pass no longer shows, then silence, inhibit and deduplicate (the batch's own firing alerts mute too), under the persisted alert state when there is one.</content>
internal sealed partial class AlertPipeline
{
    private async Task<AlertPublishResult> PublishAsync(IReadOnlyList<Alert> alerts, string? scope, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var prepared = new List<Alert>(alerts.Count);
        foreach (var alert in alerts)
        {
            ArgumentNullException.ThrowIfNull(alert, nameof(alerts));
            prepared.Add(_redactor.Redact(alert, _fingerprinter));
        }

        if (!_options.Enabled)
        {
            return new AlertPublishResult { Accepted = prepared, Raised = prepared };
        }

        FilterOutcome outcome;
        using (await _state.EnterAsync(cancellationToken).ConfigureAwait(false)) // the persisted alert state, if any: read before, written after
        {
            if (scope is not null)
            {
                var current = prepared.Select(static a => a.Fingerprint!).ToHashSet(StringComparer.Ordinal);
                prepared.AddRange(_ledger.Cleared(scope, current).Select(a => a with { Status = AlertStatus.Resolved, EndsAt = now, Timestamp = now }));
            }

            outcome = await FilterAsync(prepared, scope, now, cancellationToken).ConfigureAwait(false);
            await _state.SaveAsync(cancellationToken).ConfigureAwait(false);
        }

        var deliveries = await RouteAsync(outcome.Raised, cancellationToken).ConfigureAwait(false);
        return new AlertPublishResult
        {
            Accepted = prepared,
            Raised = outcome.Raised,
            Suppressed = outcome.Suppressed,
            Silenced = outcome.Silenced,
            Inhibited = outcome.Inhibited,
            Deliveries = deliveries,
        };
    }

    private async Task<FilterOutcome> FilterAsync(List<Alert> prepared, string? scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rules = _rules; // one set of rules for the whole batch, even if a reload lands meanwhile
        var since = now - _options.DedupeWindow;
        // This batch's firing alerts mute too, before they are recorded. The index is reused from publish to publish (taken,
        // then given back emptied; a concurrent publish makes its own), so a storm's batches do not each grow its tables.
        var batch = Interlocked.Exchange(ref _spareBatchIndex, null) is { } spare && ReferenceEquals(spare.Rules, rules)
            ? spare
            : new InhibitionIndex(rules, trackKeys: false);
        try
        {
            return await FilterBatchAsync(prepared, scope, now, rules, since, batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            batch.Clear();
            _spareBatchIndex = batch;
        }
    }

    private async Task<FilterOutcome> FilterBatchAsync(List<Alert> prepared, string? scope, DateTimeOffset now, AlertRules rules, DateTimeOffset since, InhibitionIndex batch, CancellationToken cancellationToken)
    {
        if (rules.InhibitionCount > 0)
        {
            foreach (var alert in prepared)
            {
                if (alert.Status == AlertStatus.Firing)
                {
                    batch.Add(alert, now);
                }
            }
        }

        var outcome = new FilterOutcome();
        foreach (var alert in prepared)
        {
            _metrics.Received(alert);
            if (rules.SilenceOf(alert, now) is { } silence)
            {
                outcome.Silenced++;
                _metrics.Silenced(alert);
                LogSilenced(_logger, alert.Rule, alert.Fingerprint!, silence.Comment ?? "no comment", silence.EndsAt);
                continue;
            }

            if (alert.Status == AlertStatus.Firing && _ledger.IsInhibited(rules, alert, since, batch))
            {
                outcome.Inhibited++;
                _metrics.Inhibited(alert);
                LogInhibited(_logger, alert.Rule, alert.Fingerprint!);
                continue;
            }

            if (await IsNewAsync(alert, rules, scope, now, cancellationToken).ConfigureAwait(false))
            {
                outcome.Raised.Add(alert);
            }
            else
            {
                outcome.Suppressed++;
                _metrics.Deduplicated(alert);
                LogSuppressed(_logger, alert.Rule, alert.Fingerprint!);
            }
        }

        return outcome;
    }

    private sealed class FilterOutcome
    {
        public List<Alert> Raised { get; } = [];

        public int Suppressed { get; set; }

        public int Silenced { get; set; }

        public int Inhibited { get; set; }
    }
}
