using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>The per-sink outbox: retries with backoff, Retry-After, refused and gone destinations, capacity, rate limit.</summary>
public sealed class AlertPipelineDeliveryTests : AlertPipelineTestBase
{
    [Fact]
    public async Task Outbox_SinkAnswers500ForAWhileThen200_EveryAlertDeliveredExactlyOnce()
    {
        // 6 failures in a row: waits of at most 1, 2, 4, 8, 16, 32 s (equal jitter: at least half of each).
        var sink = new RecordingAlertSink("webhook", _time).FailNext(6, "HTTP 500 Internal Server Error", 500);
        var pipeline = Build(sink, o => o.Alerts.GroupBy.Clear()); // one group (one send) per alert
        var alerts = Enumerable.Range(0, 5).Select(i => CreateAlert() with { Rule = $"rule_{i}" }).ToArray();

        var (published, firstAttempts) = await PublishAndDeliverAsync(pipeline, alerts);
        for (var second = 0; second < 120; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await pipeline.DeliverDueAsync();
        }

        Assert.Equal(5, published.Raised.Count);
        Assert.Equal((DeliveryStatus.Queued, 5), (published.Deliveries[0].Status, published.Deliveries[0].AlertCount));
        Assert.Equal(DeliveryStatus.Failed, firstAttempts[0].Status);
        Assert.Equal(alerts.Select(static a => a.Rule).Order(), sink.Alerts.Select(static a => a.Rule).Order());
        Assert.Equal(6 + 5, sink.AttemptTimes.Count); // six failed sends, then each alert once
        var gaps = sink.AttemptTimes.Zip(sink.AttemptTimes.Skip(1), static (a, b) => b - a).Take(6).ToArray();
        for (var failure = 1; failure <= 6; failure++)
        {
            var ceiling = TimeSpan.FromSeconds(Math.Pow(2, failure - 1));
            Assert.InRange(gaps[failure - 1], ceiling / 2, ceiling + TimeSpan.FromSeconds(1)); // +1 s: the test's clock steps
        }
    }

