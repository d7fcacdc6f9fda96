using System.Collections;
using Observability.Internal;

namespace Microsoft.Extensions.Configuration;

/// <summary>Reads the logging spec's switches (<c>ENABLE_DEBUG_CMD</c>, <c>ENABLE_ALERTS</c>) into Observability's configuration.</summary>
public static class ObservabilityConfigurationExtensions
{
    /// <summary>
    /// Adds the spec's environment switches as configuration keys under <paramref name="section"/>:
    /// <c>ENABLE_DEBUG_CMD</c> sets <c>Traces:EnableDebugCommand</c> and <c>ENABLE_ALERTS</c> sets <c>Alerts:Enabled</c>
    /// (<c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c>, <c>on</c>/<c>off</c>, any case). A variable
    /// that is not set leaves the key alone; one that is set to anything else fails the build of the configuration with a
    /// <see cref="FormatException"/> naming the variable. Sources added later win, as always: add this after
    /// <c>AddEnvironmentVariables()</c> for the switches to override <c>Observability__Alerts__Enabled</c>, before the
    /// command line for the command line to override them.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="section">The options' section. Default: <c>Observability</c>.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddObservabilitySwitches(this IConfigurationBuilder builder, string section = "Observability")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        return builder.Add(new SwitchesSource(section, Environment.GetEnvironmentVariables()));
    }

    internal static IConfigurationBuilder AddObservabilitySwitches(this IConfigurationBuilder builder, string section, IDictionary variables)
        => builder.Add(new SwitchesSource(section, variables));

    private sealed class SwitchesSource(string section, IDictionary variables) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new SwitchesProvider(section, variables);
    }

    private sealed class SwitchesProvider(string section, IDictionary variables) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            Map(SpecSwitches.EnableDebugCommand, ConfigurationPath.Combine(section, "Traces", "EnableDebugCommand"));
            Map(SpecSwitches.EnableAlerts, ConfigurationPath.Combine(section, "Alerts", "Enabled"));
            Data = data;

            void Map(string variable, string key)
            {
                if (variables[variable] is string { Length: > 0 } raw)
                {
                    data[key] = SpecSwitches.Parse(variable, raw) ? "true" : "false";
                }
            }
        }
    }
}
