using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>One sink's outbox on its own: what it remembers between sends stays bounded.</summary>
public sealed class SinkOutboxTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SinkOutbox_ANewGroupEverySecondForAnHour_RemembersOnlyTheSendTimesThatStillMatter()
    {
        var time = new FakeTimeProvider(T0);
        var sink = new RecordingAlertSink("webhook", time);
        var outbox = Create(sink, time, groupInterval: TimeSpan.FromMinutes(1));

        var most = 0;
        for (var i = 0; i < 3_600; i++)
        {
            outbox.Enqueue([(Raise($"g{i}"), $"g{i}")]);
            await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);
            most = Math.Max(most, outbox.RememberedSendTimes);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // Back at t = 3,600 s: g3570 went 30 s ago, so its next alert waits until its minute is over; g3000 goes at once.
        outbox.Enqueue([(Raise("again"), "g3570"), (Raise("long after"), "g3000")]);
        await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);
        var beforeItsInterval = sink.Alerts.Select(static a => a.Rule).ToArray();
        time.Advance(TimeSpan.FromSeconds(30));
        await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);

        Assert.Equal(3_602, sink.Deliveries.Count); // a send per group, and the two at the end
        Assert.InRange(most, 60, 2 * 61); // about 60 groups went within the last minute; sweeps keep the map under twice that
        Assert.Equal("long after", beforeItsInterval[^1]);
        Assert.Equal("again", sink.Alerts[^1].Rule);
    }

    [Fact]
    public async Task AClockSetBack_StretchesNeitherAGroupIntervalNorABackoff()
    {
        var clock = new SettableClock { Now = T0 };
        var sink = new RecordingAlertSink("webhook");
        var outbox = Create(sink, clock, groupInterval: TimeSpan.FromMinutes(1));
        outbox.Enqueue([(Raise("first"), "g")]);
        await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);

        clock.Now -= TimeSpan.FromHours(1); // a time sync sets the clock an hour back
        outbox.Enqueue([(Raise("second"), "g")]);
        var waitForTheGroup = outbox.WaitForNextAttempt(ignoreGroupWait: false);
        clock.Now += TimeSpan.FromMinutes(1);
        await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);

        sink.FailNext("HTTP 503", 503);
        outbox.Enqueue([(Raise("third"), "h")]);
        await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None); // fails: backs off
        clock.Now -= TimeSpan.FromHours(1);
        var waitForTheBackoff = outbox.WaitForNextAttempt(ignoreGroupWait: false);

        Assert.Equal(TimeSpan.FromMinutes(1), waitForTheGroup); // the group's minute, not an hour and a minute
        Assert.Equal(["first", "second"], sink.Alerts.Select(static a => a.Rule));
        Assert.InRange(waitForTheBackoff!.Value, TimeSpan.FromTicks(1), new AlertDeliveryOptions().RetryMaxDelay);
    }

    [Fact]
    public void ADueTimeWrittenBeforeTheClockWasSetBack_IsBroughtInWhenTheFileIsRead()
    {
        var directory = Path.Combine(Path.GetTempPath(), "obs-outbox-clock-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = new SettableClock { Now = T0 + TimeSpan.FromHours(1) };
            var before = Create(new RecordingAlertSink("webhook"), clock, TimeSpan.FromMinutes(5), directory, groupWait: TimeSpan.FromSeconds(30));
            before.Enqueue([(Raise("waiting"), "g")]); // due at T0 + 1 h 30 s, in the file

            clock.Now = T0; // the process restarts after the clock was set an hour back
            var after = Create(new RecordingAlertSink("webhook"), clock, TimeSpan.FromMinutes(5), directory, groupWait: TimeSpan.FromSeconds(30));

            Assert.Equal(1, after.Count);
            Assert.Equal(TimeSpan.FromMinutes(5), after.WaitForNextAttempt(ignoreGroupWait: false)); // the longest wait it sets, not 1 h 30 s
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SinkOutbox Create(IAlertSink sink, TimeProvider time, TimeSpan groupInterval, string? directory = null, TimeSpan groupWait = default)
        => new(
            sink,
            new AlertRules.Route(AlertSeverity.Info, [], RateLimitPerMinute: 1e9, RateLimitBurst: 1_000_000),
            new AlertingOptions { Enabled = true, GroupInterval = groupInterval, GroupWait = groupWait, Delivery = { OutboxDirectory = directory } },
            time,
            new AlertMetrics(null, static () => []),
            new SecretRedactor(new RedactionOptions()),
            NullLogger.Instance);

    private static Alert Raise(string rule) => new()
    {
        Rule = rule,
        Severity = AlertSeverity.Critical,
        Title = rule,
        Message = rule,
        Fingerprint = rule,
        Timestamp = T0,
    };

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
