using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Observability.Internal;

/// <summary>
/// The alert pipeline's own telemetry on the <c>Observability</c> meter: alerts received,
/// deduplicated, silenced, inhibited, sent, failed (per attempt) and dropped, the delivery latency
/// from publish to acceptance, and each outbox's length.
/// </summary>
internal sealed class AlertMetrics : IDisposable
{
    public const string MeterName = "Observability";

    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _deduplicated;
    private readonly Counter<long> _silenced;
    private readonly Counter<long> _inhibited;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _latency;

    public AlertMetrics(IMeterFactory? meterFactory, Func<IEnumerable<Measurement<int>>> outboxLengths)
    {
        var version = typeof(AlertMetrics).Assembly.GetName().Version?.ToString();
        var meter = meterFactory?.Create(MeterName, version) ?? (_ownedMeter = new Meter(MeterName, version));
        _received = meter.CreateCounter<long>("observability.alerts.received", "{alert}", "Alerts published to the pipeline.");
        _deduplicated = meter.CreateCounter<long>("observability.alerts.deduplicated", "{alert}", "Alerts suppressed as repeats within their window.");
        _silenced = meter.CreateCounter<long>("observability.alerts.silenced", "{alert}", "Alerts muted by a silence or maintenance window.");
        _inhibited = meter.CreateCounter<long>("observability.alerts.inhibited", "{alert}", "Alerts muted by an inhibition rule.");
        _sent = meter.CreateCounter<long>("observability.alerts.sent", "{alert}", "Alerts a sink accepted.");
        _failed = meter.CreateCounter<long>("observability.alerts.failed", "{alert}", "Alerts in a failed delivery attempt (retried unless rejected).");
        _dropped = meter.CreateCounter<long>("observability.alerts.dropped", "{alert}", "Alerts given up: outbox full, refused by the destination, or the sink gone.");
        _latency = meter.CreateHistogram<double>("observability.alerts.delivery.latency", "s", "Time from publish to acceptance by the sink, retries included.");
        meter.CreateObservableGauge("observability.alerts.outbox.length", outboxLengths, "{alert}", "Alerts waiting in each sink's outbox.");
    }

    public void Received(Alert alert) => _received.Add(1, Severity(alert));

    public void Deduplicated(Alert alert) => _deduplicated.Add(1, Severity(alert));

    public void Silenced(Alert alert) => _silenced.Add(1, Severity(alert));

    public void Inhibited(Alert alert) => _inhibited.Add(1, Severity(alert));

    public void Sent(string sink, int count, TimeSpan latency)
    {
        _sent.Add(count, new KeyValuePair<string, object?>("sink", sink));
        _latency.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("sink", sink));
    }

    public void Failed(string sink, int count, DeliveryStatus status)
        => _failed.Add(count, new TagList { { "sink", sink }, { "status", StatusName(status) } });

    public void Dropped(string sink, int count, string reason)
        => _dropped.Add(count, new TagList { { "sink", sink }, { "reason", reason } });

    public void Dispose() => _ownedMeter?.Dispose();

    private static KeyValuePair<string, object?> Severity(Alert alert) => new("severity", AlertMatcher.SeverityName(alert.Severity));

    private static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Throttled => "throttled",
        DeliveryStatus.Rejected => "rejected",
        DeliveryStatus.Gone => "gone",
        DeliveryStatus.Skipped => "skipped",
        DeliveryStatus.Delivered => "delivered",
        _ => "failed",
    };
}
