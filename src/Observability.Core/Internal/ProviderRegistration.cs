using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>
/// The one way every provider registers a named plugin: named options, start-up validation,
/// a unique name per role, and a singleton built from the options of that name.
/// </summary>
internal static class ProviderRegistration
{
    public static IObservabilityBuilder Add<TService, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IObservabilityBuilder builder,
        string name,
        Action<OptionsBuilder<TOptions>> configure,
        Func<IServiceProvider, string, TOptions, TService> factory)
        where TService : class
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        var registry = GetOrAddRegistry(builder.Services);
        if (!registry.Add((typeof(TService), name)))
        {
            throw new InvalidOperationException(
                $"A {typeof(TService).Name} named '{name}' is already registered; give the second one another name.");
        }

        configure(builder.Services.AddOptions<TOptions>(name).ValidateOnStart());
        OptionsChecks.Register<TOptions>(builder.Services, name);

        // One instance, reachable two ways: among all of its role, and by its name (a keyed service), so a
        // composite such as the cross-checked collector can name it without resolving the whole role.
        builder.Services.AddKeyedSingleton<TService>(name, (sp, _) =>
            factory(sp, name, sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name)));
        builder.Services.AddSingleton<TService>(sp => sp.GetRequiredKeyedService<TService>(name));
        return builder;
    }

    /// <summary>Whether <see cref="Add{TService, TOptions}"/> registered <paramref name="name"/> for <paramref name="role"/> in <paramref name="services"/>.</summary>
    public static bool IsRegistered(IServiceCollection services, Type role, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        return GetOrAddRegistry(services).Contains((role, name));
    }

    /// <summary>The names registered through <see cref="Add{TService, TOptions}"/> for a role, sorted.</summary>
    public static IReadOnlyList<string> Names(IServiceProvider services, Type role)
        => services.GetService<NameRegistry>()?.Names.Where(n => n.Role == role).Select(static n => n.Name).Order(StringComparer.Ordinal).ToArray() ?? [];

    /// <summary>
    /// <see cref="Add{TService, TOptions}"/>, then the options' start-up validator <typeparamref name="TValidator"/> (once, however
    /// many plugins of the kind there are) and what the provider registers besides per name (<paramref name="addServices"/>,
    /// given the services and the name: an HTTP provider's named client, for example).
    /// </summary>
    public static IObservabilityBuilder Add<
        TService,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        IObservabilityBuilder builder,
        string name,
        Action<OptionsBuilder<TOptions>> configure,
        Func<IServiceProvider, string, TOptions, TService> factory,
        Action<IServiceCollection, string>? addServices = null)
        where TService : class
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        Add(builder, name, configure, factory);
        addServices?.Invoke(builder.Services, name);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return builder;
    }

    /// <summary>
    /// Configures the options with a delegate. For configuration sections, bind at the call site
    /// (<c>options => options.Bind(section)</c>) with the concrete options type, so the
    /// configuration binding source generator can see it.
    /// </summary>
    public static Action<OptionsBuilder<TOptions>> From<TOptions>(Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        return options => options.Configure(configure);
    }

    public static ILoggerFactory LoggerFactory(IServiceProvider services)
        => services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

    public static TimeProvider Time(IServiceProvider services)
        => services.GetService<TimeProvider>() ?? TimeProvider.System;

    private static HashSet<(Type Role, string Name)> GetOrAddRegistry(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(NameRegistry) && descriptor.ImplementationInstance is NameRegistry existing)
            {
                return existing.Names;
            }
        }

        var registry = new NameRegistry();
        services.AddSingleton(registry);
        return registry.Names;
    }

    private sealed class NameRegistry
    {
        public HashSet<(Type Role, string Name)> Names { get; } = [];
    }
}
