using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>Deduplication: repeats held back within the window, reservations released when nothing was delivered.</summary>
public sealed class AlertPipelineDedupeTests : AlertPipelineTestBase
{
    [Fact]
    public async Task PublishAsync_StillActive_IsSuppressedUntilTheRepeatIntervalThenSentAgain()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        var first = await PublishNowAsync(pipeline, [CreateAlert()]);
        _time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        var repeat = await PublishNowAsync(pipeline, [CreateAlert() with { Message = "7.9 % of 62 jobs failed", TraceId = "00f067aa0ba902b700f067aa0ba902b7" }]);
        _time.Advance(TimeSpan.FromSeconds(1));
        var later = await PublishNowAsync(pipeline, [CreateAlert()]);

        Assert.Equal(0, first.Suppressed);
        Assert.Single(first.Raised);
        Assert.Equal(1, repeat.Suppressed); // other numbers, other trace: the same condition
        Assert.Empty(repeat.Raised);
        Assert.Empty(repeat.Deliveries);
        Assert.Equal(0, later.Suppressed); // 4 hours on: sent again
        Assert.Single(later.Deliveries);
        Assert.Equal(2, sink.Deliveries.Count);
    }

    [Fact]
    public async Task PublishAsync_ResolvedThenFiringAgain_IsDampedForTheDedupeWindowThenSent()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        await PublishNowAsync(pipeline, [CreateAlert()]);
        _time.Advance(TimeSpan.FromMinutes(10));
        var resolved = await PublishNowAsync(pipeline, [CreateAlert() with { Status = AlertStatus.Resolved, EndsAt = _time.GetUtcNow() }]);
        var resolvedAgain = await PublishNowAsync(pipeline, [CreateAlert() with { Status = AlertStatus.Resolved }]);
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var flap = await PublishNowAsync(pipeline, [CreateAlert()]);
        _time.Advance(TimeSpan.FromSeconds(1));
        var refire = await PublishNowAsync(pipeline, [CreateAlert()]);

        Assert.Equal(AlertStatus.Resolved, Assert.Single(resolved.Raised).Status);
        Assert.Equal(1, resolvedAgain.Suppressed); // one resolved notification per window
        Assert.Equal(1, flap.Suppressed); // fired again 4:59 after resolving: damped
        Assert.Single(refire.Raised); // 5:00 after: a new episode
        Assert.Equal([AlertStatus.Firing, AlertStatus.Resolved, AlertStatus.Firing], sink.Alerts.Select(static a => a.Status));
    }

    [Fact]
    public async Task PublishAsync_SameConditionTwiceInOneBatch_DeliversOnce()
    {
        var sink = new RecordingAlertSink();
        var pipeline = Build(sink);

        var result = await PublishNowAsync(pipeline, [CreateAlert(), CreateAlert() with { Message = "other numbers" }]);

        Assert.Equal(1, result.Suppressed);
        Assert.Single(sink.Alerts);
    }
    [Fact]
    public async Task PublishAsync_SinkFailed_RetriedFromTheOutboxNotRaisedAgain()
    {
        var sink = new RecordingAlertSink("webhook", _time).FailNext("HTTP 503 from the webhook", 503);
        var pipeline = Build(sink);

        var first = await PublishNowAsync(pipeline, [CreateAlert()]);
        var second = await PublishNowAsync(pipeline, [CreateAlert()]);
        _time.Advance(TimeSpan.FromSeconds(1)); // the first retry waits 0.5-1 s (equal jitter on a 1 s base)
        await pipeline.DeliverDueAsync(); // the background loop may have sent it already; either way it is out once

        Assert.Equal(DeliveryStatus.Failed, Assert.Single(first.Deliveries).Status);
        Assert.Equal(1, second.Suppressed); // already waiting in the outbox: not a second notification
        Assert.Single(sink.Alerts);
        Assert.Equal(2, sink.AttemptTimes.Count);
    }

    [Fact]
    public async Task PublishAsync_OneSinkDelivered_KeepsTheReservation()
    {
        var failing = new RecordingAlertSink("webhook").FailNext("HTTP 503 from the webhook", 503);
        var working = new RecordingAlertSink("log");
        var pipeline = Build([failing, working]);

        await PublishNowAsync(pipeline, [CreateAlert()]);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await PublishNowAsync(pipeline, [CreateAlert()]);

        Assert.Equal(1, second.Suppressed);
        Assert.Empty(second.Raised); // nothing new queued: the failing sink's retry is its outbox's business
        Assert.Single(working.Alerts);
    }

    [Fact]
    public async Task PublishAsync_DedupeStoreThrows_DecidesInProcessMemoryAndLogsOnceWithoutSecret()
    {
        var sink = new RecordingAlertSink();
        var services = new ServiceCollection();
        services.AddSingleton<IDedupeStore>(new ThrowingDedupeStore());
        var provider = BuildProvider([sink], logging: true, services: services);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var first = await PublishNowAsync(pipeline, [CreateAlert()]);
        var second = await PublishNowAsync(pipeline, [CreateAlert()]);

        Assert.Equal(0, first.Suppressed);
        Assert.Equal(1, second.Suppressed); // the store is down, yet the repeat is not sent twice
        Assert.Single(sink.Deliveries);
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Single(logs, r => r.Level == LogLevel.Warning && r.Message.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
        Assert.All(logs, r => Assert.DoesNotContain("supersecret", r.Message));
    }
}
