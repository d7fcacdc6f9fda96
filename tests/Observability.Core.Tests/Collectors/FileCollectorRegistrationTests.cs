using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;
using static Observability.Core.Tests.Collectors.SnapshotFiles;

namespace Observability.Core.Tests.Collectors;

public sealed class FileCollectorRegistrationTests
{
    [Fact]
    public async Task AddFileCollector_WithPath_ResolvesCollectorNamedFileThatReadsThePath()
    {
        using var file = new TempSnapshotFile(".csv", "timestamp,error_rate", "2025-11-15T00:01:00Z,0.1");
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddFileCollector(o => o.Path = file.Path);
        using var provider = services.BuildServiceProvider();

        var collector = Assert.Single(provider.GetServices<ICollector>());

        Assert.IsType<FileCollector>(collector);
        Assert.Equal(FileCollectorOptions.DefaultName, collector.Name);
        var snapshot = Assert.Single((await collector.CollectAsync(Window)).Snapshots);
        Assert.Equal("file", snapshot.Source);
    }

    [Fact]
    public async Task AddFileCollector_TwoNames_CoexistWithTheirOwnOptions()
    {
        using var a = new TempSnapshotFile(".csv", "timestamp,error_rate", "2025-11-15T00:01:00Z,0.1");
        using var b = new TempSnapshotFile(".jsonl", """{"timestamp":"2025-11-15T00:01:00Z","error_rate":0.2}""");
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x")
            .AddFileCollector("primary", o => o.Path = a.Path)
            .AddFileCollector("canary", o => o.Path = b.Path);
        using var provider = services.BuildServiceProvider();

        var collectors = provider.GetServices<ICollector>().ToDictionary(c => c.Name);

        Assert.Equal(["canary", "primary"], collectors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.1, Assert.Single((await collectors["primary"].CollectAsync(Window)).Snapshots).Metrics["error_rate"]);
        var canary = Assert.Single((await collectors["canary"].CollectAsync(Window)).Snapshots);
        Assert.Equal(0.2, canary.Metrics["error_rate"]);
        Assert.Equal("canary", canary.Source);
    }

    [Fact]
    public void AddFileCollector_SameNameTwice_ThrowsInvalidOperation()
    {
        var builder = new ServiceCollection().AddObservability(o => o.ServiceName = "x").AddFileCollector(o => o.Path = "a.csv");

        var exception = Assert.Throws<InvalidOperationException>(() => builder.AddFileCollector(o => o.Path = "b.csv"));

        Assert.Contains("'file'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFileCollector_WithoutPath_FailsValidationNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddFileCollector();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<FileCollectorOptions>>().Get("file"));

        Assert.Contains("FileCollector:file:Path is required", exception.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetServices<ICollector>().ToList());
    }

    [Fact]
    public void AddFileCollector_FromConfiguration_BindsEveryOption()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Snapshots:Path"] = "/var/lib/app/snapshots.log",
                ["Snapshots:Format"] = "JsonLines",
                ["Snapshots:Source"] = "checkout",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "x").AddFileCollector(configuration.GetSection("Snapshots"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<FileCollectorOptions>>().Get(FileCollectorOptions.DefaultName);

        Assert.Equal("/var/lib/app/snapshots.log", options.Path);
        Assert.Equal(SnapshotFileFormat.JsonLines, options.Format);
        Assert.Equal("checkout", options.Source);
    }

    [Fact]
    public void AddFileCollector_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddObservability(o => o.ServiceName = "x");
        Assert.Throws<ArgumentNullException>(() => ((IObservabilityBuilder)null!).AddFileCollector());
        Assert.Throws<ArgumentNullException>(() => builder.AddFileCollector((Action<FileCollectorOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddFileCollector((IConfigurationSection)null!));
        Assert.Throws<ArgumentException>(() => builder.AddFileCollector(" ", _ => { }));
    }

    [Fact]
    public void Validate_EveryProblem_IsListedInOneResult()
    {
        var result = new FileCollectorOptionsValidator().Validate("orders", new FileCollectorOptions { Path = " ", Format = (SnapshotFileFormat)42 });

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains("FileCollector:orders:Path is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("FileCollector:orders:Format must be Auto, Csv or JsonLines (was 42)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PathOfMissingFile_Succeeds()
    {
        var result = new FileCollectorOptionsValidator().Validate("file", new FileCollectorOptions { Path = "/nonexistent/snapshots.csv" });

        Assert.True(result.Succeeded);
    }
}
