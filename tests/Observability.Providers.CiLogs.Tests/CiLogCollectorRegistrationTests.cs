using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Observability.Internal;

namespace Observability.Providers.CiLogs.Tests;

public sealed class CiLogCollectorRegistrationTests
{
    private static readonly CollectionWindow AllTime = new(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AddCiLogCollector_WithPath_ResolvesCollectorNamedCiLogs()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddCiLogCollector(o => o.Path = CiFixtures.ErrorLog1);
        using var provider = services.BuildServiceProvider();

        var collector = Assert.IsType<CiLogCollector>(Assert.Single(provider.GetServices<ICollector>()));

        Assert.Equal(CiLogCollectorOptions.DefaultName, collector.Name);
        Assert.Equal(1, Assert.Single((await collector.CollectAsync(AllTime)).Snapshots).Metrics[WellKnownMetrics.ErrorCount]);
    }

    [Fact]
    public void AddCiLogCollector_RegistersTheClassifierUnlessTheUserHasOne()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddCiLogCollector(o => o.Path = "a.log");
        using var provider = services.BuildServiceProvider();
        var own = new ServiceCollection();
        var mine = new CiErrorClassifier();
        own.AddSingleton<ICiErrorClassifier>(mine);
        own.AddObservability(o => o.ServiceName = "x").AddCiLogCollector(o => o.Path = "a.log");
        using var ownProvider = own.BuildServiceProvider();

        Assert.Same(CiErrorClassifier.Instance, provider.GetRequiredService<ICiErrorClassifier>());
        Assert.Same(mine, ownProvider.GetRequiredService<ICiErrorClassifier>());
    }

    [Fact]
    public void AddCiLogCollector_TwoNames_Coexist_SameNameTwiceThrows()
    {
        var services = new ServiceCollection();
        var builder = services.AddObservability(o => o.ServiceName = "x")
            .AddCiLogCollector("nightly", o => o.Path = CiFixtures.ErrorLog1)
            .AddCiLogCollector("release", o => o.Path = CiFixtures.Log5Success);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["nightly", "release"], provider.GetServices<ICollector>().Select(c => c.Name).Order(StringComparer.Ordinal));
        var exception = Assert.Throws<InvalidOperationException>(() => builder.AddCiLogCollector("nightly", o => o.Path = "x"));
        Assert.Contains("'nightly'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCiLogCollector_WithoutPath_FailsValidationAtStart()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddCiLogCollector();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetServices<ICollector>().ToList());

        Assert.Contains("CiLogCollector:ci-logs:Path is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCiLogCollector_FromConfiguration_BindsPathRulesAndPatterns()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ci:Path"] = "/var/ci/logs",
                ["Ci:Recursive"] = "false",
                ["Ci:MaxLineLength"] = "4096",
                ["Ci:Source"] = "deploys",
                ["Ci:IncludePatterns:0"] = "*.log",
                ["Ci:Rules:0:Metric"] = "approval_success",
                ["Ci:Rules:0:Pattern"] = "approved",
                ["Ci:Rules:1:Metric"] = "approval_conflict",
                ["Ci:Rules:1:Pattern"] = "conflict",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddCiLogCollector(configuration.GetSection("Ci"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<CiLogCollectorOptions>>().Get(CiLogCollectorOptions.DefaultName);

        Assert.Equal("/var/ci/logs", options.Path);
        Assert.False(options.Recursive);
        Assert.Equal(4096, options.MaxLineLength);
        Assert.Equal("deploys", options.Source);
        Assert.Equal(["*.log"], options.IncludePatterns);
        Assert.Equal(["approval_success", "approval_conflict"], options.Rules.Select(r => r.Metric));
        Assert.Equal("conflict", options.Rules[1].Pattern);
    }

    [Fact]
    public void Validate_EveryProblem_IsListedInOneResult()
    {
        var options = new CiLogCollectorOptions { Path = " ", MaxLineLength = 79 };
        options.Rules.Add(new CiLogRule { Pattern = "(" });
        options.IncludePatterns.Add(" ");

        var result = new CiLogCollectorOptionsValidator().Validate("nightly", options);

        // Path, MaxLineLength (79 < 80), Rules:0:Metric, Rules:0:Pattern, IncludePatterns:0 = 5 problems.
        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains("CiLogCollector:nightly:Path is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxLineLength must be at least 80 (was 79)", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Rules:0:Metric is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Rules:0:Pattern is not a valid regular expression", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("IncludePatterns:0 is blank", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxLineLengthAtTheMinimum_Passes()
    {
        var result = new CiLogCollectorOptionsValidator().Validate("x", new CiLogCollectorOptions { Path = "a", MaxLineLength = 80 });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void AddCiLogCollector_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddObservability(o => o.ServiceName = "x");
        Assert.Throws<ArgumentNullException>(() => ((IObservabilityBuilder)null!).AddCiLogCollector());
        Assert.Throws<ArgumentNullException>(() => builder.AddCiLogCollector((Action<CiLogCollectorOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCiLogCollector((IConfigurationSection)null!));
        Assert.Throws<ArgumentException>(() => builder.AddCiLogCollector(" ", _ => { }));
    }
}
