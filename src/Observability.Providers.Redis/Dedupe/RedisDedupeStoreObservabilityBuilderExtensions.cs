using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Replaces the in-memory <see cref="IDedupeStore"/> with a <see cref="RedisDedupeStore"/>, so every replica that shares
/// the Redis sends one notification per fingerprint per window, and keeps the alert state (the firing alerts per pass
/// scope, an <see cref="IAlertStateStore"/>) in the same Redis, so a condition that clears is resolved once by whichever
/// run or replica sees it clear. Calling it again replaces the store again (the options
/// accumulate).
/// </summary>
public static class RedisDedupeStoreObservabilityBuilderExtensions
{
    /// <summary>Uses Redis as the dedupe store; the connection is made on first use and closed with the container.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options (at least <see cref="RedisDedupeStoreOptions.Configuration"/>).</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddRedisDedupeStore(this IObservabilityBuilder builder, Action<RedisDedupeStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, options => options.Configure(configure), connection: null);
    }

    /// <summary>Uses Redis as the dedupe store with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="RedisDedupeStoreOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddRedisDedupeStore(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, options => options.Bind(configuration), connection: null);
    }

    /// <summary>Uses Redis as the dedupe store over a connection the application already has; the store does not dispose it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connection">The connection.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddRedisDedupeStore(this IObservabilityBuilder builder, IConnectionMultiplexer connection)
        => builder.AddRedisDedupeStore(connection, static _ => { });

    /// <summary>Uses Redis as the dedupe store over a connection the application already has; the store does not dispose it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connection">The connection.</param>
    /// <param name="configure">Sets the options (<see cref="RedisDedupeStoreOptions.Configuration"/> is not used).</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddRedisDedupeStore(this IObservabilityBuilder builder, IConnectionMultiplexer connection, Action<RedisDedupeStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, options => options.Configure(configure).Configure(static o => o.UsesExistingConnection = true), connection);
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, Action<OptionsBuilder<RedisDedupeStoreOptions>> configure, IConnectionMultiplexer? connection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        configure(OptionsChecks.AddValidated<RedisDedupeStoreOptions, RedisDedupeStoreOptionsValidator>(services));

        services.RemoveAll<RedisDedupeStore>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedisDedupeStoreOptions>>().Value;
            var time = ProviderRegistration.Time(sp);
            var loggers = ProviderRegistration.LoggerFactory(sp);
            return connection is null ? new RedisDedupeStore(options, time, loggers) : new RedisDedupeStore(connection, options, time, loggers);
        });
        services.RemoveAll<IDedupeStore>();
        services.AddSingleton<IDedupeStore>(static sp => sp.GetRequiredService<RedisDedupeStore>());

        // The memory of firing alerts goes with the dedupe decisions: a cleared condition is resolved by whichever run
        // or replica sees it clear, and inhibition holds across them. Unless ShareAlertState is off: then no store here
        // (the factory's null), and the pipeline keeps that memory itself (or in Alerts:StateDirectory).
        services.RemoveAll<IAlertStateStore>();
        services.AddSingleton<IAlertStateStore>(static sp => sp.GetRequiredService<IOptions<RedisDedupeStoreOptions>>().Value.ShareAlertState
            ? new RedisAlertStateStore(sp.GetRequiredService<RedisDedupeStore>())
            : null!);
        return builder;
    }
}
