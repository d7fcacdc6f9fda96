using Microsoft.Extensions.Configuration;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a <see cref="LogAlertSink"/> to Observability.</summary>
public static class LogAlertSinkObservabilityBuilderExtensions
{
    /// <summary>Adds a log alert sink named <c>log</c> with default options.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddLogAlertSink(this IObservabilityBuilder builder)
        => builder.AddLogAlertSink(LogAlertSinkOptions.DefaultName, static _ => { });

    /// <summary>Adds a log alert sink named <c>log</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddLogAlertSink(this IObservabilityBuilder builder, Action<LogAlertSinkOptions> configure)
        => builder.AddLogAlertSink(LogAlertSinkOptions.DefaultName, configure);

    /// <summary>Adds a log alert sink with a name of its own.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The sink's name, unique among sinks.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddLogAlertSink(this IObservabilityBuilder builder, string name, Action<LogAlertSinkOptions> configure)
        => ProviderRegistration.Add<IAlertSink, LogAlertSinkOptions>(builder, name, ProviderRegistration.From(configure), Create);

    /// <summary>Adds a log alert sink named <c>log</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="LogAlertSinkOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddLogAlertSink(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return ProviderRegistration.Add<IAlertSink, LogAlertSinkOptions>(builder, LogAlertSinkOptions.DefaultName, options => options.Bind(configuration), Create);
    }

    private static LogAlertSink Create(IServiceProvider services, string name, LogAlertSinkOptions options)
        => new(name, options, ProviderRegistration.LoggerFactory(services));
}
