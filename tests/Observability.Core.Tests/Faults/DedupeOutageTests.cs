using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Observability.Core.Tests.Alerts.Pipeline;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Faults;

/// <summary>A shared dedupe store that goes down and comes back: one notification per fingerprint per window throughout.</summary>
public sealed class DedupeOutageTests : AlertPipelineTestBase
{
    [Fact]
    public async Task PublishAsync_SharedStoreDownThenBack_NotifiesEachFingerprintOnce()
    {
        var store = new SwitchableStore(new InMemoryDedupeStore(_time));
        var services = new ServiceCollection();
        services.AddSingleton<IDedupeStore>(store);
        var sink = new RecordingAlertSink("webhook", _time);
        var pipeline = BuildProvider([sink], o => { o.Alerts.Delivery.RateLimitPerMinute = 1e9; o.Alerts.Delivery.RateLimitBurst = 1_000_000; }, services: services)
            .GetRequiredService<AlertPipeline>();
        var alerts = Enumerable.Range(0, 20).Select(i => CreateAlert() with { Rule = $"rule_{i}" }).ToArray();

        await pipeline.PublishAsync(alerts, CancellationToken.None);
        store.Down = true;
        for (var i = 0; i < 10; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await pipeline.PublishAsync([.. alerts, CreateAlert() with { Rule = "new_during_outage" }], CancellationToken.None);
        }

        store.Down = false;
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await pipeline.PublishAsync([.. alerts, CreateAlert() with { Rule = "new_during_outage" }], CancellationToken.None);
        }

        Assert.True(await pipeline.FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));
        Assert.Equal(21, sink.Alerts.Count);
        Assert.Equal(21, sink.Alerts.Select(a => a.Rule).Distinct().Count());
        Assert.True(store.Calls > 0 && store.Failures > 0);
    }

    private sealed class SwitchableStore(IDedupeStore inner) : IDedupeStore
    {
        public bool Down { get; set; }

        public int Calls { get; private set; }

        public int Failures { get; private set; }

        public ValueTask<bool> TryReserveAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (Down)
            {
                Failures++;
                throw new TimeoutException("no answer from 127.0.0.1:6379");
            }

            return inner.TryReserveAsync(key, window, cancellationToken);
        }

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default)
            => Down ? throw new TimeoutException("no answer from 127.0.0.1:6379") : inner.ReleaseAsync(key, cancellationToken);
    }
}
