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

    private Task[] Senders()
    {
        lock (_gate)
        {
            return _senders.OfType<Task>().ToArray();
        }
    }

    private IEnumerable<Measurement<int>> OutboxLengths()
        => _outboxes.Select(static o => new Measurement<int>(o.Count, new KeyValuePair<string, object?>("sink", o.Name)));
}
