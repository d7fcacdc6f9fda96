using Microsoft.Extensions.DependencyInjection;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>
/// The outbox's order (its index): groups go when due, the group whose oldest alert has waited longest first; a group's
/// alerts go together, oldest first; a full outbox drops the oldest of the lowest severity from whichever group holds it;
/// a partly delivered group sends only the rest; a restart brings back the order, the groups and their due times.
/// </summary>
public sealed class OutboxOrderTests : AlertPipelineTestBase
{
    [Fact]
    public async Task Outbox_InterleavedGroupsWithDifferentDueTimes_EachGoesWholeWhenDue()
    {
        var sink = new ClockedSink(_time);
        var pipeline = Build(sink, o => o.Alerts.GroupWait = TimeSpan.FromSeconds(30));

        await pipeline.PublishAsync([Raise("x1", "x")], CancellationToken.None); // x due at 30 s
        _time.Advance(TimeSpan.FromSeconds(5));
        await pipeline.PublishAsync([Raise("y1", "y"), Raise("x2", "x")], CancellationToken.None); // y due at 35 s, x2 joins x
        _time.Advance(TimeSpan.FromSeconds(5));
        await pipeline.PublishAsync([Raise("z1", "z"), Raise("y2", "y"), Raise("x3", "x")], CancellationToken.None); // z due at 40 s
        await DeliverEachSecondUntilAsync(pipeline, TimeSpan.FromSeconds(60));

        Assert.Equal(["30 s: x1 x2 x3", "35 s: y1 y2", "40 s: z1"], sink.Sends);
    }

    [Fact]
    public async Task Outbox_GroupSentRecently_WaitsGroupIntervalWhileLaterGroupsGo()
    {
        var sink = new ClockedSink(_time);
        var pipeline = await GroupASentAt30SecondsAsync(sink);
        await pipeline.PublishAsync([Raise("a2", "a"), Raise("b1", "b")], CancellationToken.None); // a2 due at 330 s, b1 at 70 s
        await DeliverEachSecondUntilAsync(pipeline, TimeSpan.FromSeconds(50));
        await pipeline.PublishAsync([Raise("c1", "c")], CancellationToken.None); // due at 80 s
        await DeliverEachSecondUntilAsync(pipeline, TimeSpan.FromSeconds(400));

        Assert.Equal(["30 s: a1", "70 s: b1", "80 s: c1", "330 s: a2"], sink.Sends);
    }

    [Fact]
    public async Task Outbox_SeveralGroupsDueAfterABackoff_TheGroupWithTheOldestAlertGoesFirst()
    {
        var sink = new ClockedSink(_time);
        var pipeline = await GroupASentAt30SecondsAsync(sink);
        await pipeline.PublishAsync([Raise("a2", "a")], CancellationToken.None); // due at 330 s
        await DeliverEachSecondUntilAsync(pipeline, TimeSpan.FromSeconds(50));
        await pipeline.PublishAsync([Raise("b1", "b")], CancellationToken.None); // due at 80 s
        sink.ThrottleNext(TimeSpan.FromSeconds(400)); // b1's send at 80 s: come back at 480 s
        await DeliverEachSecondUntilAsync(pipeline, TimeSpan.FromSeconds(600));

        // At 480 s both groups are due: a2 has waited since 40 s, b1 since 50 s, so a goes first though b was due first.
        Assert.Equal(["30 s: a1", "480 s: a2", "480 s: b1"], sink.Sends);
        Assert.Contains(TimeSpan.FromSeconds(80), sink.Attempts); // b1's throttled attempt
    }

