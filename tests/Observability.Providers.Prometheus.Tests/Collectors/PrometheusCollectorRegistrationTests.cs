using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Support.TestCollectors;

namespace Observability.Providers.Prometheus.Tests.Collectors;

public sealed class PrometheusCollectorRegistrationTests
{
    [Fact]
    public async Task AddPrometheusCollector_with_configure_resolves_a_collector_that_queries_the_endpoint()
    {
        await using var server = new LoopbackHttpServer(Matrix((Unix(Start.AddMinutes(5)), "0.5")));
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddPrometheusCollector(o => { o.Endpoint = server.Address; o.Service = "checkout"; o.Preset = PrometheusPreset.None; o.Queries["error_rate"] = new PrometheusQuery { Expression = "x" }; });
        using var provider = services.BuildServiceProvider();

        var collector = Assert.IsType<PrometheusCollector>(Assert.Single(provider.GetServices<ICollector>()));
        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(PrometheusCollectorOptions.DefaultName, collector.Name);
        Assert.Equal(0.5, Assert.Single(result.Snapshots).GetValue(WellKnownMetrics.ErrorRate));
    }

    [Fact]
    public void Two_named_collectors_coexist_and_the_same_name_twice_throws()
    {
        var builder = new ServiceCollection().AddObservability(o => o.ServiceName = "x")
            .AddPrometheusCollector("eu", o => { o.Endpoint = new Uri("http://127.0.0.1:1/"); o.Service = "a"; })
            .AddPrometheusCollector("us", o => { o.Endpoint = new Uri("http://127.0.0.1:2/"); o.Service = "b"; });
        using var provider = builder.Services.BuildServiceProvider();

        Assert.Equal(["eu", "us"], provider.GetServices<ICollector>().Select(c => c.Name).Order(StringComparer.Ordinal));
        var e = Assert.Throws<InvalidOperationException>(() => builder.AddPrometheusCollector("eu", o => { }));
        Assert.Contains("'eu'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_options_start_up_validation_lists_every_problem()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddPrometheusCollector();
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<PrometheusCollectorOptions>>().Get("prometheus"));

        Assert.Contains("PrometheusCollector:prometheus:Endpoint is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("PrometheusCollector:prometheus:Service is required with the OpenTelemetry preset", e.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetServices<ICollector>().ToList());
    }

    [Fact]
    public void Bad_values_are_each_named_and_secrets_never_shown()
    {
        var options = new PrometheusCollectorOptions
        {
            Endpoint = new Uri("http://admin:hunter2@prom.example:9090/"),
            Service = "checkout",
            ServiceLabel = "service-name",
            Step = TimeSpan.FromMilliseconds(500),
            Timeout = TimeSpan.Zero,
            StaleAfter = TimeSpan.FromMinutes(-1),
            BearerToken = "tok-secret-1",
            Password = "pw-secret-2",
        };
        options.Queries["empty"] = new PrometheusQuery();

        var e = Assert.Throws<ArgumentException>(() => new PrometheusCollector("p", options, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance));

        Assert.Equal("options", e.ParamName);
        foreach (var expected in new[]
        {
            "Endpoint must not hold credentials", "ServiceLabel must be a Prometheus label name such as 'job' or 'service_name' (was 'service-name')",
            "Step must be at least 1 second (was 00:00:00.5000000)", "Timeout must be positive", "StaleAfter must be positive",
            "set either BearerToken or Username/Password, not both", "Username is required with a Password", "Queries:empty:Expression is required",
        })
        {
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-secret-1", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-secret-2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preset_None_needs_a_query_but_no_service()
    {
        var problems = Internal.PrometheusCollectorOptionsValidator.Problems("p", new PrometheusCollectorOptions { Endpoint = new Uri("http://127.0.0.1:9090/"), Preset = PrometheusPreset.None });

        Assert.Equal(["PrometheusCollector:p:Queries must hold at least one query when Preset is None."], problems);
    }

    [Fact]
    public void Configuration_binds_every_option_including_the_queries()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Prom:Endpoint"] = "http://127.0.0.1:9090/prom/",
                ["Prom:Service"] = "payments",
                ["Prom:Preset"] = "PrometheusNet",
                ["Prom:ServiceLabel"] = "service_name",
                ["Prom:Mode"] = "Instant",
                ["Prom:Step"] = "00:05:00",
                ["Prom:RateWindow"] = "00:10:00",
                ["Prom:Timeout"] = "00:00:10",
                ["Prom:StaleAfter"] = "00:30:00",
                ["Prom:Username"] = "grafana",
                ["Prom:Password"] = "pw",
                ["Prom:Source"] = "payments-eu",
                ["Prom:Queries:saturation:Expression"] = "max(cpu{job=\"{service}\"})",
                ["Prom:Queries:saturation:Metric"] = "cpu_utilization",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddPrometheusCollector(configuration.GetSection("Prom"));
        using var provider = services.BuildServiceProvider();

        var o = provider.GetRequiredService<IOptionsMonitor<PrometheusCollectorOptions>>().Get(PrometheusCollectorOptions.DefaultName);
        var collector = Assert.IsType<PrometheusCollector>(Assert.Single(provider.GetServices<ICollector>()));

        Assert.Equal(new Uri("http://127.0.0.1:9090/prom/"), o.Endpoint);
        Assert.Equal(("payments", PrometheusPreset.PrometheusNet, "service_name", PrometheusQueryMode.Instant), (o.Service, o.Preset, o.ServiceLabel, o.Mode));
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(30)), (o.Step, o.RateWindow, o.Timeout, o.StaleAfter));
        Assert.Equal(("grafana", "pw", "payments-eu"), (o.Username, o.Password, o.Source));
        Assert.Equal("cpu_utilization", o.Queries["saturation"].Metric);
        Assert.Equal("max(cpu{job=\"{service}\"})", o.Queries["saturation"].Expression);
        // Six preset queries and the configured one.
        Assert.Equal(["request_count", "error_rate", "availability", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "saturation"], collector.QueryNames);
    }

    [Fact]
    public void A_configured_query_with_a_preset_name_replaces_the_preset_one()
    {
        var options = new PrometheusCollectorOptions { Endpoint = new Uri("http://127.0.0.1:9090/"), Service = "s" };
        options.Queries[WellKnownMetrics.ErrorRate] = new PrometheusQuery { Expression = "my_errors" };

        var collector = new PrometheusCollector("p", options, new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);

        Assert.Equal(["request_count", "availability", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "error_rate"], collector.QueryNames);
    }

    [Fact]
    public void The_named_http_client_leaves_timing_out_to_the_collector()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddPrometheusCollector("eu", o => { o.Endpoint = new Uri("http://127.0.0.1:9/"); o.Service = "s"; });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(PrometheusCollectorObservabilityBuilderExtensions.HttpClientNamePrefix + "eu");

        Assert.Equal("Observability.Prometheus.eu", PrometheusCollectorObservabilityBuilderExtensions.HttpClientNamePrefix + "eu");
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
    }

    [Fact]
    public void A_collector_name_is_unique_across_providers()
    {
        var builder = new ServiceCollection().AddObservability(o => o.ServiceName = "x").AddFileCollector("metrics", o => o.Path = "a.csv");

        var e = Assert.Throws<InvalidOperationException>(() => builder.AddPrometheusCollector("metrics", o => { }));

        Assert.Contains("ICollector named 'metrics' is already registered", e.Message, StringComparison.Ordinal);
    }
}
