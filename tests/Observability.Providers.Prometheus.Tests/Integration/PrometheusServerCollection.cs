namespace Observability.Providers.Prometheus.Tests.Integration;

/// <summary>The integration tests share one real Prometheus.</summary>
[CollectionDefinition(Name)]
public sealed class PrometheusServerCollection : ICollectionFixture<PrometheusServerFixture>
{
    public const string Name = "real prometheus";
}
