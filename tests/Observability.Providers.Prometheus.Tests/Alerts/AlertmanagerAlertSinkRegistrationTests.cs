using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Providers.Prometheus.Tests.Alerts;

public sealed class AlertmanagerAlertSinkRegistrationTests
{
    [Fact]
    public void AddAlertmanagerAlertSink_Configure_RegistersTheSinkNamedAlertmanager()
    {
        using var provider = Build(b => b.AddAlertmanagerAlertSink(o => o.Url = new Uri("http://127.0.0.1:9093/")));

        var sink = Assert.Single(provider.GetServices<IAlertSink>());
        Assert.IsType<AlertmanagerAlertSink>(sink);
        Assert.Equal("alertmanager", sink.Name);
    }

    [Fact]
    public void AddAlertmanagerAlertSink_TwoNames_LiveSideBySide_ButOneNameTwiceThrows()
    {
        using var provider = Build(b => b
            .AddAlertmanagerAlertSink(o => o.Url = new Uri("http://127.0.0.1:9093/"))
            .AddAlertmanagerAlertSink("secondary", o => o.Url = new Uri("http://127.0.0.1:9094/")));

        Assert.Equal(["alertmanager", "secondary"], provider.GetServices<IAlertSink>().Select(static s => s.Name).ToArray());
        var builder = new ServiceCollection().AddObservability().AddAlertmanagerAlertSink("x", o => o.Url = new Uri("http://127.0.0.1:9093/"));
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddAlertmanagerAlertSink("x", o => o.Url = new Uri("http://127.0.0.1:9093/")));
        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAlertmanagerAlertSink_ConfigurationSection_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alertmanager:Url"] = "http://127.0.0.1:1/",
            ["Alertmanager:BearerToken"] = "bound-token",
            ["Alertmanager:Timeout"] = "00:00:03",
            ["Alertmanager:ResolveTimeout"] = "00:10:00",
            ["Alertmanager:GeneratorUrl"] = "https://status.example.test/",
            ["Alertmanager:StaticLabels:team"] = "payments",
        }).Build();
        using var provider = Build(b => b.AddAlertmanagerAlertSink(configuration.GetSection("Alertmanager")));

        var options = provider.GetRequiredService<IOptionsMonitor<AlertmanagerAlertSinkOptions>>().Get("alertmanager");
        Assert.Equal(new Uri("http://127.0.0.1:1/"), options.Url);
        Assert.Equal("bound-token", options.BearerToken);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(10), options.ResolveTimeout);
        Assert.Equal(new Uri("https://status.example.test/"), options.GeneratorUrl);
        Assert.Equal("payments", options.StaticLabels["team"]);
        var result = await Assert.Single(provider.GetServices<IAlertSink>()).SendAsync([AlertmanagerTestAlerts.Alert()]);
        Assert.Equal(DeliveryStatus.Failed, result.Status); // port 1 refuses: the bound Url is the one used
    }

    [Fact]
    public void AddAlertmanagerAlertSink_NoUrl_FailsValidationListingEveryProblem()
    {
        using var provider = Build(b => b.AddAlertmanagerAlertSink(o => { o.Timeout = TimeSpan.Zero; o.Password = "pw-secret-1"; }));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetServices<IAlertSink>().ToArray());
        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("Url is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Timeout must be positive", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Username is required with a Password", StringComparison.Ordinal));
        Assert.DoesNotContain("pw-secret-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlertmanagerAlertSink_Default_NeedsItsUrlFromConfiguration()
    {
        using var provider = Build(b => b.AddAlertmanagerAlertSink());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetServices<IAlertSink>().ToArray());
        Assert.Contains("AlertmanagerAlertSink:alertmanager:Url is required", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Action<IObservabilityBuilder> add)
    {
        var services = new ServiceCollection();
        add(services.AddObservability());
        return services.BuildServiceProvider();
    }
}