    [Fact]
    public async Task Outbox_Full_DropsTheOldestOfTheLowestSeverityFromAnyGroup_AndTheGroupsStayWhole()
    {
        var sink = new ClockedSink(_time);
        var pipeline = Build(sink, o =>
        {
            o.Alerts.Delivery.OutboxCapacity = 4;
            o.Alerts.Inhibitions.Clear();
        });

        await pipeline.PublishAsync(
            [
                Raise("w_a1", "a", AlertSeverity.Warning),
                Raise("c_b1", "b"),
                Raise("w_b2", "b", AlertSeverity.Warning),
                Raise("c_a2", "a"),
            ],
            CancellationToken.None); // full
        await pipeline.PublishAsync([Raise("c_b3", "b")], CancellationToken.None); // w_a1 goes: the oldest of group a
        await pipeline.PublishAsync([Raise("c_a4", "a")], CancellationToken.None); // w_b2 goes: the middle of group b
        var warning = await pipeline.PublishAsync([Raise("w_c1", "c", AlertSeverity.Warning)], CancellationToken.None); // lower than all left: refused
        await pipeline.DeliverDueAsync();

        Assert.Equal(DeliveryStatus.Skipped, Assert.Single(warning.Deliveries).Status);
        Assert.Equal(["0 s: c_b1 c_b3", "0 s: c_a2 c_a4"], sink.Sends); // b's oldest (c_b1) arrived before a's (now c_a2)
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Outbox_GroupPartlyDeliveredThenFailed_RetrySendsOnlyTheRestInOrder(bool reportsEachMessage)
    {
        var sink = new TwoPerMessageSink(reportsEachMessage, failAtMessage: 2);
        var pipeline = Build(sink);

        // Group a's alerts arrive around b's first one.
        var (_, first) = await PublishAndDeliverAsync(
            pipeline,
            [Raise("a0", "a"), Raise("a1", "a"), Raise("b0", "b"), Raise("a2", "a"), Raise("a3", "a"), Raise("a4", "a"), Raise("b1", "b")]);
        _time.Advance(TimeSpan.FromSeconds(1)); // the first backoff is at most 1 s
        var retry = await pipeline.DeliverDueAsync();

        Assert.Equal(3, Assert.Single(first).AlertCount); // a0 and a1 went out, then message 2 failed
        Assert.Equal([2, 3], retry.Select(static r => r.AlertCount));
        // The retry: b's oldest (b0) now waits longer than a's (a2), so b goes first; a sends only what is left, in order.
        Assert.Equal(["a0 a1", "b0 b1", "a2 a3", "a4"], sink.Messages);
    }

    [Fact]
    public async Task FileOutbox_Restart_KeepsTheOrderTheGroupsAndTheirDueTimes()
    {
        var directory = Directory.CreateTempSubdirectory("obs-outbox-").FullName;
        try
        {
            var file = Path.Combine(directory, "webhook.outbox.json");
            await using (var before = BuildProvider([new RecordingAlertSink("webhook", _time)], o =>
            {
                o.Alerts.GroupWait = TimeSpan.FromSeconds(30);
                o.Alerts.Delivery.OutboxDirectory = directory;
            }))
            {
                var pipeline = before.GetRequiredService<AlertPipeline>();
                await pipeline.PublishAsync([Raise("a1", "a"), Raise("b1", "b"), Raise("a2", "a")], CancellationToken.None); // a and b due at 30 s
                _time.Advance(TimeSpan.FromSeconds(10));
                await pipeline.PublishAsync([Raise("c1", "c"), Raise("b2", "b")], CancellationToken.None); // c due at 40 s
            }

            Assert.Equal(["a1", "b1", "a2", "c1", "b2"], OutboxFile.Rules(file)); // oldest first

            var sink = new ClockedSink(_time);
            var after = Build(sink, o =>
            {
                o.Alerts.GroupWait = TimeSpan.FromSeconds(30);
                o.Alerts.Delivery.OutboxDirectory = directory;
            });
            var early = await after.DeliverDueAsync(); // 10 s: nothing is due yet
            await DeliverEachSecondUntilAsync(after, TimeSpan.FromSeconds(60));

            Assert.Empty(early);
            Assert.Equal(["30 s: a1 a2", "30 s: b1 b2", "40 s: c1"], sink.Sends);
            Assert.False(File.Exists(file));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Publish_ManyPublishersWhileTheSenderRuns_EveryAlertOnceAndInOrderWithinItsGroup()
    {
        var sink = new RecordingAlertSink("webhook", _time);
        var provider = BuildProvider(
            [sink],
            o =>
            {
                o.Alerts.Delivery.RateLimitPerMinute = 1e9;
                o.Alerts.Delivery.RateLimitBurst = 1_000_000;
                o.Alerts.Delivery.MaxAlertsPerSend = 7;
                o.Alerts.Delivery.OutboxCapacity = 10_000; // above the 1,200: a starved sender (a loaded machine) must not make the default 1,000 drop any
            },
            background: true);
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            foreach (var batch in Enumerable.Range(0, 300).Select(i => Raise($"p{p}-{i:D3}", $"svc-{i % 20}")).Chunk(10))
            {
                await pipeline.PublishAsync(batch, CancellationToken.None);
            }
        })));
        Assert.True(await pipeline.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token));

        var rules = sink.Alerts.Select(static a => a.Rule).ToArray();
        Assert.Equal(1_200, rules.Length);
        Assert.Equal(1_200, rules.Distinct().Count());
        Assert.All(sink.Deliveries, d => Assert.Single(d.Select(static a => a.Labels["service"]).Distinct())); // one group a send
        foreach (var stream in sink.Alerts.GroupBy(static a => (a.Rule[..2], a.Labels["service"])))
        {
            var order = stream.Select(static a => a.Rule).ToArray();
            Assert.Equal(order.Order(StringComparer.Ordinal), order); // each publisher's alerts to a group go in the order published
        }
    }

    private static Alert Raise(string rule, string service, AlertSeverity severity = AlertSeverity.Critical)
        => CreateAlert() with { Rule = rule, Severity = severity, Labels = new Dictionary<string, string> { ["service"] = service } };

    // A pipeline whose groups wait 30 s and go at most every 5 min, where group "a"'s first alert a1 went at 30 s (now 40 s).
    private async Task<AlertPipeline> GroupASentAt30SecondsAsync(IAlertSink sink)
    {
        var pipeline = Build(sink, o =>
        {
            o.Alerts.GroupWait = TimeSpan.FromSeconds(30);
            o.Alerts.GroupInterval = TimeSpan.FromMinutes(5);
        });
        await pipeline.PublishAsync([Raise("a1", "a")], CancellationToken.None);
        await DeliverEachSecondUntilAsync(pipeline, TimeSpan.FromSeconds(40)); // a1 goes at 30 s
        return pipeline;
    }

    private async Task DeliverEachSecondUntilAsync(AlertPipeline pipeline, TimeSpan sinceT0)
    {
        while (_time.GetUtcNow() - T0 < sinceT0)
        {
            await pipeline.DeliverDueAsync();
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await pipeline.DeliverDueAsync();
    }

    /// <summary>Records each accepted send as "&lt;seconds since T0&gt; s: &lt;rules&gt;"; can be told to throttle its next send.</summary>
    private sealed class ClockedSink(TimeProvider time) : IAlertSink
    {
        private TimeSpan? _throttle;

        public List<string> Sends { get; } = [];

        public List<TimeSpan> Attempts { get; } = [];

        public string Name => "webhook";

        public void ThrottleNext(TimeSpan retryAfter) => _throttle = retryAfter;

        public Task<DeliveryResult> SendAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
        {
            var since = time.GetUtcNow() - T0;
            Attempts.Add(since);
            if (_throttle is { } retryAfter)
            {
                _throttle = null;
                return Task.FromResult(DeliveryResult.Throttled(Name, alerts.Count, retryAfter, 429));
            }

            Sends.Add($"{since.TotalSeconds:0} s: {string.Join(' ', alerts.Select(static a => a.Rule))}");
            return Task.FromResult(DeliveryResult.Delivered(Name, alerts.Count));
        }
    }

    /// <summary>Sends a group as messages of two alerts and fails message <c>failAtMessage</c> once, reporting each message delivered or not.</summary>
    private sealed class TwoPerMessageSink(bool reportsEachMessage, int failAtMessage) : MessageByMessageSink(2, reportsEachMessage)
    {
        private bool _failed;

        public List<string> Messages { get; } = [];

        protected override DeliveryResult? Send(int message, Alert[] part, int remaining)
        {
            if (message == failAtMessage && !_failed)
            {
                _failed = true;
                return DeliveryResult.Failed(Name, remaining, "HTTP 502 on message 2", 502);
            }

            Messages.Add(string.Join(' ', part.Select(static a => a.Rule)));
            return null;
        }
    }
}
