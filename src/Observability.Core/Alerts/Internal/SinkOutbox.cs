using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// One sink's queue: alerts wait here until their group is due, a token is free and the sink is not
/// backing off; they leave only when the sink accepted them (or refused them for good, or is gone).
/// Sends to one sink are one at a time, in order. Optionally kept on disk across restarts.
/// </summary>
internal sealed partial class SinkOutbox : IDisposable
{
    private const int LastSentPruneMinimum = 64;
    private readonly IAlertSink _sink;
    private readonly AlertDeliveryOptions _delivery;
    private readonly TimeSpan _groupWait;
    private readonly TimeSpan _groupInterval;
    private readonly TimeProvider _time;
    private readonly TokenBucket _bucket;
    private readonly AlertMetrics _metrics;
    private readonly SecretRedactor _redactor;
    private readonly ILogger _logger;
    private readonly OutboxStore? _store;
    private readonly OutboxIndex _entries = new();
    private readonly Dictionary<string, DateTimeOffset> _lastSent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private int _lastSentPruneAt = LastSentPruneMinimum;
    private int _failures;
    private volatile string? _lastFailure;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private DateTimeOffset _tokenAt = DateTimeOffset.MinValue;
    private bool _disabled;
    private CancellationTokenSource? _attempt;
    private DateTimeOffset _lastNow = DateTimeOffset.MinValue;
    private TimeSpan _clockShift; // how far the clock has been set back since this outbox started (see Now)

    public SinkOutbox(IAlertSink sink, AlertRules.Route route, AlertingOptions options, TimeProvider time, AlertMetrics metrics, SecretRedactor redactor, ILogger logger)
    {
        _sink = sink;
        _delivery = options.Delivery;
        _groupWait = options.GroupWait;
        _groupInterval = options.GroupInterval;
        _time = time;
        _bucket = new TokenBucket(route.RateLimitPerMinute / 60.0, route.RateLimitBurst, time);
        _metrics = metrics;
        _redactor = redactor;
        _logger = logger;
        if (_delivery.OutboxDirectory is { } directory)
        {
            _store = new OutboxStore(directory, sink.Name);
            var loaded = _store.Load(out var problem, out var rejected, out var tornBytes);
            // A due time further off than any wait this outbox sets (written before the clock was set back) is brought in.
            var latest = Now() + (_groupWait > _groupInterval ? _groupWait : _groupInterval);
            foreach (var entry in loaded)
            {
                // In the file's order, oldest first: the groups and their order come back as they were.
                _entries.Add(entry.DueAt > latest ? entry with { DueAt = latest } : entry);
            }

            if (problem is not null)
            {
                LogOutboxUnreadable(_logger, sink.Name, _redactor.RedactText(problem));
            }

            if (tornBytes > 0)
            {
                LogOutboxTornRecord(_logger, sink.Name, tornBytes);
            }

            if (rejected.Count > 0)
            {
                LogOutboxEntriesSetAside(_logger, sink.Name, rejected.Count, System.IO.Path.GetFileName(_store.RejectedPath), string.Join("; ", rejected.Take(10)));
            }

            Persist(); // the file rewritten as a journal of the good entries, numbered as this outbox numbers them

            if (problem is null && _entries.Count > 0)
            {
                LogOutboxRestored(_logger, sink.Name, _entries.Count);
            }
        }
    }

    public string Name => _sink.Name;

