using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Core.Tests.Options;

public sealed class SpecSwitchesTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" 1 ", true)]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("OFF", false)]
    public void Switches_SetTheDebugCommandAndAlerts(string value, bool expected)
    {
        var options = Bind(new Dictionary<string, string?>(), new Hashtable { ["ENABLE_DEBUG_CMD"] = value, ["ENABLE_ALERTS"] = value });

        Assert.Equal(expected, options.Traces.EnableDebugCommand);
        Assert.Equal(expected, options.Alerts.Enabled);
    }

    [Fact]
    public void Switches_OverrideEarlierSources_AndLeaveKeysAloneWhenNotSet()
    {
        var earlier = new Dictionary<string, string?> { ["Observability:Alerts:Enabled"] = "true", ["Observability:Traces:EnableDebugCommand"] = "true" };

        var overridden = Bind(earlier, new Hashtable { ["ENABLE_ALERTS"] = "false" });

        Assert.False(overridden.Alerts.Enabled);
        Assert.True(overridden.Traces.EnableDebugCommand); // ENABLE_DEBUG_CMD not set: the earlier value stands

        var untouched = Bind(earlier, new Hashtable { ["ENABLE_ALERTS"] = string.Empty });
        Assert.True(untouched.Alerts.Enabled);
    }

    [Fact]
    public void Switches_ALaterSourceWins_AsTheCommandLineDoes()
    {
        var configuration = new ConfigurationBuilder()
            .AddObservabilitySwitches("Observability", new Hashtable { ["ENABLE_ALERTS"] = "true" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Observability:Alerts:Enabled"] = "false" })
            .Build();

        Assert.Equal("false", configuration["Observability:Alerts:Enabled"]);
    }

    [Fact]
    public void Switches_UnderAnotherSection_LandThere()
    {
        var configuration = new ConfigurationBuilder().AddObservabilitySwitches("Monitoring:Obs", new Hashtable { ["ENABLE_DEBUG_CMD"] = "1" }).Build();

        Assert.Equal("true", configuration["Monitoring:Obs:Traces:EnableDebugCommand"]);
        Assert.Null(configuration["Observability:Traces:EnableDebugCommand"]);
    }

    [Fact]
    public void Switches_AnythingElse_FailsNamingTheVariableNotTheValue()
    {
        var builder = new ConfigurationBuilder().AddObservabilitySwitches("Observability", new Hashtable { ["ENABLE_ALERTS"] = "ghp_notaswitchvalue0123" });

        var error = Assert.Throws<FormatException>(() => builder.Build());

        Assert.StartsWith("ENABLE_ALERTS must be true or false", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", error.Message, StringComparison.Ordinal);
    }

    private static ObservabilityOptions Bind(Dictionary<string, string?> earlier, Hashtable variables)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Observability:ServiceName"] = "bot" })
            .AddInMemoryCollection(earlier)
            .AddObservabilitySwitches("Observability", variables)
            .Build();
        var services = new ServiceCollection();
        services.AddObservability(configuration.GetSection("Observability"));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
    }
}
