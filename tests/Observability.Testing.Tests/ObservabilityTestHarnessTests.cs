using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Testing.Tests;

public sealed class ObservabilityTestHarnessTests
{
    [Fact]
    public void Create_Defaults_ClockStartsAtDefaultStart()
    {
        using var harness = ObservabilityTestHarness.Create();

        Assert.Equal(ObservabilityTestHarness.DefaultStart, harness.Time.GetUtcNow());
        Assert.Same(harness.Time, harness.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Create_CustomStart_ClockStartsThere()
    {
        var start = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

        using var harness = ObservabilityTestHarness.Create(start: start);

        Assert.Equal(start, harness.Time.GetUtcNow());
    }

    [Fact]
    public void Create_Defaults_RegistersHarnessCollectorSinkAndOptions()
    {
        using var harness = ObservabilityTestHarness.Create();

        Assert.NotNull(harness.Monitor);
        Assert.Same(harness.Collector, Assert.Single(harness.Services.GetServices<ICollector>()));
        Assert.Same(harness.Sink, Assert.Single(harness.Services.GetServices<IAlertSink>()));
        var options = harness.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        Assert.Equal("test-service", options.ServiceName);
        Assert.True(options.Alerts.Enabled);
    }

    [Fact]
    public void Create_ConfigureAndBuild_AreApplied()
    {
        var extra = new RecordingAlertSink("extra");

        using var harness = ObservabilityTestHarness.Create(
            configure: o => o.ServiceName = "checkout",
            build: b => b.AddAlertSink(extra));

        Assert.Equal("checkout", harness.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.ServiceName);
        Assert.Equal([harness.Sink, extra], harness.Services.GetServices<IAlertSink>());
    }

    [Fact]
    public async Task RunOnceAsync_SixHealthySnapshots_ProceedsAndCollectsTheLookbackWindow()
    {
        using var harness = ObservabilityTestHarness.Create();
        var now = harness.Time.GetUtcNow();
        harness.Collector.Add(TestSnapshots.Series(now.AddMinutes(-60), TimeSpan.FromMinutes(10), 6, static (_, t) => TestSnapshots.Service(t)));

        var result = await harness.Monitor.RunOnceAsync();

        Assert.Equal(Decision.Proceed, result.Verdict.Decision);
        var window = Assert.Single(harness.Collector.Requests);
        Assert.Equal(now, window.End);
        Assert.Equal(TimeSpan.FromHours(24), window.Duration);
        Assert.True(await harness.Services.GetRequiredService<IAlertPublisher>().FlushAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token));
        Assert.Empty(harness.Sink.Deliveries);
    }

    [Fact]
    public async Task RunOnceAsync_ClockAdvanced_CollectsWindowEndingAtNewTime()
    {
        using var harness = ObservabilityTestHarness.Create();
        harness.Time.Advance(TimeSpan.FromHours(3));

        await harness.Monitor.RunOnceAsync();

        Assert.Equal(ObservabilityTestHarness.DefaultStart.AddHours(3), Assert.Single(harness.Collector.Requests).End);
    }

    [Fact]
    public async Task DisposeAsync_DisposesServices()
    {
        var harness = ObservabilityTestHarness.Create();

        await harness.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => harness.Services.GetRequiredService<IHealthMonitor>());
    }
}
