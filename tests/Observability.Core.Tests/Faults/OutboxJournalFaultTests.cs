using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Observability.Core.Tests.Alerts.Pipeline;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Faults;

/// <summary>
/// The outbox journal after a crash or damage: a last line cut short is ignored and reported, a bad line or entry in the
/// middle is set aside alone and the rest delivered, a file of the earlier form (one array) is read and rewritten as a
/// journal, and a copy of the file taken while a send is in flight (what kill -9 leaves) re-sends at most that message.
/// </summary>
public sealed class OutboxJournalFaultTests : AlertPipelineTestBase
{
    [Fact]
    public async Task FileOutbox_LastLineCutShort_IsIgnoredAndReportedAndTheRestDelivered()
    {
        await WithDirectoryAsync(async directory =>
        {
            var file = Path.Combine(directory, "webhook.outbox.json");
            await File.WriteAllTextAsync(file, Add(0, "a") + Add(1, "b") + "{\"done\":[0]}\n" + Add(2, "c")[..60]);
            var sink = new RecordingAlertSink("webhook", _time);
            await using var provider = BuildProvider([sink], o => o.Alerts.Delivery.OutboxDirectory = directory, logging: true);

            Assert.True(await provider.GetRequiredService<AlertPipeline>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

            Assert.Equal(["b"], sink.Alerts.Select(static a => a.Rule));
            var logs = provider.GetFakeLogCollector().GetSnapshot();
            Assert.Contains(logs, r => r.Id.Id == 2030 && r.Message.Contains("cut short (60 bytes", StringComparison.Ordinal));
            Assert.DoesNotContain(logs, r => r.Id.Id is 2016 or 2019); // not unreadable, nothing set aside
            Assert.False(File.Exists(file + ".rejected"));
            Assert.False(File.Exists(file));
        });
    }

    [Fact]
    public async Task FileOutbox_BadLinesAndEntriesInTheMiddle_AreSetAsideAndTheRestDelivered()
    {
        await WithDirectoryAsync(async directory =>
        {
            var file = Path.Combine(directory, "webhook.outbox.json");
            await File.WriteAllTextAsync(
                file,
                Add(0, "a")
                + "{\"add\":[{\"id\":1,\"entry\":\n" // unreadable, yet followed by more lines: damage, not a crash
                + "{\"add\":[{\"id\":2,\"entry\":{\"alert\":null,\"group\":\"g\"}}," + Add(3, "b")[8..] // a bad entry beside a good one
                + "42\n"
                + "{\"done\":[0]}\n"
                + Add(4, "c"));
            var sink = new RecordingAlertSink("webhook", _time);
            await using var provider = BuildProvider([sink], o => o.Alerts.Delivery.OutboxDirectory = directory, logging: true);

            Assert.True(await provider.GetRequiredService<AlertPipeline>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

            Assert.Equal(["b", "c"], sink.Alerts.Select(static a => a.Rule));
            var setAside = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 2019);
            Assert.Contains("held 3 entry(ies)", setAside.Message, StringComparison.Ordinal);
            Assert.Contains("line 2 (unreadable at byte", setAside.Message, StringComparison.Ordinal);
            Assert.Contains("line 3 entry 1 (no alert)", setAside.Message, StringComparison.Ordinal);
            Assert.Contains("line 4 (a number, not a record)", setAside.Message, StringComparison.Ordinal);
            using var rejected = JsonDocument.Parse(await File.ReadAllTextAsync(file + ".rejected"));
            Assert.Equal(3, rejected.RootElement.GetArrayLength());
            Assert.StartsWith("{\"add\":[{\"id\":1,", rejected.RootElement[0].GetString(), StringComparison.Ordinal); // the line kept as it was
            Assert.False(File.Exists(file));
        });
    }

    [Fact]
    public async Task FileOutbox_FileOfTheEarlierForm_IsReadAndRewrittenAsAJournal()
    {
        await WithDirectoryAsync(async directory =>
        {
            var file = Path.Combine(directory, "webhook.outbox.json");
            await File.WriteAllTextAsync(file, $"[{Entry("a")},{Entry("b")}]");
            var down = new RecordingAlertSink("webhook", _time).FailNext("down", 503);
            await using (var first = BuildProvider([down], o => o.Alerts.Delivery.OutboxDirectory = directory, logging: true))
            {
                var pipeline = first.GetRequiredService<AlertPipeline>();
                Assert.Contains(first.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 2017 && r.Message.StartsWith("Restored 2 waiting alert(s)", StringComparison.Ordinal));
                await pipeline.DeliverDueAsync(); // fails: both stay
            }

            var text = await File.ReadAllTextAsync(file);
            Assert.StartsWith("{\"add\":[{\"id\":0,\"entry\":{\"alert\":{", text, StringComparison.Ordinal);
            Assert.Equal(2, OutboxFile.Lines(file));
            Assert.Equal(["a", "b"], OutboxFile.Rules(file));

            var up = new RecordingAlertSink("webhook", _time);
            await using var second = BuildProvider([up], o => o.Alerts.Delivery.OutboxDirectory = directory);
            Assert.True(await second.GetRequiredService<AlertPipeline>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));
            Assert.Equal(["a", "b"], up.Alerts.Select(static a => a.Rule));
            Assert.False(File.Exists(file));
        });
    }