    [Fact]
    public async Task Outbox_PartOfAGroupDelivered_RetriesOnlyTheRest()
    {
        var sink = new PartialSink(deliveredBeforeFailure: 3);
        var pipeline = Build(sink);

        var (_, first) = await PublishAndDeliverAsync(pipeline, Enumerable.Range(0, 5).Select(i => CreateAlert() with { Rule = $"r{i}" }).ToArray());
        _time.Advance(TimeSpan.FromSeconds(1));
        await pipeline.DeliverDueAsync();

        Assert.Equal(2, Assert.Single(first).AlertCount); // 3 of 5 went out before the failure
        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], sink.Received.Select(static a => a.Rule)); // r3 and r4 retried, r0-r2 not repeated
    }

    [Fact]
    public async Task Publish_AHangingSink_HoldsUpNeitherTheCallerNorTheOthers()
    {
        var slow = new GatedSink("slow");
        var fast = new RecordingAlertSink("fast");
        var pipeline = BuildProvider([slow, fast], background: true).GetRequiredService<AlertPipeline>();

        var first = await pipeline.PublishAsync([CreateAlert()], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await slow.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the slow sink now hangs in its send
        var second = await pipeline.PublishAsync([CreateAlert() with { Rule = "latency_p99_critical" }], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        while (fast.Alerts.Count < 2)
        {
            await Task.Delay(10).WaitAsync(TimeSpan.FromSeconds(30)); // the fast sink's sender delivers both meanwhile
        }

        var fastWhileSlowHangs = fast.Alerts.Count;
        slow.Release.SetResult();
        Assert.True(await pipeline.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

        Assert.Equal(2, fastWhileSlowHangs);
        Assert.Equal([("slow", DeliveryStatus.Queued), ("fast", DeliveryStatus.Queued)], first.Deliveries.Select(static d => (d.SinkName, d.Status)));
        Assert.Equal([("slow", DeliveryStatus.Queued), ("fast", DeliveryStatus.Queued)], second.Deliveries.Select(static d => (d.SinkName, d.Status)));
        Assert.Equal(2, slow.Received); // the hanging send, then the second alert
    }

    [Fact]
    public async Task Outbox_Throttled_NextAttemptWaitsAtLeastRetryAfter()
    {
        var sink = new RecordingAlertSink("discord", _time).ThrottleNext(TimeSpan.FromSeconds(42));
        var pipeline = Build(sink);

        var (_, published) = await PublishAndDeliverAsync(pipeline, [CreateAlert()]);
        _time.Advance(TimeSpan.FromSeconds(41));
        await pipeline.DeliverDueAsync();
        var before = sink.Alerts.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await pipeline.DeliverDueAsync();

        Assert.Equal(TimeSpan.FromSeconds(42), Assert.Single(published).RetryAfter);
        Assert.Equal(0, before); // 41 s after the 429: still waiting
        Assert.Single(sink.Alerts);
        Assert.Equal(TimeSpan.FromSeconds(42), sink.AttemptTimes[1] - sink.AttemptTimes[0]);
    }

    [Fact]
    public async Task Outbox_DestinationGone_DisablesTheSinkDropsItsQueueAndSaysSo()
    {
        var gone = new RecordingAlertSink("discord").GoneNext("HTTP 404 Unknown Webhook (10015)");
        var other = new RecordingAlertSink("log");
        var provider = BuildProvider([gone, other], logging: true);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        await PublishAndDeliverAsync(pipeline, [CreateAlert()]);
        var (later, laterAttempts) = await PublishAndDeliverAsync(pipeline, [CreateAlert() with { Rule = "latency_p99_critical" }]);

        Assert.Empty(gone.Alerts);
        Assert.Single(gone.AttemptTimes); // never called again
        Assert.Equal(2, other.Alerts.Count);
        Assert.Equal([("discord", DeliveryStatus.Skipped), ("log", DeliveryStatus.Queued)], later.Deliveries.Select(static d => (d.SinkName, d.Status)));
        Assert.Equal(["log"], laterAttempts.Select(static d => d.SinkName));
        var logs = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Error && r.Message.Contains("Sink discord is disabled", StringComparison.Ordinal) && r.Message.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbox_Rejected_IsDroppedNotRetriedAndLogged()
    {
        var sink = new RecordingAlertSink("discord", _time).RejectNext("HTTP 400 Invalid Form Body (50035)");
        var provider = BuildProvider([sink], logging: true);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var (_, first) = await PublishAndDeliverAsync(pipeline, [CreateAlert()]);
        _time.Advance(TimeSpan.FromMinutes(10));
        await pipeline.DeliverDueAsync();
        var (_, next) = await PublishAndDeliverAsync(pipeline, [CreateAlert() with { Rule = "other" }]);

        Assert.Equal(DeliveryStatus.Rejected, Assert.Single(first).Status);
        Assert.Equal(["other"], sink.Alerts.Select(static a => a.Rule)); // the refused one never came back; the sink still works
        Assert.True(Assert.Single(next).Succeeded);
        Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("50035", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outbox_Full_DropsTheOldestOfTheLowestSeverityFirst()
    {
        var sink = new RecordingAlertSink("webhook", _time).FailNext("down", 503);
        var pipeline = Build(sink, o =>
        {
            o.Alerts.Delivery.OutboxCapacity = 3;
            o.Alerts.GroupBy.Clear();
            o.Alerts.Inhibitions.Clear();
        });

        await PublishAndDeliverAsync(pipeline, [CreateAlert() with { Rule = "c1" }]); // fails: the outbox holds c1
        await pipeline.PublishAsync(
            [
                CreateAlert() with { Rule = "w1", Severity = AlertSeverity.Warning },
                CreateAlert() with { Rule = "c2" },
                CreateAlert() with { Rule = "w2", Severity = AlertSeverity.Warning }, // full: w1 (oldest warning) goes
                CreateAlert() with { Rule = "c3" }, // full: w2 goes
            ],
            CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await pipeline.DeliverDueAsync();

        Assert.Equal(["c1", "c2", "c3"], sink.Alerts.Select(static a => a.Rule));
    }

    [Fact]
    public async Task Outbox_RateLimit_SpreadsSendsByTheTokenBucket()
    {
        var sink = new RecordingAlertSink("discord", _time);
        var pipeline = Build(sink, o =>
        {
            o.Alerts.GroupBy.Clear();
            o.Alerts.Routes["discord"] = new AlertRoute { RateLimitPerMinute = 6, RateLimitBurst = 2 }; // one token per 10 s
        });

        await PublishAndDeliverAsync(pipeline, Enumerable.Range(0, 4).Select(i => CreateAlert() with { Rule = $"r{i}" }).ToArray());
        var atOnce = sink.Alerts.Count;
        _time.Advance(TimeSpan.FromSeconds(9));
        await pipeline.DeliverDueAsync();
        var after9 = sink.Alerts.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await pipeline.DeliverDueAsync();
        var after10 = sink.Alerts.Count;
        _time.Advance(TimeSpan.FromSeconds(10));
        await pipeline.DeliverDueAsync();

        Assert.Equal(2, atOnce); // the burst
        Assert.Equal(2, after9);
        Assert.Equal(3, after10);
        Assert.Equal(4, sink.Alerts.Count);
    }

    [Fact]
    public async Task FileOutbox_AlertsWaitingAtShutdown_GoOutAfterARestartOnceEach()
    {
        var directory = Directory.CreateTempSubdirectory("obs-outbox-").FullName;
        try
        {
            var down = new RecordingAlertSink("webhook", _time).FailNext("down", 503);
            await using (var first = BuildProvider([down], o => o.Alerts.Delivery.OutboxDirectory = directory))
            {
                var (_, attempts) = await PublishAndDeliverAsync(first.GetRequiredService<AlertPipeline>(), [CreateAlert(), CreateAlert() with { Rule = "latency_p99_critical" }]);
                Assert.Equal(DeliveryStatus.Failed, Assert.Single(attempts).Status);
            }

            var file = Assert.Single(Directory.GetFiles(directory));
            Assert.EndsWith("webhook.outbox.json", file, StringComparison.Ordinal);

            var up = new RecordingAlertSink("webhook", _time);
            await using var second = BuildProvider([up], o => o.Alerts.Delivery.OutboxDirectory = directory);
            var pipeline = second.GetRequiredService<AlertPipeline>();
            Assert.True(await pipeline.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

            Assert.Equal(["error_rate_critical", "latency_p99_critical"], up.Alerts.Select(static a => a.Rule).Order());
            Assert.All(up.Alerts, a => Assert.Equal(64, a.Fingerprint!.Length));
            Assert.Equal("checkout", up.Alerts[0].Labels["service"]);
            Assert.Empty(Directory.GetFiles(directory)); // delivered: the file is gone
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task FileOutbox_CorruptFile_IsSetAsideAndReported()
    {
        var directory = Directory.CreateTempSubdirectory("obs-outbox-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "webhook.outbox.json"), "[{\"alert\": {\"rule\": ");
            var sink = new RecordingAlertSink("webhook", _time);
            await using var provider = BuildProvider([sink], o => o.Alerts.Delivery.OutboxDirectory = directory, logging: true);
            var (_, attempts) = await PublishAndDeliverAsync(provider.GetRequiredService<AlertPipeline>(), [CreateAlert()]);

            Assert.True(Assert.Single(attempts).Succeeded);
            Assert.True(File.Exists(Path.Combine(directory, "webhook.outbox.json.corrupt")));
            Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), r => r.Message.Contains("could not be read and was set aside", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task FlushAsync_CancelledWhileASinkIsDown_ReturnsFalseAndKeepsTheAlerts()
    {
        var sink = new RecordingAlertSink("webhook", _time).FailNext(1000, "down", 503);
        var provider = BuildProvider([sink], logging: true);
        var pipeline = provider.GetRequiredService<AlertPipeline>();
        await pipeline.PublishAsync([CreateAlert()], CancellationToken.None);

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.False(await pipeline.FlushAsync(cts.Token)); // the fake clock never moves: the retry never comes

        Assert.Empty(sink.Alerts);
        var stopped = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Message.StartsWith("Alerts not delivered when the flush stopped", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, stopped.Level);
        Assert.Contains("1 alert(s) still waiting for sink webhook (last attempt: Failed, status code 503: down)", stopped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOutbox_SinkReportsEachMessage_EachIsSettledInTheFileBeforeTheNextGoes()
    {
        var directory = Directory.CreateTempSubdirectory("obs-outbox-").FullName;
        try
        {
            var file = Path.Combine(directory, "messages.outbox.json");
            var sink = new MessagesSink(file, perMessage: 2, failAtMessage: 3);
            var pipeline = Build(sink, o => o.Alerts.Delivery.OutboxDirectory = directory);

            var (_, first) = await PublishAndDeliverAsync(pipeline, Enumerable.Range(0, 6).Select(i => CreateAlert() with { Rule = $"r{i}" }).ToArray());
            var waitingAfterFailure = OutboxFile.Rules(file);
            _time.Advance(TimeSpan.FromSeconds(1));
            await pipeline.DeliverDueAsync();

            Assert.Equal([6, 4], sink.FileEntriesBeforeEachMessage.Take(2)); // message 2 went out with message 1 already settled on disk
            Assert.Equal(2, Assert.Single(first).AlertCount); // message 3 failed: two alerts left
            Assert.Equal(["r4", "r5"], waitingAfterFailure);
            Assert.Equal(["r0", "r1", "r2", "r3", "r4", "r5"], sink.Delivered); // the retry sends only message 3
            Assert.False(File.Exists(file));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Sends a group as messages of <c>perMessage</c> alerts, reporting each, and fails message <c>failAtMessage</c> once.</summary>
    private sealed class MessagesSink(string file, int perMessage, int failAtMessage) : MessageByMessageSink(perMessage)
    {
        private bool _failed;

        public List<string> Delivered { get; } = [];

        public List<int> FileEntriesBeforeEachMessage { get; } = [];

        protected override DeliveryResult? Send(int message, Alert[] part, int remaining)
        {
            FileEntriesBeforeEachMessage.Add(OutboxFile.Waiting(file).Count);
            if (message == failAtMessage && !_failed)
            {
                _failed = true;
                return DeliveryResult.Failed(Name, remaining, "HTTP 502 on message 3", 502);
            }

            Delivered.AddRange(part.Select(static a => a.Rule));
            return null;
        }
    }

    private sealed class PartialSink(int deliveredBeforeFailure) : IAlertSink
    {
        private bool _failed;

        public List<Alert> Received { get; } = [];

        public string Name => "split";

        public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        {
            if (_failed)
            {
                Received.AddRange(alerts);
                return Task.FromResult(DeliveryResult.Delivered(Name, alerts.Count));
            }

            _failed = true;
            Received.AddRange(alerts.Take(deliveredBeforeFailure));
            return Task.FromResult(DeliveryResult.Failed(Name, alerts.Count - deliveredBeforeFailure, "HTTP 502 on message 2 of 2", 502));
        }
    }

    private sealed class GatedSink(string name) : IAlertSink
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public int Received { get; private set; }

        public async Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            Received += alerts.Count;
            return DeliveryResult.Delivered(Name, alerts.Count);
        }
    }
}
