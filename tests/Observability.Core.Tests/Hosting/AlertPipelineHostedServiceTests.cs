using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observability.Testing;

namespace Observability.Core.Tests.Hosting;

/// <summary>The alert pipeline as a hosted service: what waits in an outbox is delivered when the host stops.</summary>
public sealed class AlertPipelineHostedServiceTests
{
    [Fact]
    public async Task StopAsync_AlertWaitingForItsGroup_IsDeliveredBeforeTheHostEnds()
    {
        var sink = new RecordingAlertSink();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;
            o.Alerts.GroupWait = TimeSpan.FromHours(1); // held for its group: nothing is sent during the test unless flushed
        }).AddAlertSink(sink);
        using var host = builder.Build();
        await host.StartAsync();

        var published = await host.Services.GetRequiredService<IAlertPublisher>().PublishAsync([Alert()]);
        Assert.Single(published.Raised);
        Assert.Empty(sink.Alerts);
        await host.StopAsync();

        var delivered = Assert.Single(sink.Alerts);
        Assert.Equal("deploy_failed", delivered.Rule);
    }

    [Fact]
    public async Task StopAsync_SinkNeverAnswersWithinTheShutdownTimeout_StopsAtTheTimeout()
    {
        var sink = new RecordingAlertSink().FailNext(1000, "down");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.Services.AddObservability(o =>
        {
            o.ServiceName = "checkout";
            o.Alerts.Enabled = true;
        }).AddAlertSink(sink);
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IAlertPublisher>().PublishAsync([Alert()]);

        await host.StopAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.NotEmpty(sink.AttemptTimes);
        Assert.Empty(sink.Alerts);
    }

    private static Alert Alert() => new()
    {
        Rule = "deploy_failed",
        Severity = AlertSeverity.Critical,
        Title = "checkout: deployment failed",
        Labels = new Dictionary<string, string> { [AlertLabels.Service] = "checkout" },
    };
}
