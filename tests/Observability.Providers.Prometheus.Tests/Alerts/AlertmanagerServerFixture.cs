using System.Text.Json;
using Observability.Tests.Alertmanager;

namespace Observability.Providers.Prometheus.Tests.Alerts;

/// <summary>One real Alertmanager per test class (xunit class fixture), with a reader of <c>GET /api/v2/alerts</c>.</summary>
public sealed class AlertmanagerServerFixture : IAsyncLifetime
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private AlertmanagerServer? _server;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The Alertmanager server has not started.");

    public async Task InitializeAsync() => _server = await AlertmanagerServer.StartAsync();

    /// <summary>The alerts Alertmanager lists (active, silenced and inhibited; resolved ones are not listed) whose alertname is <paramref name="rule"/>.</summary>
    public async Task<JsonElement[]> AlertsAsync(string rule)
    {
        var filter = Uri.EscapeDataString($"alertname=\"{rule}\"");
        var json = await _client.GetStringAsync(new Uri(Address, $"api/v2/alerts?filter={filter}"));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(static e => e.Clone()).ToArray();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
