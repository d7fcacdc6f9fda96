using Microsoft.Extensions.Configuration;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <see cref="OperationalReporter"/> (<c>operational_report.json</c> and <c>.md</c>) to Observability.</summary>
public static class OperationalReporterObservabilityBuilderExtensions
{
    /// <summary>Adds the operational reporter named <c>operational</c> with default options; calling it again (or after another overload registered <c>operational</c>) adds nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddOperationalReporter(this IObservabilityBuilder builder)
        => ReporterRegistration.AddDefault<OperationalReporter, OperationalReporterOptions>(builder, OperationalReporterOptions.DefaultName, Create);

    /// <summary>Adds the operational reporter named <c>operational</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddOperationalReporter(this IObservabilityBuilder builder, Action<OperationalReporterOptions> configure)
        => builder.AddOperationalReporter(OperationalReporterOptions.DefaultName, configure);

    /// <summary>Adds a operational reporter with a name of its own (its files are <c>operational_report-{name}.*</c> unless <see cref="OperationalReporterOptions.FileName"/> says otherwise).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The reporter's name, unique among operational reporters.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddOperationalReporter(this IObservabilityBuilder builder, string name, Action<OperationalReporterOptions> configure)
        => ReporterRegistration.Add(builder, name, ProviderRegistration.From(configure), Create);

    /// <summary>Adds the operational reporter named <c>operational</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="OperationalReporterOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddOperationalReporter(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ReporterRegistration.Add<OperationalReporter, OperationalReporterOptions>(builder, OperationalReporterOptions.DefaultName, options => options.Bind(configuration), Create);
    }

    private static OperationalReporter Create(IServiceProvider services, string name, OperationalReporterOptions options) => new(options, name);
}