    [Fact]
    public async Task FileOutbox_CopiedWhileAMessageIsInFlight_RestartResendsAtMostThatMessage()
    {
        await WithDirectoryAsync(async directory =>
        {
            var crashed = Directory.CreateDirectory(Path.Combine(directory, "after-kill")).FullName;
            var sink = new CrashingSink(Path.Combine(directory, "messages.outbox.json"), crashed, perMessage: 10, crashAtMessage: 4);
            var pipeline = Build(sink, o => o.Alerts.Delivery.OutboxDirectory = directory);
            await PublishAndDeliverAsync(pipeline, Enumerable.Range(0, 100).Select(i => CreateAlert() with { Rule = $"r{i:D2}" }).ToArray());
            Assert.Equal(40, sink.Received.Count); // messages 1-3 accepted and reported, message 4 received and then the "kill"

            var resumed = new RecordingAlertSink("messages", _time);
            var after = Build(resumed, o => o.Alerts.Delivery.OutboxDirectory = crashed);
            Assert.True(await after.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

            var all = sink.Received.Concat(resumed.Alerts.Select(static a => a.Rule)).ToArray();
            Assert.Equal(100, all.Distinct().Count()); // nothing lost
            Assert.Equal(sink.Received[30..], resumed.Alerts.Select(static a => a.Rule).Take(10)); // the message in flight, again
            Assert.Equal(110, all.Length); // and nothing else twice
        });
    }

    private static string Entry(string rule)
        => "{\"alert\":{\"rule\":\"" + rule + "\",\"severity\":\"Critical\",\"title\":\"Restored " + rule + "\",\"fingerprint\":\"" + new string(rule[0], 64)
            + "\",\"labels\":{\"service\":\"checkout\"}},\"group\":\"g\",\"enqueuedAt\":\"2025-01-06T11:59:00+00:00\",\"dueAt\":\"2025-01-06T11:59:00+00:00\"}";

    private static string Add(int id, string rule) => "{\"add\":[{\"id\":" + id + ",\"entry\":" + Entry(rule) + "}]}\n";

    private static async Task WithDirectoryAsync(Func<string, Task> test)
    {
        var directory = Directory.CreateTempSubdirectory("obs-journal-").FullName;
        try
        {
            await test(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Sends a batch as messages of <c>perMessage</c> alerts, reporting each; at message <c>crashAtMessage</c> the destination
    /// gets the message, and the outbox file is copied as it is at that moment (what kill -9 leaves), before the report.
    /// </summary>
    private sealed class CrashingSink(string file, string copyTo, int perMessage, int crashAtMessage) : MessageByMessageSink(perMessage)
    {
        public List<string> Received { get; } = [];

        protected override DeliveryResult? Send(int message, Alert[] part, int remaining)
        {
            Received.AddRange(part.Select(static a => a.Rule));
            if (message != crashAtMessage)
            {
                return null;
            }

            File.Copy(file, Path.Combine(copyTo, Path.GetFileName(file)));
            return DeliveryResult.Failed(Name, remaining, "killed");
        }
    }
}
