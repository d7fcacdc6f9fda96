using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>
/// Redact, fingerprint, silence, inhibit, deduplicate, route, group, deliver. No sink sees an alert
/// before it is redacted; each sink has its own outbox (rate limit, retries with backoff, capacity,
/// optional file) and its own sender in the background: publishing returns once the alerts are queued,
/// never waiting for a destination; no failure of a sink or of the dedupe store reaches the caller.
/// </summary>
internal sealed partial class AlertPipeline : IAlertPublisher, IAsyncDisposable, IDisposable
{
    private const string ResolvedKeyPrefix = "resolved:";
    private readonly SecretRedactor _redactor;
    private readonly AlertFingerprinter _fingerprinter;
    private readonly IDedupeStore _dedupe;
    private readonly InMemoryDedupeStore? _mirror;
    private int _sharedDedupeDown;
    private readonly SinkOutbox[] _outboxes;
    private readonly AlertingOptions _options;
    private readonly IDisposable? _reload;
    private volatile AlertRules _rules;
    private readonly AlertLedger _ledger;
    private readonly AlertStateSync _state;
    private readonly TimeProvider _time;
    private readonly AlertMetrics _metrics;
    private readonly ILogger _logger;
    private readonly string[] _groupBy;
    private readonly SemaphoreSlim[] _wakes;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task?[] _senders = [];
    private InhibitionIndex? _spareBatchIndex; // one batch's index, emptied, for the next publish to reuse

    public AlertPipeline(
        SecretRedactor redactor,
        AlertFingerprinter fingerprinter,
        IDedupeStore dedupe,
        IEnumerable<IAlertSink> sinks,
        IOptionsMonitor<ObservabilityOptions> options,
        TimeProvider time,
        IMeterFactory? meterFactory,
        ILogger<AlertPipeline> logger,
        IAlertStateStore? state = null)
    {
        _redactor = redactor;
        _fingerprinter = fingerprinter;
        _dedupe = dedupe;
        if (dedupe is not InMemoryDedupeStore)
        {
            _mirror = new InMemoryDedupeStore(time);
        }

        _options = options.CurrentValue.Alerts;
        _rules = new AlertRules(_options);
        _ledger = new AlertLedger(_options.DedupeWindow, _options.RepeatInterval);
        _state = new AlertStateSync(state, _ledger, time, redactor, logger);
        _reload = options.OnChange((changed, name) =>
        {
            if (string.IsNullOrEmpty(name))
            {
                ReloadRules(changed.Alerts);
            }
        });
        _time = time;
        _logger = logger;
        _groupBy = _options.GroupBy.Distinct(StringComparer.Ordinal).ToArray();
        _metrics = new AlertMetrics(meterFactory, OutboxLengths);
        _outboxes = sinks.Select(s => new SinkOutbox(s, _rules.RouteFor(s.Name), _options, time, _metrics, redactor, logger)).ToArray();
        _wakes = _outboxes.Select(static _ => new SemaphoreSlim(0)).ToArray();
        for (var o = 0; o < _outboxes.Length; o++)
        {
            if (_outboxes[o].Count > 0)
            {
                Wake(o); // alerts kept on disk from the last run go out now
            }
        }
    }

    public Task<AlertPublishResult> PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        return PublishAsync(alerts, scope: null, cancellationToken);
    }

    /// <summary>
    /// Publishes a monitoring pass's alerts for <paramref name="scope"/>: the alerts of the scope's
    /// previous passes that no longer show are published as resolved.
    /// </summary>
    public Task<AlertPublishResult> PublishPassAsync(string scope, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        => PublishAsync(alerts, scope, cancellationToken);

    /// <summary>Gets how many firing alerts the pipeline remembers (for inhibition and resolution).</summary>
    internal int RememberedAlerts => _ledger.Count;

    public async Task<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            while (true)
            {
                await Task.WhenAll(_outboxes.Select(o => DeliverAsync(o, ignoreGroupWait: true, cancellationToken))).ConfigureAwait(false);

                var wait = _outboxes.Select(static o => o.WaitForNextAttempt(ignoreGroupWait: true)).Where(static t => t.HasValue).Min();
                if (wait is null)
                {
                    return true;
                }

                await Task.Delay(wait > TimeSpan.Zero ? wait.Value : TimeSpan.FromMilliseconds(1), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var outbox in _outboxes)
            {
                if (outbox.Count is var waiting and > 0)
                {
                    LogFlushIncomplete(_logger, outbox.Name, waiting, outbox.LastFailure ?? "no attempt finished yet");
                }
            }

            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _reload?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(Senders()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        DisposeOutboxes();
    }

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _reload?.Dispose();
        _stopping.Cancel();
        try
        {
            // The loop only waits on tokens that are now cancelled, so it ends promptly; a sink stuck in I/O is not waited for long.
            Task.WaitAll(Senders(), TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop's own failures were logged.
        }

        DisposeOutboxes();
    }

    private void DisposeOutboxes()
    {
        foreach (var outbox in _outboxes)
        {
            outbox.Dispose();
        }

        _metrics.Dispose();
    }

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

        return string.Join('\u001f', _groupBy.Select(label => AlertMatcher.ValueOf(alert, label)));
    }

    private Task[] Senders()
    {
        lock (_gate)
        {
            return _senders.OfType<Task>().ToArray();
        }
    }

    private IEnumerable<Measurement<int>> OutboxLengths()
        => _outboxes.Select(static o => new Measurement<int>(o.Count, new KeyValuePair<string, object?>("sink", o.Name)));

    private sealed class FilterOutcome
    {
        public List<Alert> Raised { get; } = [];

        public int Suppressed { get; set; }

        public int Silenced { get; set; }

        public int Inhibited { get; set; }
    }
}
