namespace Observability.Internal;

/// <content>Routing: each raised alert queued in the outbox of every sink whose route takes it, grouped by the group-by labels; and one outbox's delivery, its failures logged, never thrown.</content>
internal sealed partial class AlertPipeline
{
    // Queues each raised alert for the sinks whose route accepts it, and wakes the senders: publishing never waits for a
    // destination (nor for a send in progress), so a hanging sink holds up neither the caller nor the other sinks.
    private async Task<IReadOnlyList<DeliveryResult>> RouteAsync(List<Alert> raised, CancellationToken cancellationToken)
    {
        if (raised.Count == 0 || _outboxes.Length == 0)
        {
            return [];
        }

        var rules = _rules; // one set of rules for the whole batch, even if a reload lands meanwhile
        var routed = new bool[raised.Count];
        var taken = new bool[raised.Count];
        var queued = new List<DeliveryResult>(_outboxes.Length);
        for (var o = 0; o < _outboxes.Length; o++)
        {
            var outbox = _outboxes[o];
            var route = rules.RouteFor(outbox.Name);
            var indexes = new List<int>();
            for (var i = 0; i < raised.Count; i++)
            {
                if (route.Accepts(raised[i]))
                {
                    indexes.Add(i);
                    routed[i] = true;
                }
            }

            if (indexes.Count == 0)
            {
                continue;
            }

            var count = Enqueue(outbox, indexes.Select(i => (raised[i], GroupKey(raised[i]))).ToArray());
            if (count > 0)
            {
                indexes.ForEach(i => taken[i] = true);
                queued.Add(DeliveryResult.Queued(outbox.Name, count));
                Wake(o);
            }
            else
            {
                queued.Add(DeliveryResult.Skipped(outbox.Name, indexes.Count, "the sink is disabled or its outbox is full"));
            }
        }

        for (var i = 0; i < raised.Count; i++)
        {
            if (routed[i] && !taken[i])
            {
                // Routed somewhere but no outbox could take it: free the fingerprint so the next pass tries again.
                await ReleaseAsync(raised[i].Fingerprint!, cancellationToken).ConfigureAwait(false);
            }
        }

        return queued;
    }

    private int Enqueue(SinkOutbox outbox, (Alert, string)[] items)
    {
        try
        {
            return outbox.Enqueue(items);
        }
        catch (Exception ex)
        {
            LogOutboxFailed(_logger, outbox.Name, ex.GetType().Name, _redactor.RedactText(ex.Message));
            return 0;
        }
    }

    private async Task<List<DeliveryResult>> DeliverAsync(SinkOutbox outbox, bool ignoreGroupWait, CancellationToken cancellationToken)
    {
        try
        {
            return await outbox.DeliverDueAsync(ignoreGroupWait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogOutboxFailed(_logger, outbox.Name, ex.GetType().Name, _redactor.RedactText(ex.Message));
            return [];
        }
    }

    private string GroupKey(Alert alert)
    {
        if (_groupBy.Length == 0)
        {
            return alert.Fingerprint!;
        }

        if (_groupBy.Length == 1)
        {
            return AlertMatcher.ValueOf(alert, _groupBy[0]);
        }

        // A loop, not a lambda: a lambda capturing the alert would cost every call a closure, whichever branch it takes.
        var values = new string[_groupBy.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = AlertMatcher.ValueOf(alert, _groupBy[i]);
        }

        return string.Join('\u001f', values);
    }
}
