namespace Observability.Internal;

/// <summary>What a send leaves in the outbox: each message the sink reported as accepted is taken out before the next, and the batch's result settles the rest.</summary>
internal sealed partial class SinkOutbox
{
    /// <summary>
    /// Records that the sink reported the first <paramref name="from"/> to <paramref name="to"/> alerts of a batch
    /// delivered, before it sends its next message: they leave the queue and the file at once, so a crash re-sends at
    /// most the message in flight.
    /// </summary>
    private void Acknowledge(OutboxIndex.Node[] batch, int from, int to)
    {
        lock (_gate)
        {
            var now = Now();
            Remove(batch.AsSpan(from, to - from));
            foreach (var node in batch.AsSpan(from, to - from))
            {
                _metrics.Sent(Name, 1, now - node.Entry.EnqueuedAt);
            }
        }
    }

    /// <summary>Applies a send's outcome (the first <paramref name="acknowledged"/> alerts were already settled as delivered); <see langword="true"/> when the next group may go now.</summary>
    private bool Settle(OutboxIndex.Node[] batch, int acknowledged, DeliveryResult result)
    {
        var reason = _redactor.RedactText(result.Error ?? string.Empty);
        var whole = batch;
        var rest = batch.AsSpan(acknowledged); // the messages the sink did not report as accepted one by one
        lock (_gate)
        {
            var now = Now();
            switch (result.Status)
            {
                case DeliveryStatus.Delivered:
                    Remove(rest);
                    _failures = 0;
                    _lastFailure = null;
                    RecordSent(whole[0].Entry.Group, now);
                    foreach (var node in rest)
                    {
                        _metrics.Sent(Name, 1, now - node.Entry.EnqueuedAt);
                    }

                    LogDelivered(_logger, Name, whole.Length, result.StatusCode);
                    return true;

                case DeliveryStatus.Skipped:
                    Remove(rest);
                    LogSkipped(_logger, Name, rest.Length, reason);
                    return true;

                case DeliveryStatus.Rejected:
                    Remove(rest);
                    _metrics.Failed(Name, rest.Length, result.Status);
                    _metrics.Dropped(Name, rest.Length, "rejected");
                    LogRejected(_logger, Name, rest.Length, result.StatusCode, reason);
                    return true;

                case DeliveryStatus.Gone:
                    _disabled = true;
                    _metrics.Failed(Name, rest.Length, result.Status);
                    var dropped = _entries.Clear();
                    _metrics.Dropped(Name, dropped, "sink_gone");
                    LogGone(_logger, Name, result.StatusCode, reason, dropped);
                    Persist();
                    return false;

                default:
                    // A sink that got part of a group out counts only the rest; those are the group's last alerts.
                    var delivered = result.AlertCount is > 0 && result.AlertCount < rest.Length ? rest.Length - result.AlertCount : 0;
                    if (acknowledged > 0)
                    {
                        RecordSent(whole[0].Entry.Group, now);
                    }

                    if (delivered > 0)
                    {
                        Remove(rest[..delivered]);
                        foreach (var node in rest[..delivered])
                        {
                            _metrics.Sent(Name, 1, now - node.Entry.EnqueuedAt);
                        }
                    }

                    _failures++;
                    _lastFailure = result.StatusCode is { } code ? $"{result.Status}, status code {code}: {reason}" : $"{result.Status}: {reason}";
                    var delay = RetryBackoff.Delay(_failures, result.RetryAfter, _delivery.RetryBaseDelay, _delivery.RetryMaxDelay);
                    _retryAt = now + delay;
                    _metrics.Failed(Name, rest.Length - delivered, result.Status);
                    LogRetrying(_logger, Name, result.Status, result.StatusCode, reason, _failures, delay.TotalSeconds, _entries.Count);
                    return false;
            }
        }
    }

    // Each entry leaves in O(log n); one already gone (dropped to make room while the batch was out) is passed over.
    private void Remove(ReadOnlySpan<OutboxIndex.Node> batch)
    {
        if (batch.Length == 0)
        {
            return;
        }

        foreach (var node in batch)
        {
            if (_entries.Remove(node))
            {
                _store?.Removed(node);
            }
        }

        Persist();
    }

    /// <summary>Receives a sink's progress through a batch (alerts delivered so far) and settles each message as it is reported.</summary>
    private sealed class BatchProgress(SinkOutbox outbox, OutboxIndex.Node[] batch) : IProgress<int>
    {
        public int Acknowledged { get; private set; }

        public void Report(int value)
        {
            var upTo = Math.Min(value, batch.Length);
            if (upTo <= Acknowledged)
            {
                return; // never backwards, never twice
            }

            outbox.Acknowledge(batch, Acknowledged, upTo);
            Acknowledged = upTo;
        }
    }
}
