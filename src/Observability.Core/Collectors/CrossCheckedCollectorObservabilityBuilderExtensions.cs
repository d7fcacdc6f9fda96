using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds a <see cref="CrossCheckedCollector"/> to Observability: sources named in priority order, each a collector
/// registered by name or one created inside the chain, cross-checked within tolerances. The chain is put ahead of the
/// collectors registered before it, so the health monitor (which asks collectors in order and stops at the first with
/// data) asks the chain rather than one of its sources alone; sources registered by name stay registered on their own too.
/// </summary>
public static class CrossCheckedCollectorObservabilityBuilderExtensions
{
    /// <summary>Adds a cross-checked collector named <c>chain</c> with default options; name its sources through its named options.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCrossCheckedCollector(this IObservabilityBuilder builder)
        => builder.AddCrossCheckedCollector(CrossCheckedCollectorOptions.DefaultName, static _ => { });

    /// <summary>Adds a cross-checked collector named <c>chain</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Names the sources in priority order and sets the tolerances.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCrossCheckedCollector(this IObservabilityBuilder builder, Action<CrossCheckedCollectorOptions> configure)
        => builder.AddCrossCheckedCollector(CrossCheckedCollectorOptions.DefaultName, configure);

    /// <summary>Adds a cross-checked collector with a name of its own.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The chain's name, unique among collectors.</param>
    /// <param name="configure">Names the sources in priority order and sets the tolerances.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCrossCheckedCollector(this IObservabilityBuilder builder, string name, Action<CrossCheckedCollectorOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a cross-checked collector named <c>chain</c> with options bound from configuration (<c>Sources:0</c>, <c>Sources:1</c>, ...).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="CrossCheckedCollectorOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddCrossCheckedCollector(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, CrossCheckedCollectorOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<CrossCheckedCollectorOptions>> configure)
    {
        ProviderRegistration.Add<ICollector, CrossCheckedCollectorOptions>(builder, name, configure, Create);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrossCheckedCollectorOptions>, CrossCheckedCollectorOptionsValidator>());

        // Ahead of the collectors registered before it: the health monitor stops at the first collector with data.
        var services = builder.Services;
        static bool IsCollector(ServiceDescriptor d) => d.ServiceType == typeof(ICollector) && !d.IsKeyedService;
        var chain = services.Last(IsCollector);
        var first = services.First(IsCollector);
        if (!ReferenceEquals(chain, first))
        {
            services.Remove(chain);
            services.Insert(services.IndexOf(first), chain);
        }

        return builder;
    }

    private static CrossCheckedCollector Create(IServiceProvider services, string name, CrossCheckedCollectorOptions options)
    {
        var problems = CrossCheckedCollectorOptionsValidator.Problems(name, options); // without a host, nothing validated them yet
        var sources = new List<ICollector>(options.Sources.Count);
        if (problems.Count == 0)
        {
            foreach (var source in options.Sources)
            {
                var collector = Resolve(services, name, source, options, problems);
                if (collector is not null)
                {
                    sources.Add(collector);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The cross-checked collector '{name}' cannot be built: {string.Join(" ", problems)}");
        }

        var check = new CrossCheckOptions { CrossCheck = options.CrossCheck };
        if (options.DefaultTolerance is { } defaultTolerance)
        {
            check.DefaultTolerance = defaultTolerance;
        }

        foreach (var (metric, tolerance) in options.Metrics)
        {
            check.Metrics[metric] = tolerance;
        }

        return new CrossCheckedCollector(
            name,
            sources,
            check,
            ProviderRegistration.LoggerFactory(services).CreateLogger<CrossCheckedCollector>(),
            services.GetRequiredService<SecretRedactor>());
    }

    private static ICollector? Resolve(IServiceProvider services, string chain, string source, CrossCheckedCollectorOptions options, List<string> problems)
    {
        if (options.Created.TryGetValue(source, out var create))
        {
            var created = create(services);
            if (created is null || !string.Equals(created.Name, source, StringComparison.Ordinal))
            {
                problems.Add($"CrossCheckedCollector:{chain}: the source '{source}' created {(created is null ? "nothing" : $"a collector named '{created.Name}'")}; it must create a collector named '{source}'.");
                return null;
            }

            return created;
        }

        var registered = services.GetKeyedService<ICollector>(source);
        if (registered is null)
        {
            var known = ProviderRegistration.Names(services, typeof(ICollector)).Where(n => !string.Equals(n, chain, StringComparison.Ordinal)).ToArray();
            problems.Add($"CrossCheckedCollector:{chain}:Sources names '{source}', but no collector is registered under that name (registered by name: {(known.Length == 0 ? "none" : string.Join(", ", known))}); register it, e.g. AddPrometheusCollector(\"{source}\", ...), or create it inside the chain with Add.");
        }

        return registered;
    }
}
