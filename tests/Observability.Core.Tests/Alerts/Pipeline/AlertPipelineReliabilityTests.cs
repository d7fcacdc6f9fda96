using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>The reliability figures, and the pipeline's own telemetry.</summary>
public sealed class AlertPipelineReliabilityTests : AlertPipelineTestBase
{
    [Fact]
    public async Task Burst_10000AlertsOver100Fingerprints_EachSinkReceives100()
    {
        var sinks = new[] { new RecordingAlertSink("discord"), new RecordingAlertSink("sentry"), new RecordingAlertSink("github") };
        var pipeline = Build(sinks); // default rate limit: 30 sends a minute, bursts of 5
        var alerts = Enumerable.Range(0, 10_000)
            .Select(i => CreateAlert() with { Rule = $"rule_{i % 100}", Message = $"measurement {i}", TraceId = $"{i:x32}" })
            .ToArray();

        // 100 publishers at once, 100 alerts each: the same conditions race through one pipeline.
        var results = await Task.WhenAll(alerts.Chunk(100).Select(chunk => Task.Run(() => PublishNowAsync(pipeline, chunk))));
        for (var step = 0; step < 120; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(2)); // one token every 2 s: 100 sends at most need 200 s
            await pipeline.DeliverDueAsync();
        }

        Assert.Equal(100, results.Sum(static r => r.Raised.Count));
        Assert.Equal(9_900, results.Sum(static r => r.Suppressed));
        foreach (var sink in sinks)
        {
            Assert.Equal(100, sink.Alerts.Count);
            Assert.Equal(100, sink.Alerts.Select(static a => a.Fingerprint).Distinct().Count());
        }
    }

    [Fact]
    public async Task Memory_AlertsPublishedByHand_AreForgottenOnceTheyCanInhibitNothing()
    {
        var pipeline = Build(new RecordingAlertSink(), o => o.Alerts.GroupBy.Clear());
        var storm = Enumerable.Range(0, 1500).Select(i => CreateAlert() with { Rule = $"rule_{i}" }).ToArray();

        await PublishNowAsync(pipeline, storm);
        var afterStorm = pipeline.RememberedAlerts;
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)); // past the dedupe window
        await PublishNowAsync(pipeline, Enumerable.Range(0, 1100).Select(i => CreateAlert() with { Rule = $"later_{i}" }).ToArray());

        Assert.Equal(1500, afterStorm);
        Assert.Equal(1100, pipeline.RememberedAlerts); // the storm's 1,500 were pruned when the ledger passed its threshold
    }

    [Fact]
    public async Task Meter_CountsReceivedDeduplicatedSentFailedDroppedAndLatency()
    {
        var failing = new RecordingAlertSink("webhook", _time).FailNext("down", 503);
        var refusing = new RecordingAlertSink("chat", _time).RejectNext("bad");
        var provider = BuildProvider([failing, refusing], services: MeteredServices());
        var pipeline = provider.GetRequiredService<AlertPipeline>();
        var meterFactory = provider.GetRequiredService<IMeterFactory>();
        using var received = new MetricCollector<long>(meterFactory, AlertMetrics.MeterName, "observability.alerts.received");
        using var deduplicated = new MetricCollector<long>(meterFactory, AlertMetrics.MeterName, "observability.alerts.deduplicated");
        using var sent = new MetricCollector<long>(meterFactory, AlertMetrics.MeterName, "observability.alerts.sent");
        using var failed = new MetricCollector<long>(meterFactory, AlertMetrics.MeterName, "observability.alerts.failed");
        using var dropped = new MetricCollector<long>(meterFactory, AlertMetrics.MeterName, "observability.alerts.dropped");
        using var latency = new MetricCollector<double>(meterFactory, AlertMetrics.MeterName, "observability.alerts.delivery.latency");

        await PublishNowAsync(pipeline, [CreateAlert(), CreateAlert()]); // one raised, one repeat
        _time.Advance(TimeSpan.FromSeconds(3)); // the webhook's retry (0.5-1 s) is due
        await pipeline.DeliverDueAsync();

        Assert.Equal(2, received.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, deduplicated.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, sent.GetMeasurementSnapshot().EvaluateAsCounter()); // the webhook, on retry
        Assert.Equal(2, failed.GetMeasurementSnapshot().EvaluateAsCounter()); // the 503 and the refusal
        var drop = Assert.Single(dropped.GetMeasurementSnapshot());
        Assert.Equal("rejected", drop.Tags["reason"]);
        Assert.Equal("chat", drop.Tags["sink"]);
        var measured = Assert.Single(latency.GetMeasurementSnapshot());
        Assert.InRange(measured.Value, 0.5, 3.0); // published at T0, accepted on the retry within the 3 s advanced
    }

    private static ServiceCollection MeteredServices()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        return services;
    }
}
