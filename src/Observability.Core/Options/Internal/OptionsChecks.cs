using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>
/// Every options instance the library registers with start-up validation, each as a way to build it, so that
/// <c>ValidateObservabilityOptions</c> can build each one on its own and list every problem of every one (the
/// host's start-up validator stops at the first value the binder cannot convert).
/// </summary>
internal sealed class OptionsChecks
{
    private readonly List<(string Label, Action<IServiceProvider> Build)> _checks = [];

    public IReadOnlyList<(string Label, Action<IServiceProvider> Build)> Checks => _checks;

    /// <summary>Adds the check of <typeparamref name="TOptions"/> named <paramref name="name"/> (once).</summary>
    public static void Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services, string name)
        where TOptions : class
    {
        var registry = GetOrAdd(services);
        var label = string.IsNullOrEmpty(name) ? typeof(TOptions).Name : $"{typeof(TOptions).Name} '{name}'";
        if (registry._checks.All(c => c.Label != label))
        {
            registry._checks.Add((label, sp => _ = sp.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name)));
        }
    }

    /// <summary>
    /// Registers the unnamed <typeparamref name="TOptions"/> as every single-instance part of the library does: validated at
    /// start-up by <typeparamref name="TValidator"/> (added once) and listed for <c>ValidateObservabilityOptions</c>.
    /// </summary>
    /// <returns>The options builder, to configure or bind.</returns>
    public static OptionsBuilder<TOptions> AddValidated<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var options = services.AddOptions<TOptions>().ValidateOnStart();
        Register<TOptions>(services, Options.DefaultName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return options;
    }

    private static OptionsChecks GetOrAdd(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(OptionsChecks) && descriptor.ImplementationInstance is OptionsChecks existing)
            {
                return existing;
            }
        }

        var registry = new OptionsChecks();
        services.AddSingleton(registry);
        return registry;
    }
}
