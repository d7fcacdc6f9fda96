using Observability;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds your own collectors, alert sinks and reporters to Observability.</summary>
public static class ObservabilityBuilderExtensions
{
    /// <summary>
    /// Adds a collector instance. Collectors are asked in the order they are added. It can also be named as a source of
    /// a cross-checked collector, by its <see cref="ICollector.Name"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="collector">The collector.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCollector(this IObservabilityBuilder builder, ICollector collector)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(collector);
        builder.Services.AddSingleton(collector);
        if (!string.IsNullOrWhiteSpace(collector.Name))
        {
            builder.Services.AddKeyedSingleton(collector.Name, collector);
        }

        return builder;
    }

    /// <summary>Adds a collector built from the services. Collectors are asked in the order they are added.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the collector.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCollector(this IObservabilityBuilder builder, Func<IServiceProvider, ICollector> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Adds an alert sink instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="sink">The sink.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddAlertSink(this IObservabilityBuilder builder, IAlertSink sink)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sink);
        builder.Services.AddSingleton(sink);
        return builder;
    }

    /// <summary>Adds an alert sink built from the services.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the sink.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddAlertSink(this IObservabilityBuilder builder, Func<IServiceProvider, IAlertSink> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Adds a reporter instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="reporter">The reporter.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddReporter(this IObservabilityBuilder builder, IReporter reporter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(reporter);
        builder.Services.AddSingleton(reporter);
        return builder;
    }
}
