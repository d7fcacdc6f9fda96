using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Observability.Core.Tests.Alerts.Pipeline;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Faults;

/// <summary>An outbox file with bad entries cannot wedge its sink: each bad entry is set aside and logged, the good ones and new alerts go out.</summary>
public sealed class OutboxFileFaultTests : AlertPipelineTestBase
{
    private const string Good = """{"alert":{"rule":"restored_rule","severity":"Critical","title":"Restored","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","labels":{"service":"checkout"}},"group":"g","enqueuedAt":"2025-01-06T11:59:00+00:00","dueAt":"2025-01-06T11:59:00+00:00"}""";

    [Theory]
    [InlineData("[null]", 0)]
    [InlineData("[{\"alert\":null,\"group\":\"g\",\"enqueuedAt\":\"2025-01-06T11:59:00+00:00\",\"dueAt\":\"2025-01-06T11:59:00+00:00\"}]", 0)]
    [InlineData("[null," + Good + "]", 1)]
    [InlineData("[" + Good + ",{\"alert\":null},42,{\"alert\":{\"rule\":null,\"severity\":\"Critical\",\"title\":\"t\"},\"group\":\"g\"}]", 1)]
    [InlineData("[" + Good + ",{\"alert\":{\"rule\":\"r\",\"severity\":\"Critical\",\"title\":\"t\",\"labels\":null},\"group\":null}]", 1)]
    public async Task FileOutbox_BadEntries_AreSetAsideAndTheRestAndNewAlertsAreDelivered(string content, int restored)
    {
        var directory = Directory.CreateTempSubdirectory("obs-outbox-").FullName;
        try
        {
            var file = Path.Combine(directory, "webhook.outbox.json");
            await File.WriteAllTextAsync(file, content);
            var sink = new RecordingAlertSink("webhook", _time);
            await using var provider = BuildProvider([sink], o => o.Alerts.Delivery.OutboxDirectory = directory, logging: true);
            var pipeline = provider.GetRequiredService<AlertPipeline>();

            var result = await pipeline.PublishAsync([CreateAlert()], CancellationToken.None);
            Assert.True(await pipeline.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));

            Assert.NotEmpty(result.Deliveries);
            Assert.All(result.Deliveries, d => Assert.Equal(DeliveryStatus.Queued, d.Status));
            Assert.Equal(restored, sink.Alerts.Count(a => a.Rule == "restored_rule"));
            Assert.Single(sink.Alerts, a => a.Rule == "error_rate_critical");
            Assert.False(File.Exists(file)); // everything delivered: nothing waits
            var setAside = Path.Combine(directory, "webhook.outbox.json.rejected");
            Assert.True(File.Exists(setAside));
            using var rejected = JsonDocument.Parse(await File.ReadAllTextAsync(setAside));
            Assert.True(rejected.RootElement.GetArrayLength() >= 1);
            Assert.Contains(provider.GetFakeLogCollector().GetSnapshot(), r => r.Message.Contains("set aside", StringComparison.Ordinal) && r.Message.Contains("entry", StringComparison.Ordinal));

            // The fingerprint of the new alert is not left reserved: it fires again after the dedupe window.
            _time.Advance(TimeSpan.FromDays(1));
            await pipeline.PublishAsync([CreateAlert() with { Timestamp = T0.AddDays(1) }], CancellationToken.None);
            Assert.True(await pipeline.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));
            Assert.Equal(2, sink.Alerts.Count(a => a.Rule == "error_rate_critical"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
