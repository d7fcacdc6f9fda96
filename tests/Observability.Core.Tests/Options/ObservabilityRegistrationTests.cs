using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Observability.Internal;

namespace Observability.Core.Tests.Options;

public sealed class ObservabilityRegistrationTests
{
    [Fact]
    public void AddObservability_ServiceNameSet_ResolvesHealthMonitor()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout");

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<HealthMonitor>(provider.GetRequiredService<IHealthMonitor>());
        Assert.Same(provider.GetRequiredService<IHealthMonitor>(), provider.GetRequiredService<IHealthMonitor>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<InMemoryDedupeStore>(provider.GetRequiredService<IDedupeStore>());
    }

    [Fact]
    public void AddObservability_Defaults_HaveDocumentedValues()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout");

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;

        Assert.Null(options.Environment);
        Assert.Equal(TimeSpan.FromHours(24), options.LookbackWindow);
        Assert.Equal(TimeSpan.FromHours(2), options.EvaluationWindow);
        Assert.Equal(0.025, options.Thresholds.ErrorRateWarning);
        Assert.Equal(0.05, options.Thresholds.ErrorRateCritical);
        Assert.Equal(10, options.Thresholds.MinimumJobs);
        Assert.Equal(70, options.Thresholds.HealthWarning);
        Assert.Equal(50, options.Thresholds.HealthCritical);
        Assert.Equal(TimeSpan.FromMinutes(30), options.Thresholds.HealthSustainFor);
        Assert.Equal(20, options.Thresholds.HealthPointsPerErrorRatePercent);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Thresholds.RegionalLatencyDrift);
        Assert.Equal(3, options.Thresholds.ConnectivityFailureLimit);
        Assert.Null(options.Thresholds.QueueBacklogLimit);
        Assert.Equal(TimeSpan.FromDays(30), options.Thresholds.SloPeriod);
        Assert.Equal(0.99, options.Thresholds.LatencyObjective);
        Assert.Equal(100, options.Thresholds.BurnRateMinimumEvents);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Alerts.DedupeWindow);
        Assert.False(options.Alerts.Enabled);
        Assert.Equal(AlertSeverity.Warning, options.Alerts.MinimumSeverity);
        Assert.Equal(FingerprintMode.Condition, options.Alerts.FingerprintMode);
        Assert.Empty(options.Alerts.FingerprintLabels);
        Assert.Equal(4, options.Redaction.VisibleSuffixLength);
        Assert.Null(options.Reports.OutputDirectory);
    }

    [Fact]
    public void AddObservability_NoServiceName_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddObservability();

        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value);
        Assert.Contains("ServiceName", Assert.Single(ex.Failures));
    }

    [Fact]
    public void AddObservability_CalledTwice_RegistersOnceAndAppliesBothDelegates()
    {
        var services = new ServiceCollection();

        services.AddObservability(o => o.ServiceName = "checkout");
        services.AddObservability(o => o.Environment = "production");

        Assert.Single(services, d => d.ServiceType == typeof(IHealthMonitor));
        Assert.Single(services, d => d.ServiceType == typeof(AlertPipeline));
        Assert.Single(services, d => d.ServiceType == typeof(IDedupeStore));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ObservabilityOptions>));
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        Assert.Equal("checkout", options.ServiceName);
        Assert.Equal("production", options.Environment);
        Assert.NotNull(provider.GetRequiredService<IHealthMonitor>());
    }

    [Fact]
    public void AddObservability_LaterDelegate_OverridesEarlierOne()
    {
        var services = new ServiceCollection();

        services.AddObservability(o => o.ServiceName = "first");
        services.AddObservability(o => o.ServiceName = "second");

        using var provider = services.BuildServiceProvider();
        Assert.Equal("second", provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value.ServiceName);
    }

    [Fact]
    public void AddObservability_EarlierUserRegistrations_Win()
    {
        var store = new InMemoryDedupeStore(TimeProvider.System);
        var time = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IDedupeStore>(store);
        services.AddSingleton<TimeProvider>(time);

        services.AddObservability(o => o.ServiceName = "checkout");

        using var provider = services.BuildServiceProvider();
        Assert.Same(store, provider.GetRequiredService<IDedupeStore>());
        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        Assert.Single(services, d => d.ServiceType == typeof(IDedupeStore));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void ResolveHealthMonitor_SeveralInvalidOptions_ThrowsListingEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddObservability(o =>
        {
            o.ServiceName = string.Empty;
            o.Thresholds.ErrorRateWarning = 0.9;
            o.Thresholds.MinimumJobs = -1;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IHealthMonitor>());

        Assert.Equal(3, ex.Failures.Count());
        Assert.Contains("ServiceName", ex.Message);
        Assert.Contains("ErrorRateWarning", ex.Message);
        Assert.Contains("MinimumJobs", ex.Message);
    }

    [Fact]
    public void ResolveAlertPipeline_InvalidOptions_Throws()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.Alerts.DedupeWindow = TimeSpan.Zero);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AlertPipeline>());

        Assert.Contains("DedupeWindow", ex.Message);
    }

    [Fact]
    public void Validator_OtherRules_EachReportedWithItsField()
    {
        var options = new ObservabilityOptions
        {
            ServiceName = "checkout",
            LookbackWindow = TimeSpan.FromHours(1),
            EvaluationWindow = TimeSpan.FromHours(2),
        };
        options.Thresholds.AvailabilityTarget = 1.5;
        options.Thresholds.HealthCritical = 80;
        options.Alerts.FingerprintLabels.Add(" ");
        options.Redaction.VisibleSuffixLength = -1;
        options.Reports.FileName = "a/b";

        var result = new ObservabilityOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToArray();
        Assert.Equal(6, failures.Length);
        Assert.Contains(failures, f => f.Contains("EvaluationWindow", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AvailabilityTarget", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("HealthCritical", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FingerprintLabels", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("VisibleSuffixLength", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("FileName", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_EngineThresholds_EachReportedWithItsField()
    {
        var options = new ObservabilityOptions { ServiceName = "checkout" };
        var t = options.Thresholds;
        t.HealthSustainFor = TimeSpan.FromMinutes(-1);
        t.HealthPointsPerErrorRatePercent = double.NaN;
        t.RegionalLatencyDrift = TimeSpan.Zero;
        t.ConnectivityFailureLimit = 0;
        t.QueueBacklogLimit = -5;
        t.SloPeriod = TimeSpan.Zero;
        t.LatencyObjective = 1;
        t.BurnRateMinimumEvents = -1;

        var failures = new ObservabilityOptionsValidator().Validate(null, options).Failures!.ToArray();

        Assert.Equal(8, failures.Length);
        foreach (var field in new[] { "HealthSustainFor", "HealthPointsPerErrorRatePercent", "RegionalLatencyDrift", "ConnectivityFailureLimit", "QueueBacklogLimit", "SloPeriod", "LatencyObjective", "BurnRateMinimumEvents" })
        {
            Assert.Contains(failures, f => f.Contains(field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validator_ValidOptions_Succeeds()
    {
        var result = new ObservabilityOptionsValidator().Validate(null, new ObservabilityOptions { ServiceName = "checkout" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void AddObservability_ConfigurationSection_BindsNestedValues()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Observability:ServiceName"] = "checkout",
                ["Observability:LookbackWindow"] = "7.00:00:00",
                ["Observability:Thresholds:ErrorRateCritical"] = "0.08",
                ["Observability:Alerts:Enabled"] = "true",
                ["Observability:Alerts:MinimumSeverity"] = "Error",
                ["Observability:Alerts:FingerprintLabels:0"] = "region",
                ["Observability:Redaction:SecretKeyFragments:0"] = "dsn",
            })
            .Build();
        var services = new ServiceCollection();

        services.AddObservability(configuration.GetSection("Observability"));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        Assert.Equal("checkout", options.ServiceName);
        Assert.Equal(TimeSpan.FromDays(7), options.LookbackWindow);
        Assert.Equal(0.08, options.Thresholds.ErrorRateCritical);
        Assert.Equal(0.025, options.Thresholds.ErrorRateWarning);
        Assert.True(options.Alerts.Enabled);
        Assert.Equal(AlertSeverity.Error, options.Alerts.MinimumSeverity);
        Assert.Equal(new[] { "region" }, options.Alerts.FingerprintLabels);
        var redactor = provider.GetRequiredService<SecretRedactor>();
        Assert.True(redactor.IsSecretKey("SENTRY_DSN"));
        Assert.True(redactor.IsSecretKey("GitHubToken"));
    }

    [Fact]
    public async Task HostStartAsync_InvalidOptions_Throws()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddObservability(o => o.Thresholds.MinimumJobs = -1);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ServiceName", ex.Message);
        Assert.Contains("MinimumJobs", ex.Message);
    }

    [Fact]
    public async Task HostStartAsync_ValidOptions_Starts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddObservability(o => o.ServiceName = "checkout");
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.NotNull(host.Services.GetRequiredService<IHealthMonitor>());
    }

    [Fact]
    public void AddLogAlertSink_SameNameTwice_Throws()
    {
        var services = new ServiceCollection();
        var builder = services.AddObservability(o => o.ServiceName = "checkout").AddLogAlertSink();

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddLogAlertSink());

        Assert.Contains("'log'", ex.Message);
    }

    [Fact]
    public void AddLogAlertSink_SameNameAcrossAddObservabilityCalls_Throws()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddLogAlertSink("oncall", _ => { });

        Assert.Throws<InvalidOperationException>(() => services.AddObservability().AddLogAlertSink("oncall", _ => { }));
    }

    [Fact]
    public void AddLogAlertSink_DifferentNames_RegistersTwoSinks()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddLogAlertSink("oncall", o => o.Category = "Alerts.OnCall")
            .AddLogAlertSink("team", _ => { });

        using var provider = services.BuildServiceProvider();
        var sinks = provider.GetServices<IAlertSink>().ToArray();

        Assert.Equal(["oncall", "team"], sinks.Select(static s => s.Name));
        Assert.All(sinks, static s => Assert.IsType<LogAlertSink>(s));
    }

    [Fact]
    public void AddObservability_NullArguments_Throw()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddObservability());
        Assert.Throws<ArgumentNullException>(() => services.AddObservability((Action<ObservabilityOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddObservability((IConfigurationSection)null!));
    }
}
