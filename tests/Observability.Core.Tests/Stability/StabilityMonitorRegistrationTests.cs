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
