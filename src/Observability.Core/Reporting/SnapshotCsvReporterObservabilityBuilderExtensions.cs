using Microsoft.Extensions.Configuration;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <see cref="SnapshotCsvReporter"/> (<c>snapshots.csv</c>) to Observability.</summary>
public static class SnapshotCsvReporterObservabilityBuilderExtensions
{
    /// <summary>Adds the snapshots CSV reporter named <c>csv</c> with default options; calling it again (or after another overload registered <c>csv</c>) adds nothing.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSnapshotCsvReporter(this IObservabilityBuilder builder)
        => ReporterRegistration.AddDefault<SnapshotCsvReporter, SnapshotCsvReporterOptions>(builder, SnapshotCsvReporterOptions.DefaultName, Create);

    /// <summary>Adds the snapshots CSV reporter named <c>csv</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSnapshotCsvReporter(this IObservabilityBuilder builder, Action<SnapshotCsvReporterOptions> configure)
        => builder.AddSnapshotCsvReporter(SnapshotCsvReporterOptions.DefaultName, configure);

    /// <summary>Adds a snapshots CSV reporter with a name of its own (its file is <c>snapshots-{name}.csv</c> unless <see cref="SnapshotCsvReporterOptions.FileName"/> says otherwise).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The reporter's name, unique among snapshots CSV reporters.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSnapshotCsvReporter(this IObservabilityBuilder builder, string name, Action<SnapshotCsvReporterOptions> configure)
        => ReporterRegistration.Add(builder, name, ProviderRegistration.From(configure), Create);

    /// <summary>Adds the snapshots CSV reporter named <c>csv</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="SnapshotCsvReporterOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddSnapshotCsvReporter(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ReporterRegistration.Add<SnapshotCsvReporter, SnapshotCsvReporterOptions>(builder, SnapshotCsvReporterOptions.DefaultName, options => options.Bind(configuration), Create);
    }

    private static SnapshotCsvReporter Create(IServiceProvider services, string name, SnapshotCsvReporterOptions options) => new(options, name);
}
