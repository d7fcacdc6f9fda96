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
        var sink = new RecordingAlertSink();
        var (configuration, provider) = Reloadable(sink);
        await using var _ = provider;
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

    [Fact]
    public async Task ConfigurationReload_APassesSourcesKeepMuting_AHandPublishedSourceMutesOnceItIsPublishedAgain()
    {
        var (configuration, provider) = Reloadable(new RecordingAlertSink());
        await using var _ = provider;
        var pipeline = provider.GetRequiredService<AlertPipeline>();
        static Alert Of(string rule, AlertSeverity severity, string service) => Alert(rule) with
        {
            Severity = severity,
            Labels = new Dictionary<string, string> { [AlertLabels.Service] = service, [AlertLabels.Category] = "db" },
        };

        await pipeline.PublishAsync([Of("db_down", AlertSeverity.Critical, "checkout")]); // by hand: the index alone keeps it
        await pipeline.PublishPassAsync("payments-pass", [Of("db_down", AlertSeverity.Critical, "payments")]); // a pass's: an entry
        var before = await pipeline.PublishAsync([Of("db_slow", AlertSeverity.Warning, "checkout"), Of("db_slow", AlertSeverity.Warning, "payments")]);

        configuration["Observability:Alerts:Silences:0:Matchers:0"] = "service=unrelated"; // any reload makes new rules
        configuration["Observability:Alerts:Silences:0:EndsAt"] = "2026-11-22T13:00:00Z";
        configuration.Reload();
        var after = await pipeline.PublishAsync([Of("db_lag", AlertSeverity.Warning, "checkout"), Of("db_lag", AlertSeverity.Warning, "payments")]);
        await pipeline.PublishAsync([Of("db_down", AlertSeverity.Critical, "checkout")]); // published again: a source again
        var again = await pipeline.PublishAsync([Of("db_full", AlertSeverity.Warning, "checkout")]);

        Assert.Equal(2, before.Inhibited);
        Assert.Equal(["db_lag"], after.Raised.Select(static a => a.Rule)); // checkout's warning went; payments' was muted
        Assert.Equal("checkout", after.Raised[0].Labels[AlertLabels.Service]);
        Assert.Equal(1, again.Inhibited);
    }

    // A host whose alerting follows an in-memory configuration that the test changes and reloads, on a fake clock.
    private static (IConfigurationRoot Configuration, ServiceProvider Provider) Reloadable(IAlertSink sink)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Observability:ServiceName"] = "checkout",
            ["Observability:Alerts:Enabled"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(T0));
        services.AddObservability(configuration.GetSection("Observability")).AddAlertSink(sink);
        return (configuration, services.BuildServiceProvider());
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
