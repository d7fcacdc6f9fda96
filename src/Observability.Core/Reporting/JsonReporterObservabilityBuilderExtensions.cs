using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <see cref="JsonReporter"/> (<c>health-report.json</c>) to Observability.</summary>
public static class JsonReporterObservabilityBuilderExtensions
{
    /// <summary>Adds the JSON reporter named <c>json</c> with default options; calling it again (or after another overload registered <c>json</c>) adds nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonReporter(this IObservabilityBuilder builder)
        => ReporterRegistration.AddDefault<JsonReporter, JsonReporterOptions>(builder, JsonReporterOptions.DefaultName, Create);

    /// <summary>Adds the JSON reporter named <c>json</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonReporter(this IObservabilityBuilder builder, Action<JsonReporterOptions> configure)
        => builder.AddJsonReporter(JsonReporterOptions.DefaultName, configure);

    /// <summary>Adds a JSON reporter with a name of its own (its file is <c>health-report-{name}.json</c> unless <see cref="JsonReporterOptions.FileName"/> says otherwise).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The reporter's name, unique among JSON reporters.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonReporter(this IObservabilityBuilder builder, string name, Action<JsonReporterOptions> configure)
        => ReporterRegistration.Add(builder, name, ProviderRegistration.From(configure), Create);

    /// <summary>Adds the JSON reporter named <c>json</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="JsonReporterOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonReporter(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ReporterRegistration.Add<JsonReporter, JsonReporterOptions>(builder, JsonReporterOptions.DefaultName, options => options.Bind(configuration), Create);
    }

    private static JsonReporter Create(IServiceProvider services, string name, JsonReporterOptions options)
        => new(options, name, services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Reports.FileName);
}
