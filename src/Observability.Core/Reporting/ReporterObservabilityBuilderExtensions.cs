using Microsoft.Extensions.DependencyInjection.Extensions;
using Observability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the built-in <see cref="IReporter"/>s (JSON and Markdown) to Observability.</summary>
public static class ReporterObservabilityBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="JsonReporter"/>, which writes <c>{FileName}.json</c> into
    /// <see cref="ReportingOptions.OutputDirectory"/> after every pass. Calling it twice adds it once.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddJsonReporter(this IObservabilityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IReporter, JsonReporter>());
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="MarkdownReporter"/>, which writes <c>{FileName}.md</c> into
    /// <see cref="ReportingOptions.OutputDirectory"/> after every pass. Calling it twice adds it once.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddMarkdownReporter(this IObservabilityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IReporter, MarkdownReporter>());
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="SnapshotCsvReporter"/>, which writes <c>snapshots.csv</c> (every judged snapshot with
    /// its metrics, status and alert flags) into <see cref="ReportingOptions.OutputDirectory"/> after every pass.
    /// Calling it twice adds it once.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSnapshotCsvReporter(this IObservabilityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IReporter, SnapshotCsvReporter>());
        return builder;
    }

    /// <summary>
    /// Adds the <see cref="SloViolationsReporter"/> and the <see cref="SloViolationsMarkdownReporter"/>, which write
    /// <c>slo_violations.json</c> and <c>slo_violations.md</c> (every SLO violation of the pass with its SLO, severity,
    /// start, end and observed value) into <see cref="ReportingOptions.OutputDirectory"/> after every pass.
    /// Calling it twice adds them once.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSloViolationsReporter(this IObservabilityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IReporter, SloViolationsReporter>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IReporter, SloViolationsMarkdownReporter>());
        return builder;
    }
}
