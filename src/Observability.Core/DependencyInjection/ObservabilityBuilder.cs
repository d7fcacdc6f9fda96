using Microsoft.Extensions.DependencyInjection;

namespace Observability.Internal;

internal sealed class ObservabilityBuilder(IServiceCollection services) : IObservabilityBuilder
{
    public IServiceCollection Services { get; } = services;
}
