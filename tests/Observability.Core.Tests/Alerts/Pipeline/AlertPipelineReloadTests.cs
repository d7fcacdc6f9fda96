using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;
using Observability.Testing;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>Silences, inhibition rules and routes follow the configuration while the host runs.</summary>
public sealed class AlertPipelineReloadTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ConfigurationReload_NewSilenceAppliesToTheNextPublish()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Observability:ServiceName"] = "checkout",
            ["Observability:Alerts:Enabled"] = "true",
        }).Build();
        var sink = new RecordingAlertSink();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(T0));
        services.AddObservability(configuration.GetSection("Observability")).AddAlertSink(sink);
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<AlertPipeline>();

        var before = await pipeline.PublishAsync([Alert("before")]);
        configuration["Observability:Alerts:Silences:0:Matchers:0"] = "service=checkout";
        configuration["Observability:Alerts:Silences:0:EndsAt"] = "2026-11-22T13:00:00Z";
        configuration["Observability:Alerts:Silences:0:Comment"] = "incident 42";
        configuration.Reload();
        var after = await pipeline.PublishAsync([Alert("after")]);
        using var flush = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await pipeline.FlushAsync(flush.Token); // publishing only queues: the background sender may not have run yet

        Assert.Equal(0, before.Silenced);
        Assert.Equal(1, after.Silenced);
        Assert.Equal(["before"], sink.Alerts.Select(static a => a.Rule));
    }

    private static Alert Alert(string rule) => new()
    {
        Rule = rule,
        Severity = AlertSeverity.Critical,
        Title = "t",
        Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout" },
        Timestamp = T0,
    };
}
