using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <see cref="HtmlReporter"/> (<c>dashboard.html</c>) to Observability.</summary>
public static class HtmlReporterObservabilityBuilderExtensions
{
    /// <summary>Adds the HTML dashboard reporter named <c>html</c> with default options; calling it again (or after another overload registered <c>html</c>) adds nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddHtmlReporter(this IObservabilityBuilder builder)
        => ReporterRegistration.AddDefault<HtmlReporter, HtmlReporterOptions>(builder, HtmlReporterOptions.DefaultName, Create);

    /// <summary>Adds the HTML dashboard reporter named <c>html</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddHtmlReporter(this IObservabilityBuilder builder, Action<HtmlReporterOptions> configure)
        => builder.AddHtmlReporter(HtmlReporterOptions.DefaultName, configure);

    /// <summary>Adds a HTML dashboard reporter with a name of its own (its page is <c>dashboard-{name}.html</c> unless <see cref="HtmlReporterOptions.FileName"/> says otherwise).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The reporter's name, unique among HTML reporters.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddHtmlReporter(this IObservabilityBuilder builder, string name, Action<HtmlReporterOptions> configure)
        => ReporterRegistration.Add(builder, name, ProviderRegistration.From(configure), Create);

    /// <summary>Adds the HTML dashboard reporter named <c>html</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="HtmlReporterOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddHtmlReporter(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ReporterRegistration.Add<HtmlReporter, HtmlReporterOptions>(builder, HtmlReporterOptions.DefaultName, options => options.Bind(configuration), Create);
    }

    private static HtmlReporter Create(IServiceProvider services, string name, HtmlReporterOptions options)
        => new(options, services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Thresholds, name);
}
