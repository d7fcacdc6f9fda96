using Microsoft.Extensions.Configuration;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <see cref="SloViolationsReporter"/> (<c>slo_violations.json</c> and <c>.md</c>) to Observability.</summary>
public static class SloViolationsReporterObservabilityBuilderExtensions
{
    /// <summary>Adds the SLO violations reporter named <c>slo_violations</c> with default options; calling it again (or after another overload registered <c>slo_violations</c>) adds nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSloViolationsReporter(this IObservabilityBuilder builder)
        => ReporterRegistration.AddDefault<SloViolationsReporter, SloViolationsReporterOptions>(builder, SloViolationsReporterOptions.DefaultName, Create);

    /// <summary>Adds the SLO violations reporter named <c>slo_violations</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSloViolationsReporter(this IObservabilityBuilder builder, Action<SloViolationsReporterOptions> configure)
        => builder.AddSloViolationsReporter(SloViolationsReporterOptions.DefaultName, configure);

    /// <summary>Adds a SLO violations reporter with a name of its own (its files are <c>slo_violations-{name}.json</c> and <c>.md</c> unless <see cref="SloViolationsReporterOptions.FileName"/> says otherwise).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The reporter's name, unique among SLO violations reporters.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSloViolationsReporter(this IObservabilityBuilder builder, string name, Action<SloViolationsReporterOptions> configure)
        => ReporterRegistration.Add(builder, name, ProviderRegistration.From(configure), Create);

    /// <summary>Adds the SLO violations reporter named <c>slo_violations</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="SloViolationsReporterOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSloViolationsReporter(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ReporterRegistration.Add<SloViolationsReporter, SloViolationsReporterOptions>(builder, SloViolationsReporterOptions.DefaultName, options => options.Bind(configuration), Create);
    }

    private static SloViolationsReporter Create(IServiceProvider services, string name, SloViolationsReporterOptions options) => new(options, name);
}
