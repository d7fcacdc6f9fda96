using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Observability.Testing;

namespace Observability.Core.Tests.Hosting;

/// <summary>The periodic pass in a generic host on a FakeTimeProvider.</summary>
public sealed class HealthMonitorServiceTests
{
    [Fact]
    public async Task Host_Started_RunsAPassAtOnceAndThenEveryInterval()
    {
        var time = new FakeTimeProvider(ObservabilityTestHarness.DefaultStart);
        var collector = new SignallingCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(collector)
            .AddHealthMonitorService(o => o.Interval = TimeSpan.FromMinutes(15));
        using var host = builder.Build();
        var results = host.Services.GetRequiredService<IMonitoringResultAccessor>();
        Assert.Null(results.LastResult);

        await host.StartAsync();
        await collector.WaitForPassAsync(1);
        var first = await WaitForResultAsync(results, ObservabilityTestHarness.DefaultStart);

        time.Advance(TimeSpan.FromMinutes(7.5));
        time.Advance(TimeSpan.FromMinutes(7.5));
        await collector.WaitForPassAsync(2);
        var second = await WaitForResultAsync(results, ObservabilityTestHarness.DefaultStart.AddMinutes(15));
        await host.StopAsync();

        Assert.Equal(ObservabilityTestHarness.DefaultStart, first.Report.Window.End);
        Assert.Equal(ObservabilityTestHarness.DefaultStart.AddMinutes(15), second.Report.Window.End);
        Assert.Equal(2, collector.Windows.Count);
        Assert.Equal(Decision.NoData, second.Verdict.Decision);
    }

    [Fact]
    public void Host_NonPositiveInterval_FailsAtStartNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddHealthMonitorService(o => o.Interval = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var problems = provider.ValidateObservabilityOptions();

        Assert.Equal(["Observability:Monitor:Interval must be positive (was 00:00:00)."], problems);
    }

    // The pass is recorded just after the collector answers: wait for that record, bounded.
    private static async Task<MonitoringPassResult> WaitForResultAsync(IMonitoringResultAccessor results, DateTimeOffset windowEnd)
    {
        for (var i = 0; i < 6000; i++)
        {
            if (results.LastResult is { } last && last.Report.Window.End == windowEnd)
            {
                return last;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"No pass ending at {windowEnd:O} was recorded; the last ended at {results.LastResult?.Report.Window.End:O}.");
    }

    private sealed class SignallingCollector : ICollector
    {
        private readonly SemaphoreSlim _passes = new(0);

        public List<CollectionWindow> Windows { get; } = [];

        public string Name => "signalling";

        public Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
        {
            lock (Windows)
            {
                Windows.Add(window);
            }

            _passes.Release();
            return Task.FromResult(CollectionResult.NoData(Name, "nothing yet"));
        }

        public async Task WaitForPassAsync(int count)
        {
            while (true)
            {
                lock (Windows)
                {
                    if (Windows.Count >= count)
                    {
                        return;
                    }
                }

                Assert.True(await _passes.WaitAsync(TimeSpan.FromMinutes(1)), $"pass {count} did not run");
            }
        }
    }
}
