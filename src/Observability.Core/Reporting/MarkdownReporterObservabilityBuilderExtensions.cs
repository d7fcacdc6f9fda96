using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <see cref="MarkdownReporter"/> (<c>health-report.md</c>) to Observability.</summary>
public static class MarkdownReporterObservabilityBuilderExtensions
{
    /// <summary>Adds the Markdown reporter named <c>markdown</c> with default options; calling it again (or after another overload registered <c>markdown</c>) adds nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddMarkdownReporter(this IObservabilityBuilder builder)
        => ReporterRegistration.AddDefault<MarkdownReporter, MarkdownReporterOptions>(builder, MarkdownReporterOptions.DefaultName, Create);

    /// <summary>Adds the Markdown reporter named <c>markdown</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddMarkdownReporter(this IObservabilityBuilder builder, Action<MarkdownReporterOptions> configure)
        => builder.AddMarkdownReporter(MarkdownReporterOptions.DefaultName, configure);

    /// <summary>Adds a Markdown reporter with a name of its own (its file is <c>health-report-{name}.md</c> unless <see cref="MarkdownReporterOptions.FileName"/> says otherwise).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The reporter's name, unique among Markdown reporters.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddMarkdownReporter(this IObservabilityBuilder builder, string name, Action<MarkdownReporterOptions> configure)
        => ReporterRegistration.Add(builder, name, ProviderRegistration.From(configure), Create);

    /// <summary>Adds the Markdown reporter named <c>markdown</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="MarkdownReporterOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddMarkdownReporter(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ReporterRegistration.Add<MarkdownReporter, MarkdownReporterOptions>(builder, MarkdownReporterOptions.DefaultName, options => options.Bind(configuration), Create);
    }

    private static MarkdownReporter Create(IServiceProvider services, string name, MarkdownReporterOptions options)
        => new(options, name, services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Reports.FileName);
}
