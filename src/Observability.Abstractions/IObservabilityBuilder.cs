using Microsoft.Extensions.DependencyInjection;

namespace Observability;

/// <summary>
/// The builder returned by <c>services.AddObservability(...)</c>. Providers add collectors,
/// alert sinks and reporters to it through chained extension methods.
/// </summary>
public interface IObservabilityBuilder
{
    /// <summary>Gets the service collection the providers register into.</summary>
    IServiceCollection Services { get; }
}
