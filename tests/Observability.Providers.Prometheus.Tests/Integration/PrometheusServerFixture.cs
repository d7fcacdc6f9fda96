using Observability.Tests.Prometheus;

namespace Observability.Providers.Prometheus.Tests.Integration;

/// <summary>The real Prometheus of the integration tests, holding the week of <see cref="HttpTrafficHistory"/>.</summary>
public sealed class PrometheusServerFixture : IAsyncLifetime
{
    private PrometheusServer? _server;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The Prometheus server has not started.");

    public async Task InitializeAsync() => _server = await PrometheusServer.StartAsync(HttpTrafficHistory.Write);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
