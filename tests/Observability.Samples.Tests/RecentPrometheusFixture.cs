using Observability.Tests.Prometheus;

namespace Observability.Samples.Tests;

/// <summary>
/// One real Prometheus holding <see cref="TwoServicesHistory"/> for the week ending now by the wall clock (rounded down to
/// the minute), as a live server scraping every 5 minutes holds it when the sample runs. Not rounded to the sample's
/// 30-minute step: the sample's window ends at the unrounded now, so history that stopped up to 30 minutes earlier would
/// leave its last snapshot a partial rate (Prometheus extrapolates at most half a sample interval past the last sample)
/// and its recent throughput would depend on the minute the test runs.
/// </summary>
public sealed class RecentPrometheusFixture : IAsyncLifetime
{
    private static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private PrometheusServer? _server;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The Prometheus server has not started.");

    /// <summary>The newest sample's time.</summary>
    public DateTimeOffset End { get; private set; }

    public async Task InitializeAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        End = new DateTimeOffset(now.Ticks - (now.Ticks % Resolution.Ticks), TimeSpan.Zero);
        _server = await PrometheusServer.StartAsync(path => TwoServicesHistory.Write(path, End));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
