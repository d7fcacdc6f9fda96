using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Core.Tests.Options;

/// <summary>The host-less validation helper: every problem of every options type at once, each by its configuration path.</summary>
public sealed class ValidateObservabilityOptionsTests
{
    [Fact]
    public void ValidateObservabilityOptions_ProblemsInSeveralOptions_ListsEveryOneByItsPath()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Observability:ServiceName"] = "checkout",
            ["Observability:LookbackWindow"] = "-01:00:00",
            ["Observability:Rollback:Timeout"] = "00:00:00",
            ["Observability:Rollback:Command:FileName"] = "/usr/bin/true",
            ["Observability:Rollback:Http:Url"] = "https://user:secret-password@127.0.0.1/rollback",
            ["Collectors:File:Path"] = "",
        }).Build();
        var services = new ServiceCollection();
        services.AddObservability(configuration.GetSection("Observability")).AddFileCollector(configuration.GetSection("Collectors:File"));
        services.AddOptions<OwnOptions>().Validate(static o => o.Port > 0, "Own:Port must be positive.").ValidateOnStart();
        using var provider = services.BuildServiceProvider();

        var problems = provider.ValidateObservabilityOptions();

        Assert.Contains(problems, p => p.StartsWith("Observability:LookbackWindow must be positive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Observability:Rollback:Timeout must be positive", StringComparison.Ordinal));
        Assert.Contains("Observability:Rollback:Command and Observability:Rollback:Http are two rollback actions; configure one.", problems);
        Assert.Contains(problems, p => p.StartsWith("Observability:Rollback:Http:Url must not carry credentials", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Collectors:File:Path", StringComparison.Ordinal) || p.Contains("Path", StringComparison.Ordinal));
        Assert.Contains("Own:Port must be positive.", problems);
        Assert.DoesNotContain(problems, p => p.Contains("secret-password", StringComparison.Ordinal));
        Assert.Equal(problems.Count, problems.Distinct().Count());
    }

    [Fact]
    public void ValidateObservabilityOptions_UnconvertibleValue_NamesThePathNotTheValueAndStillChecksTheRest()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Observability:ServiceName"] = "checkout",
            ["Observability:Rollback:Timeout"] = "sk_live_not-a-timespan",
            ["Stability:Duration"] = "-1.00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddObservability(configuration.GetSection("Observability"))
            .AddCollector(new Observability.Testing.ScriptedCollector())
            .AddStabilityMonitor(configuration.GetSection("Stability"));
        using var provider = services.BuildServiceProvider();

        var problems = provider.ValidateObservabilityOptions();

        Assert.Contains(problems, p => p.Contains("Observability:Rollback:Timeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Duration", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("sk_live_not-a-timespan", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateObservabilityOptions_ValidConfiguration_IsEmpty()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "checkout").AddHealthMonitorService();
        using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.ValidateObservabilityOptions());
    }

    private sealed class OwnOptions
    {
        public int Port { get; set; }
    }
}