    /// <summary>Closes the outbox file, if any (the pipeline is going away and its senders have stopped).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _store?.Dispose();
        }
    }

    /// <summary>Gets what the last failed attempt said (redacted), or <see langword="null"/> after a success.</summary>
    public string? LastFailure => _lastFailure;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Gets how many groups' last send times are remembered (for the tests: the map is swept, not grown forever).</summary>
    internal int RememberedSendTimes
    {
        get
        {
            lock (_gate)
            {
                return _lastSent.Count;
            }
        }
    }

    /// <summary>
    /// Adds alerts to the queue (and writes the outbox file, where one is configured) without waiting for a send in
    /// progress; returns how many were taken (a disabled sink takes none, a full outbox may refuse a low severity).
    /// </summary>
    public int Enqueue(IReadOnlyList<(Alert Alert, string Group)> items)
    {
        lock (_gate)
        {
            var now = Now();
            if (_disabled)
            {
                _metrics.Dropped(Name, items.Count, "sink_disabled");
                return 0;
            }

            var taken = 0;
            foreach (var (alert, group) in items)
            {
                if (_entries.Count >= _delivery.OutboxCapacity && !MakeRoomFor(alert))
                {
                    continue;
                }

                var node = _entries.Add(new OutboxEntry(alert, group, now, DueFor(group, now)));
                _store?.Added(node);
                taken++;
            }

            Persist();
            return taken;
        }
    }

    /// <summary>
    /// How long until the next send could go (the group's due time, the end of a backoff, the next token): zero when one
    /// could go now, <see langword="null"/> when nothing waits.
    /// </summary>
    public TimeSpan? WaitForNextAttempt(bool ignoreGroupWait)
    {
        lock (_gate)
        {
            if (_disabled || _entries.Count == 0)
            {
                return null;
            }

            var due = ignoreGroupWait ? DateTimeOffset.MinValue : _entries.EarliestDue!.Value;
            var wait = Max(Max(due, _retryAt), _tokenAt) - Now();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Sends every group that is due (all of them when <paramref name="ignoreGroupWait"/>), one send
    /// at a time, until the queue is empty, a send fails, or the rate limit says wait.
    /// </summary>
    public async Task<List<DeliveryResult>> DeliverDueAsync(bool ignoreGroupWait, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DeliverLockedAsync(ignoreGroupWait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    // The caller holds the send lock.
    private async Task<List<DeliveryResult>> DeliverLockedAsync(bool ignoreGroupWait, CancellationToken cancellationToken)
    {
        var results = new List<DeliveryResult>();
        while (NextBatch(ignoreGroupWait) is { } batch)
        {
            var progress = new BatchProgress(this, batch);
            var result = await SinkTelemetry.TraceAsync(
                Name,
                batch.Length,
                _time,
                _redactor,
                static state => state.Outbox.SendAsync(state.Batch, state.Progress, state.Token),
                (Outbox: this, Batch: batch, Progress: progress, Token: cancellationToken)).ConfigureAwait(false);
            results.Add(result);
            if (!Settle(batch, progress.Acknowledged, result))
            {
                break;
            }
        }

        return results;
    }

    private OutboxIndex.Node[]? NextBatch(bool ignoreGroupWait)
    {
        lock (_gate)
        {
            var now = Now();
            if (_disabled || _entries.Count == 0 || now < _retryAt)
            {
                return null;
            }

            // The group whose oldest alert has waited longest among those due (any group on a flush).
            var first = _entries.NextDue(now, ignoreGroupWait);
            if (first is null)
            {
                return null;
            }

            if (!_bucket.TryTake(out var wait))
            {
                _tokenAt = now + wait;
                return null;
            }

            return _entries.Batch(first, _delivery.MaxAlertsPerSend); // a group's alerts share its due time
        }
    }

    private async ValueTask<DeliveryResult> SendAsync(OutboxIndex.Node[] batch, BatchProgress progress, CancellationToken cancellationToken)
    {
        var alerts = Array.ConvertAll(batch, static e => e.Entry.Alert);

        // One token source for the attempts, reset after each (sends are one at a time, under the send lock), its timer on
        // the outbox's clock; the caller's token cancels it too. A storm of small sends makes no timer and no linked source each.
        if (_attempt is not { } attempt || !attempt.TryReset())
        {
            _attempt?.Dispose(); // cancelled (a timeout or the caller): a spent source is replaced, its timer freed
            _attempt = attempt = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        }

        attempt.CancelAfter(_delivery.AttemptTimeout);
        using var caller = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), attempt);
        try
        {
            return await _sink.SendAsync(alerts, progress, attempt.Token).ConfigureAwait(false)
                ?? DeliveryResult.Failed(Name, alerts.Length, "the sink returned no result");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the caller's cancellation: the alerts stay queued
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested)
        {
            return DeliveryResult.Failed(Name, alerts.Length, $"timed out after {_delivery.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception ex)
        {
            return DeliveryResult.Failed(Name, alerts.Length, $"{ex.GetType().Name}: {_redactor.RedactText(ex.Message)}");
        }
    }

    // Full: the oldest alert of the lowest severity goes, unless the newcomer is lower still.
    private bool MakeRoomFor(Alert alert)
    {
        var victim = _entries.OldestOfLowestSeverity!;
        _metrics.Dropped(Name, 1, "outbox_full");
        if (victim.Entry.Alert.Severity > alert.Severity)
        {
            LogOutboxFull(_logger, Name, _delivery.OutboxCapacity, alert.Rule, alert.Severity);
            return false;
        }

        var dropped = victim.Entry.Alert;
        _entries.Remove(victim);
        _store?.Removed(victim);
        LogOutboxFull(_logger, Name, _delivery.OutboxCapacity, dropped.Rule, dropped.Severity);
        return true;
    }

    private DateTimeOffset DueFor(string group, DateTimeOffset now)
    {
        if (_entries.DueOf(group) is { } waiting)
        {
            return waiting; // joins its group
        }

        return _lastSent.TryGetValue(group, out var last) && last + _groupInterval > now
            ? last + _groupInterval
            : now + _groupWait;
    }

    // Remembers when the group last went (it waits GroupInterval before it goes again). A time older than GroupInterval
    // no longer matters, so those are swept out whenever the map has doubled since the last sweep: amortised O(1) a send.
    private void RecordSent(string group, DateTimeOffset now)
    {
        _lastSent[group] = now;
        if (_lastSent.Count < _lastSentPruneAt)
        {
            return;
        }

        foreach (var (key, at) in _lastSent)
        {
            if (at + _groupInterval <= now)
            {
                _lastSent.Remove(key);
            }
        }

        _lastSentPruneAt = Math.Max(LastSentPruneMinimum, 2 * _lastSent.Count);
    }

    private void Persist()
    {
        if (_store is null)
        {
            return;
        }

        try
        {
            _store.Commit(_entries); // the changes since the last commit, appended as one line
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogOutboxUnwritable(_logger, Name, _redactor.RedactText(ex.Message));
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// The outbox's clock: the injected clock's time, except that it never goes back. When the clock is set back (by hand,
    /// by a time sync), the outbox's time goes on from where it was, so a group interval, a backoff or a token's wait is
    /// never stretched by the jump; a clock set forward brings them in (nothing waits longer than asked). The times it
    /// writes (due, enqueued) are in this time. The caller holds the lock.
    /// </summary>
    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow() + _clockShift;
        if (now < _lastNow)
        {
            _clockShift += _lastNow - now;
            now = _lastNow;
        }

        _lastNow = now;
        return now;
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Sink {Sink} accepted {Count} alert(s) (status code {StatusCode})")]
    private static partial void LogDelivered(ILogger logger, string sink, int count, int? statusCode);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Sink {Sink} did not deliver: {Status} (status code {StatusCode}): {Reason}; attempt {Attempt} failed, next in {DelaySeconds:0.###} s, {Waiting} alert(s) waiting")]
    private static partial void LogRetrying(ILogger logger, string sink, DeliveryStatus status, int? statusCode, string reason, int attempt, double delaySeconds, int waiting);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Error, Message = "Sink {Sink} refused {Count} alert(s) (status code {StatusCode}): {Reason}; they are dropped, not retried")]
    private static partial void LogRejected(ILogger logger, string sink, int count, int? statusCode, string reason);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Error, Message = "Sink {Sink} is disabled: its destination is gone (status code {StatusCode}): {Reason}; {Dropped} waiting alert(s) dropped")]
    private static partial void LogGone(ILogger logger, string sink, int? statusCode, string reason, int dropped);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Sink {Sink} skipped {Count} alert(s): {Reason}")]
    private static partial void LogSkipped(ILogger logger, string sink, int count, string reason);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "The outbox of sink {Sink} is full ({Capacity}); dropped alert {Rule} ({Severity})")]
    private static partial void LogOutboxFull(ILogger logger, string sink, int capacity, string rule, AlertSeverity severity);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning, Message = "The outbox file of sink {Sink} could not be read and was set aside: {Reason}")]
    private static partial void LogOutboxUnreadable(ILogger logger, string sink, string reason);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Information, Message = "Restored {Count} waiting alert(s) for sink {Sink} from its outbox file")]
    private static partial void LogOutboxRestored(ILogger logger, string sink, int count);

    [LoggerMessage(EventId = 2019, Level = LogLevel.Warning, Message = "The outbox file of sink {Sink} held {Count} entry(ies) that cannot be delivered; they were set aside in {File} and the others kept: {Entries}")]
    private static partial void LogOutboxEntriesSetAside(ILogger logger, string sink, int count, string file, string entries);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Warning, Message = "The outbox file of sink {Sink} ended in a record cut short ({Bytes} bytes: the process stopped while writing it); it was ignored and the records before it kept")]
    private static partial void LogOutboxTornRecord(ILogger logger, string sink, int bytes);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Warning, Message = "The outbox file of sink {Sink} could not be written: {Reason}")]
    private static partial void LogOutboxUnwritable(ILogger logger, string sink, string reason);
}
