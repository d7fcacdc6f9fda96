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
            outbox.Enqueue([(Raise($"g{i}"), $"g{i}")], time.GetUtcNow());
            await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);
            most = Math.Max(most, outbox.RememberedSendTimes);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // Back at t = 3,600 s: g3570 went 30 s ago, so its next alert waits until its minute is over; g3000 goes at once.
        outbox.Enqueue([(Raise("again"), "g3570"), (Raise("long after"), "g3000")], time.GetUtcNow());
        await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);
        var beforeItsInterval = sink.Alerts.Select(static a => a.Rule).ToArray();
        time.Advance(TimeSpan.FromSeconds(30));
        await outbox.DeliverDueAsync(ignoreGroupWait: false, CancellationToken.None);

        Assert.Equal(3_602, sink.Deliveries.Count); // a send per group, and the two at the end
        Assert.InRange(most, 60, 2 * 61); // about 60 groups went within the last minute; sweeps keep the map under twice that
        Assert.Equal("long after", beforeItsInterval[^1]);
        Assert.Equal("again", sink.Alerts[^1].Rule);
    }

    private static SinkOutbox Create(IAlertSink sink, TimeProvider time, TimeSpan groupInterval)
        => new(
            sink,
            new AlertRules.Route(AlertSeverity.Info, [], RateLimitPerMinute: 1e9, RateLimitBurst: 1_000_000),
            new AlertingOptions { Enabled = true, GroupInterval = groupInterval },
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
}
