using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Core.Tests.Stability;

public sealed class StabilityMonitorRegistrationTests
{
    [Fact]
    public void AddStabilityMonitor_TwoCollectors_RegistersHostedServiceOverACrossCheckedChain()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(StabilityTestRun.Source(name: "a"))
            .AddCollector(StabilityTestRun.Source(name: "b"))
            .AddStabilityMonitor(o => o.OutputDirectory = "out");
        using var provider = services.BuildServiceProvider();

        var hosted = Assert.Single(provider.GetServices<IHostedService>().OfType<StabilityMonitorService>());
        Assert.Null(hosted.Result);
        Assert.Equal(336, provider.GetRequiredService<StabilityMonitor>().TicksPlanned);
    }

    [Fact]
    public async Task HostedService_StoppedAfterTheFirstTick_SavesWhatWasCollectedAsInterrupted()
    {
        using var run = new StabilityTestRun();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(run.Time);
        services.AddObservability(o => o.ServiceName = "checkout").AddCollector(StabilityTestRun.Source()).AddStabilityMonitor(o => o.OutputDirectory = run.Output);
        using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().OfType<StabilityMonitorService>().Single();

        // The first tick is due at the start; the fake clock never moves, so the monitor then waits until stopped.
        await hosted.StartAsync(CancellationToken.None);
        var firstRaw = Path.Combine(run.Output, "day_01_raw", "snapshot_2025-11-22_00-00-00.json");
        for (var wait = 0; wait < 3000 && !File.Exists(firstRaw); wait++)
        {
            await Task.Delay(10);
        }

        Assert.True(File.Exists(firstRaw), "The first tick did not run.");

        await hosted.StopAsync(CancellationToken.None);

        Assert.NotNull(hosted.Result);
        Assert.True(hosted.Result.Interrupted);
        Assert.Equal(1, hosted.Result.TicksRun);
        Assert.Equal(1, Assert.Single(hosted.Result.Days).Summary.Completeness.Actual);
        Assert.True(File.Exists(Path.Combine(run.Output, "weekly_summary.json")));
    }

    [Fact]
    public void AddStabilityMonitor_ConfigurationSection_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stability:Duration"] = "2.00:00:00",
            ["Stability:Interval"] = "00:15:00",
            ["Stability:OutputDirectory"] = "out",
            ["Stability:BaselinePath"] = "baseline.json",
            ["Stability:ServiceName"] = "payments",
            ["Observability:ServiceName"] = "checkout",
            ["Observability:Thresholds:AvailabilityTarget"] = "0.995",
            ["Observability:Thresholds:DegradedDaysLimit"] = "3",
        }).Build();
        var services = new ServiceCollection();
        services.AddObservability(configuration.GetSection("Observability")).AddCollector(StabilityTestRun.Source()).AddStabilityMonitor(configuration.GetSection("Stability"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<StabilityMonitorOptions>>().Value;
        Assert.Equal(TimeSpan.FromDays(2), options.Duration);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Interval);
        Assert.Equal("out", options.OutputDirectory);
        Assert.Equal("baseline.json", options.BaselinePath);
        Assert.Equal("payments", options.ServiceName);
        Assert.Equal(192, provider.GetRequiredService<StabilityMonitor>().TicksPlanned); // 48 h / 15 min

        // One set of thresholds: the monitor registered with AddObservability judges with Observability:Thresholds.
        Assert.Equal(0.995, options.Thresholds.AvailabilityTarget);
        Assert.Equal(3, options.Thresholds.DegradedDaysLimit);
        Assert.Equal("payments", options.ServiceName); // set explicitly, so not replaced by Observability:ServiceName
    }

    [Fact]
    public void AddStabilityMonitor_NoOutputDirectory_FailsValidationListingIt()
    {
        var services = new ServiceCollection();
        services.AddObservability().AddStabilityMonitor(o => o.Interval = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StabilityMonitorOptions>>().Value);
        Assert.Contains("OutputDirectory is required.", ex.Failures);
        Assert.Contains(ex.Failures, f => f.StartsWith("Interval must be between 1 second and 1 day", StringComparison.Ordinal));
    }
}
