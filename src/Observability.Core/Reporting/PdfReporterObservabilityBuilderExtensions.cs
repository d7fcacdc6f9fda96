using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <see cref="PdfReporter"/> (<c>health-report.pdf</c>) to Observability.</summary>
public static class PdfReporterObservabilityBuilderExtensions
{
    /// <summary>Adds the PDF reporter named <c>pdf</c> with default options; calling it again (or after another overload registered <c>pdf</c>) adds nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddPdfReporter(this IObservabilityBuilder builder)
        => ReporterRegistration.AddDefault<PdfReporter, PdfReporterOptions>(builder, PdfReporterOptions.DefaultName, Create);

    /// <summary>Adds the PDF reporter named <c>pdf</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddPdfReporter(this IObservabilityBuilder builder, Action<PdfReporterOptions> configure)
        => builder.AddPdfReporter(PdfReporterOptions.DefaultName, configure);

    /// <summary>Adds a PDF reporter with a name of its own (its file is <c>health-report-{name}.pdf</c> unless <see cref="PdfReporterOptions.FileName"/> says otherwise).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The reporter's name, unique among PDF reporters.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddPdfReporter(this IObservabilityBuilder builder, string name, Action<PdfReporterOptions> configure)
        => ReporterRegistration.Add(builder, name, ProviderRegistration.From(configure), Create);

    /// <summary>Adds the PDF reporter named <c>pdf</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="PdfReporterOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddPdfReporter(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ReporterRegistration.Add<PdfReporter, PdfReporterOptions>(builder, PdfReporterOptions.DefaultName, options => options.Bind(configuration), Create);
    }

    private static PdfReporter Create(IServiceProvider services, string name, PdfReporterOptions options)
    {
        var observability = services.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        return new(options, observability.Thresholds, name, observability.Reports.FileName);
    }
}
