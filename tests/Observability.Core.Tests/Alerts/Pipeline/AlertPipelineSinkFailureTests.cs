using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>Outside failures and cancellation: sinks that throw, time out or fail never reach the host.</summary>
public sealed class AlertPipelineSinkFailureTests : AlertPipelineTestBase
{
    [Fact]
    public async Task PublishAsync_SinkThrows_BecomesRedactedFailureAndOtherSinkStillDelivers()
    {
        var broken = new RecordingAlertSink("broken").ThrowNext(new HttpRequestException($"POST https://hooks.example.com failed: token={SinkSecret}"));
        var healthy = new RecordingAlertSink("healthy");
        var provider = BuildProvider([broken, healthy], logging: true);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var result = await PublishNowAsync(pipeline, [CreateAlert()]);

        Assert.Equal(2, result.Deliveries.Count);
        var failed = result.Deliveries[0];
        Assert.Equal("broken", failed.SinkName);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Equal(1, failed.AlertCount);
        Assert.NotNull(failed.Error);
        Assert.Contains(nameof(HttpRequestException), failed.Error);
        Assert.DoesNotContain("supersecret", failed.Error);
        Assert.True(result.Deliveries[1].Succeeded);
        Assert.Equal("healthy", result.Deliveries[1].SinkName);
        Assert.Single(healthy.Alerts);
        Assert.Empty(broken.Alerts);

        var logs = provider.GetFakeLogCollector().GetSnapshot();
        var failure = Assert.Single(logs, r => r.Level == LogLevel.Warning && r.Message.Contains("broken", StringComparison.Ordinal));
        Assert.Contains(nameof(HttpRequestException), failure.Message);
        Assert.All(logs, r => Assert.DoesNotContain("supersecret", r.Message));
    }

    [Fact]
    public async Task PublishAsync_SinkThrowsWithLongMessage_BecomesFailure()
    {
        // For example an exception that carries a whole response body.
        var broken = new RecordingAlertSink("broken").ThrowNext(new HttpRequestException(new string('x', 30_000)));
        var healthy = new RecordingAlertSink("healthy");
        var pipeline = Build([broken, healthy]);

        var result = await PublishNowAsync(pipeline, [CreateAlert()]);

        Assert.Equal([DeliveryStatus.Failed, DeliveryStatus.Delivered], result.Deliveries.Select(static d => d.Status));
        Assert.Single(healthy.Alerts);
    }

    [Fact]
    public async Task PublishAsync_SinkTimesOutWithoutCallerCancellation_BecomesFailure()
    {
        var sink = new RecordingAlertSink("slow").ThrowNext(new TaskCanceledException("The request timed out."));
        var pipeline = Build(sink);

        var result = await PublishNowAsync(pipeline, [CreateAlert()]);

        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
    }

    [Fact]
    public async Task Delivery_SinkHangsPastTheAttemptTimeout_FailsThenTheNextAttemptsHaveTheirOwnDeadline()
    {
        var sink = new HangingSink();
        var pipeline = Build(sink, o =>
        {
            o.Alerts.Delivery.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.Alerts.Delivery.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.Alerts.Delivery.RetryMaxDelay = TimeSpan.FromSeconds(1);
        });
        await pipeline.PublishAsync([CreateAlert()]);

        // Each attempt hangs until its own deadline on the pipeline's clock: 10 s, not the first attempt's 10 s reused.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var delivering = pipeline.DeliverDueAsync();
            await sink.Entered.WaitAsync(TimeSpan.FromSeconds(30));
            _time.Advance(TimeSpan.FromSeconds(9));
            await Task.Delay(20);
            Assert.False(delivering.IsCompleted, $"attempt {attempt} ended before its 10 s");
            _time.Advance(TimeSpan.FromSeconds(1));
            var result = Assert.Single(await delivering.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(DeliveryStatus.Failed, result.Status);
            Assert.Contains("timed out after 10 s", result.Error, StringComparison.Ordinal);
            _time.Advance(TimeSpan.FromSeconds(1)); // the backoff
        }

        sink.Hang = false;
        var delivered = Assert.Single(await pipeline.DeliverDueAsync());
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Equal(4, sink.Calls);
    }

    [Fact]
    public async Task PublishAsync_SinkReturnsFailure_IsPassedThroughAndLogged()
    {
        var sink = new RecordingAlertSink("webhook").FailNext("HTTP 500 from the webhook", 500);
        var provider = BuildProvider([sink], logging: true);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var result = await PublishNowAsync(pipeline, [CreateAlert()]);

        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(500, delivery.StatusCode);
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Warning && r.Message.Contains("webhook", StringComparison.Ordinal) && r.Message.Contains("500", StringComparison.Ordinal));
    }
    [Fact]
    public async Task PublishAsync_CallerCancelledBeforehand_Throws()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.PublishAsync([CreateAlert()], cts.Token));
        Assert.Empty(sink.Deliveries);
    }

    [Fact]
    public async Task FlushAsync_CallerCancelsDuringDelivery_ReturnsFalseAndTheAlertStaysQueued()
    {
        using var cts = new CancellationTokenSource();
        var cancelling = new CancellingSink(cts);
        var pipeline = Build(cancelling);

        var published = await pipeline.PublishAsync([CreateAlert()], cts.Token);
        var flushed = await pipeline.FlushAsync(cts.Token); // the sink cancels the caller's token mid-send

        Assert.Equal(DeliveryStatus.Queued, Assert.Single(published.Deliveries).Status);
        Assert.False(flushed);
        Assert.True(await pipeline.FlushAsync()); // still queued: the next flush delivers it
    }

    private sealed class HangingSink : IAlertSink
    {
        public string Name => "hanging";

        public bool Hang { get; set; } = true;

        public int Calls { get; private set; }

        public SemaphoreSlim Entered { get; } = new(0);

        public async Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (Hang)
            {
                Entered.Release();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return DeliveryResult.Delivered(Name, alerts.Count);
        }
    }
}
