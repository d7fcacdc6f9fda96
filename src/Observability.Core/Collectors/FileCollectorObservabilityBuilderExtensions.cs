using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a <see cref="FileCollector"/> to Observability.</summary>
public static class FileCollectorObservabilityBuilderExtensions
{
    /// <summary>Adds a file collector named <c>file</c> with default options; set its path through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddFileCollector(this IObservabilityBuilder builder)
        => builder.AddFileCollector(FileCollectorOptions.DefaultName, static _ => { });

    /// <summary>Adds a file collector named <c>file</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddFileCollector(this IObservabilityBuilder builder, Action<FileCollectorOptions> configure)
        => builder.AddFileCollector(FileCollectorOptions.DefaultName, configure);

    /// <summary>Adds a file collector with a name of its own.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The collector's name, unique among collectors.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddFileCollector(this IObservabilityBuilder builder, string name, Action<FileCollectorOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a file collector named <c>file</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="FileCollectorOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddFileCollector(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, FileCollectorOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<FileCollectorOptions>> configure)
        => ProviderRegistration.Add<ICollector, FileCollectorOptions, FileCollectorOptionsValidator>(builder, name, configure, Create);

    private static FileCollector Create(IServiceProvider services, string name, FileCollectorOptions options)
        => new(name, options, ProviderRegistration.Time(services), ProviderRegistration.LoggerFactory(services));
}
