using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Observability.Core.Tests.Alerts.Pipeline;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Faults;

/// <summary>Dedupe, ledger and inhibition decisions by hash lookup: the same answers as before, at any size.</summary>
public sealed class DedupeAtScaleTests : AlertPipelineTestBase
{
    [Fact]
    public async Task InMemoryDedupeStore_ExpiredReservations_LeaveWithoutAFullScan()
    {
        var time = new FakeTimeProvider(T0);
        var store = new InMemoryDedupeStore(time);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(await store.TryReserveAsync($"k{i}", TimeSpan.FromMinutes(1)));
        }

        Assert.True(await store.TryReserveAsync("long", TimeSpan.FromHours(1)));
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await store.TryReserveAsync("new", TimeSpan.FromMinutes(1)));
        Assert.Equal(2, store.Count); // "long" and "new": the ten expired ones left through the expiry queue
        Assert.False(await store.TryReserveAsync("long", TimeSpan.FromHours(1)));
        Assert.True(await store.TryReserveAsync("k3", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task InMemoryDedupeStore_RenewedReservation_IsNotRemovedByItsOldExpiry()
    {
        var time = new FakeTimeProvider(T0);
        var store = new InMemoryDedupeStore(time);
        Assert.True(await store.TryReserveAsync("k", TimeSpan.FromMinutes(1)));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await store.TryReserveAsync("k", TimeSpan.FromMinutes(10))); // expired: reserved again for longer
        time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await store.TryReserveAsync("other", TimeSpan.FromMinutes(1))); // prunes
        Assert.False(await store.TryReserveAsync("k", TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task PublishAsync_StormOfCriticalsAndWarnings_InhibitsExactlyTheWarningsWithACriticalOfTheirServiceAndCategory()
    {
        var sink = new RecordingAlertSink("webhook", _time);
        var pipeline = Build(sink, o =>
        {
            o.Alerts.Delivery.RateLimitPerMinute = 1e9;
            o.Alerts.Delivery.RateLimitBurst = 1_000_000;
            o.Alerts.Delivery.OutboxCapacity = 100_000;
        });
        Alert Make(AlertSeverity severity, int service, int n) => new()
        {
            Rule = $"{severity}_{n}",
            Severity = severity,
            Title = "t",
            Labels = new Dictionary<string, string> { ["service"] = $"svc-{service}", ["category"] = "errors" },
        };

        // Criticals for the even services, in an earlier publish (still within the dedupe window).
        var criticals = Enumerable.Range(0, 1000).Select(i => Make(AlertSeverity.Critical, 2 * (i % 100), i)).ToArray();
        await pipeline.PublishAsync(criticals, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        var warnings = Enumerable.Range(0, 2000).Select(i => Make(AlertSeverity.Warning, i % 200, i)).ToArray();

        var result = await pipeline.PublishAsync(warnings, CancellationToken.None);

        Assert.Equal(1000, result.Inhibited); // services 0, 2, 4... have a critical
        Assert.Equal(1000, result.Raised.Count);
        Assert.All(result.Raised, a => Assert.Equal(1, int.Parse(a.Labels["service"]["svc-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 2));

        // Once the criticals are older than the dedupe window they mute nothing.
        _time.Advance(TimeSpan.FromHours(1));
        var later = await pipeline.PublishAsync([Make(AlertSeverity.Warning, 0, 99_999)], CancellationToken.None);
        Assert.Equal(0, later.Inhibited);
    }
}
