using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Core.Tests.Stability;

public sealed class CrossCheckedCollectorRegistrationTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly CollectionWindow Window = CollectionWindow.Ending(At.AddMinutes(1), TimeSpan.FromMinutes(30));

    [Fact]
    public async Task AddCrossCheckedCollector_SourcesRegisteredByName_AreTheSameInstancesInPriorityOrder()
    {
        var prometheus = Source("prometheus", 300);
        var file = Source("file", 400);
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(file)
            .AddCollector(prometheus)
            .AddCrossCheckedCollector(o =>
            {
                o.Sources.Add("prometheus"); // priority is the Sources order, not the registration order
                o.Sources.Add("file");
                o.Metrics[WellKnownMetrics.LatencyP99] = new MetricTolerance(0, 50);
            });
        using var provider = services.BuildServiceProvider();

        var chain = Assert.IsType<CrossCheckedCollector>(provider.GetServices<ICollector>().First());
        var result = await chain.CollectCheckedAsync(Window);

        Assert.Equal(CrossCheckedCollectorOptions.DefaultName, chain.Name);
        Assert.Equal(["prometheus", "file"], chain.Sources);
        Assert.Same(prometheus, provider.GetRequiredKeyedService<ICollector>("prometheus"));
        // |300 - 400| = 100 > the absolute 50 set for the metric: one discrepancy, prometheus trusted.
        var d = Assert.Single(result.Discrepancies);
        Assert.Equal(("prometheus", "file", 50.0, new MetricTolerance(0, 50)), (d.TrustedSource, d.OtherSource, d.Allowed, d.Tolerance));
        Assert.Equal(300, result.Result.Snapshots[0].GetValue(WellKnownMetrics.LatencyP99));
    }

    [Fact]
    public void AddCrossCheckedCollector_AProviderCollectorByName_ResolvesTheInstanceTheMonitorSees()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddFileCollector("file", o => o.Path = "snapshots.csv")
            .AddCrossCheckedCollector("checked", o => o.Sources.Add("file"));
        using var provider = services.BuildServiceProvider();

        var all = provider.GetServices<ICollector>().ToArray();

        // The chain moved ahead of the collector registered before it; the file collector is one instance, reached both ways.
        Assert.Equal(["checked", "file"], all.Select(static c => c.Name));
        Assert.Same(all[1], provider.GetRequiredKeyedService<ICollector>("file"));
        Assert.Equal(["file"], Assert.IsType<CrossCheckedCollector>(all[0]).Sources);
    }

    [Fact]
    public async Task AddCrossCheckedCollector_CollectorsCreatedInside_AreNotRegisteredOnTheirOwn_AndKeepTheirPlaceInTheOrder()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(Source("prometheus", 300))
            .AddCrossCheckedCollector(o =>
            {
                o.Add(Source("ci", 300));
                o.Sources.Add("prometheus");
                o.Add("synthetic", _ => Source("synthetic", 390));
            });
        using var provider = services.BuildServiceProvider();

        var all = provider.GetServices<ICollector>().ToArray();
        var chain = Assert.IsType<CrossCheckedCollector>(all[0]);
        var result = await chain.CollectCheckedAsync(Window);

        Assert.Equal(["chain", "prometheus"], all.Select(static c => c.Name)); // ci and synthetic live only inside the chain
        Assert.Equal(["ci", "prometheus", "synthetic"], chain.Sources);
        // Default 5 %: prometheus |300 - 300| = 0 agrees; synthetic |300 - 390| = 90 > 5 % x 390 = 19.5.
        Assert.Equal("ci", result.UsedSource);
        Assert.Equal(("ci", "synthetic"), (result.Discrepancies.Single().TrustedSource, result.Discrepancies.Single().OtherSource));
    }

    [Fact]
    public async Task HealthMonitor_AsksTheChainBeforeTheSourcesRegisteredBeforeIt()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(Source("prometheus", 300))
            .AddCollector(Source("file", 400))
            .AddCrossCheckedCollector(o =>
            {
                o.Sources.Add("prometheus");
                o.Sources.Add("file");
            });
        using var provider = services.BuildServiceProvider();

        var pass = await provider.GetRequiredService<IHealthMonitor>().RunOnceAsync(Window);

        // The chain answers with data, so the monitor stops there: one collection, with the discrepancy as a warning.
        var collection = Assert.Single(pass.Collections);
        Assert.Equal("chain", collection.CollectorName);
        Assert.StartsWith("latency_p99_ms: prometheus reports 300, file reports 400", Assert.Single(collection.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void AddCrossCheckedCollector_UnknownSourceName_FailsWhenBuiltListingTheRegisteredNames()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddFileCollector("file", o => o.Path = "snapshots.csv")
            .AddCrossCheckedCollector(o =>
            {
                o.Sources.Add("prometheus");
                o.Sources.Add("file");
                o.Sources.Add("ci");
            });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetServices<ICollector>().ToArray());

        Assert.StartsWith("The cross-checked collector 'chain' cannot be built: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CrossCheckedCollector:chain:Sources names 'prometheus', but no collector is registered under that name (registered by name: file)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sources names 'ci'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCrossCheckedCollector_CreatedCollectorWithAnotherName_FailsWhenBuilt()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCrossCheckedCollector(o => o.Add("synthetic", _ => Source("other", 1)));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetServices<ICollector>().ToArray());

        Assert.Contains("the source 'synthetic' created a collector named 'other'; it must create a collector named 'synthetic'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_EveryProblemIsListed()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddCrossCheckedCollector(o =>
        {
            o.Sources.Add("prometheus");
            o.Sources.Add(" ");
            o.Sources.Add("prometheus");
            o.Sources.Add("chain");
            o.DefaultTolerance = new MetricTolerance(-0.1);
            o.Metrics["availability"] = new MetricTolerance(0, double.NaN);
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<CrossCheckedCollectorOptions>>().Get("chain"));

        Assert.Equal(
            [
                "CrossCheckedCollector:chain:Sources:1 is blank; name a collector.",
                "CrossCheckedCollector:chain:Sources:2 names 'prometheus' a second time; each source is asked once.",
                "CrossCheckedCollector:chain:Sources:3 names the chain itself ('chain').",
                "CrossCheckedCollector:chain:DefaultTolerance must have a finite Relative and Absolute of at least 0 (was -0.1 relative, 0 absolute).",
                "CrossCheckedCollector:chain:Metrics:availability must have a finite Relative and Absolute of at least 0 (was 0 relative, NaN absolute).",
            ],
            ex.Failures);
    }

    [Fact]
    public void Options_NoSources_IsAProblem_AndTheChainIsNotBuilt()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddCrossCheckedCollector();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetServices<ICollector>().ToArray());

        Assert.Equal(
            ["CrossCheckedCollector:chain:Sources must name at least one collector, highest priority first (a collector registered by name, e.g. 'prometheus', or one added with Add)."],
            ex.Failures);
    }

    [Fact]
    public void Options_Add_SameNameTwice_Throws()
    {
        var options = new CrossCheckedCollectorOptions();
        options.Sources.Add("prometheus");

        var ex = Assert.Throws<ArgumentException>(() => options.Add(Source("prometheus", 1)));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains("'prometheus' is already a source of this chain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCrossCheckedCollector_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddObservability(o => o.ServiceName = "x").AddCrossCheckedCollector(o => o.Sources.Add("a"));

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddCrossCheckedCollector(o => o.Sources.Add("b")));

        Assert.Contains("'chain'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCrossCheckedCollector_FromConfiguration_BindsSourcesAndTolerances()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Chain:Sources:0"] = "prometheus",
                ["Chain:Sources:1"] = "file",
                ["Chain:CrossCheck"] = "false",
                ["Chain:DefaultTolerance:Relative"] = "0.1",
                ["Chain:DefaultTolerance:Absolute"] = "2",
                ["Chain:Metrics:availability:Relative"] = "0",
                ["Chain:Metrics:availability:Absolute"] = "0.001",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(Source("prometheus", 300))
            .AddCollector(Source("file", 300))
            .AddCrossCheckedCollector(configuration.GetSection("Chain"));
        using var provider = services.BuildServiceProvider();

        var o = provider.GetRequiredService<IOptionsMonitor<CrossCheckedCollectorOptions>>().Get(CrossCheckedCollectorOptions.DefaultName);
        var chain = Assert.IsType<CrossCheckedCollector>(provider.GetServices<ICollector>().First());

        Assert.Equal(["prometheus", "file"], o.Sources);
        Assert.False(o.CrossCheck);
        Assert.Equal(new MetricTolerance(0.1, 2), o.DefaultTolerance);
        Assert.Equal(new MetricTolerance(0, 0.001), o.Metrics["availability"]);
        Assert.Equal(["prometheus", "file"], chain.Sources);
    }

    [Fact]
    public void StabilityMonitor_UsesTheRegisteredChainAlone_NotItsSourcesASecondTime()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(Source("prometheus", 300))
            .AddCollector(Source("file", 300))
            .AddCrossCheckedCollector(o =>
            {
                o.Sources.Add("prometheus");
                o.Sources.Add("file");
            });
        using var provider = services.BuildServiceProvider();
        var registered = provider.GetServices<ICollector>().ToArray();

        var chosen = StabilityMonitorObservabilityBuilderExtensions.Choose(registered, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        Assert.Same(registered[0], chosen); // the user's chain, as is
    }

    [Fact]
    public async Task AddCrossCheckedCollector_CustomRedactionOption_ReachesTheChainsMessages()
    {
        static DelegateCollector Leaky() => new("prometheus", (_, _) => throw new InvalidOperationException("401 for sessionid=sess-value-0001"));

        // The default fragments do not name 'sessionid': a chain built without the user's options keeps the value.
        var unconfigured = await new CrossCheckedCollector("chain", [Leaky()]).CollectCheckedAsync(Window);
        Assert.Contains("sessionid=sess-value-0001", Assert.Single(unconfigured.Result.Errors).Message, StringComparison.Ordinal);

        var services = new ServiceCollection();
        services.AddObservability(o =>
            {
                o.ServiceName = "checkout";
                o.Redaction.SecretKeyFragments.Add("sessionid");
            })
            .AddCrossCheckedCollector(o => o.Add(Leaky()));
        using var provider = services.BuildServiceProvider();
        var chain = Assert.IsType<CrossCheckedCollector>(Assert.Single(provider.GetServices<ICollector>()));

        var result = await chain.CollectCheckedAsync(Window);

        var message = Assert.Single(result.Result.Errors).Message;
        Assert.Equal("prometheus: the collector threw InvalidOperationException: 401 for sessionid=***0001", message);
    }

    [Fact]
    public async Task StabilityMonitor_ChainItBuilds_UsesTheRedactorItIsGiven()
    {
        static DelegateCollector Leaky(string name) => new(name, (_, _) => throw new InvalidOperationException("401 for sessionid=sess-value-0002"));
        var redaction = new RedactionOptions();
        redaction.SecretKeyFragments.Add("sessionid");

        var chosen = StabilityMonitorObservabilityBuilderExtensions.Choose([Leaky("prometheus"), Leaky("file")], Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, new SecretRedactor(redaction));
        var result = await Assert.IsType<CrossCheckedCollector>(chosen).CollectCheckedAsync(Window);

        var message = Assert.Single(result.Result.Errors).Message;
        Assert.DoesNotContain("sess-value", message, StringComparison.Ordinal);
        Assert.Equal(2, message.Split("sessionid=***0002").Length - 1); // both sources' messages masked
    }

    [Fact]
    public void StabilityMonitor_ACollectorOutsideTheChain_IsChainedAfterIt()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(Source("prometheus", 300))
            .AddCollector(Source("file", 300))
            .AddCrossCheckedCollector("checked", o => o.Sources.Add("prometheus"));
        using var provider = services.BuildServiceProvider();

        var chosen = StabilityMonitorObservabilityBuilderExtensions.Choose(provider.GetServices<ICollector>().ToArray(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        // Registered: checked (moved ahead), prometheus (in the chain: left out), file.
        Assert.Equal(["checked", "file"], Assert.IsType<CrossCheckedCollector>(chosen).Sources);
    }

    [Fact]
    public async Task HealthMonitor_ChainWithoutData_DoesNotAskItsSourcesASecondTime()
    {
        var asked = new Dictionary<string, int>(StringComparer.Ordinal);
        DelegateCollector Empty(string name) => new(name, (_, _) =>
        {
            lock (asked)
            {
                asked[name] = asked.GetValueOrDefault(name) + 1;
            }

            return CollectionResult.NoData(name, "nothing in the window");
        });
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout")
            .AddCollector(Empty("prometheus"))
            .AddCollector(Empty("file"))
            .AddCollector(Empty("fallback")) // not in the chain: still asked after it
            .AddCrossCheckedCollector(o =>
            {
                o.Sources.Add("prometheus");
                o.Sources.Add("file");
            });
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IHealthMonitor>().RunOnceAsync(Window);

        Assert.Equal(["chain", "fallback"], result.Collections.Select(static c => c.CollectorName));
        Assert.Equal(1, asked["prometheus"]); // through the chain only
        Assert.Equal(1, asked["file"]);
        Assert.Equal(1, asked["fallback"]);
    }

    private static DelegateCollector Source(string name, double p99)
        => new(name, (_, _) => CollectionResult.Success(name, [new MetricSnapshot(At, name, [KeyValuePair.Create(WellKnownMetrics.LatencyP99, p99)])]));
}
