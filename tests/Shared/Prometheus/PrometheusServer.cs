using System.Diagnostics;
using Observability.Tests.Servers;

namespace Observability.Tests.Prometheus;

/// <summary>
/// A real Prometheus for tests: a temp directory, a history written as OpenMetrics (for example by
/// <see cref="HistogramHistory"/>) and backfilled with promtool, then <c>prometheus</c> on 127.0.0.1 and a free port with a
/// long retention (retention counts from the newest block, not the clock). The backfill runs before the server starts, so
/// blocks may cover the last hours too: an empty head never overlaps them. Waits for <c>/-/ready</c> (bounded), kills its
/// process by PID on dispose. A missing binary fails with the command that installs it.
/// </summary>
/// <remarks>
/// Linked into several test projects from <c>tests/Shared/Prometheus</c>, with <c>tests/Shared/Servers</c>
/// (<see cref="ServerProcess"/>): one copy of the code.
/// </remarks>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    private readonly ServerProcess _process = new("prometheus", "observability-prom-");

    private PrometheusServer()
    {
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Writes the history with <paramref name="writeOpenMetrics"/> (given the file path), backfills it and starts the server.</summary>
    public static Task<PrometheusServer> StartAsync(Action<string> writeOpenMetrics)
    {
        ArgumentNullException.ThrowIfNull(writeOpenMetrics);
        return ServerProcess.StartOrDisposeAsync(static () => new PrometheusServer(), server => server.InitializeAsync(writeOpenMetrics));
    }

    /// <summary>Kills the server by PID and removes its temp directory.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task InitializeAsync(Action<string> writeOpenMetrics)
    {
        var prometheus = ServerProcess.FindOnPath("prometheus");
        var promtool = ServerProcess.FindOnPath("promtool");
        if (prometheus is null || promtool is null)
        {
            throw ServerProcess.MissingBinary(prometheus is null ? "prometheus" : "promtool", "Prometheus", "prometheus 2.42");
        }

        var directory = _process.CreateDirectory();
        var data = Path.Combine(directory, "data");
        var history = Path.Combine(directory, "history.om");
        writeOpenMetrics(history);
        await RunAsync(promtool, ["tsdb", "create-blocks-from", "openmetrics", history, data, "--max-block-duration=24h"]);

        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  evaluation_interval: 1h\nscrape_configs: []\n");
        var port = ServerProcess.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _process.Start(prometheus,
        [
            $"--config.file={config}", $"--web.listen-address=127.0.0.1:{port}", $"--storage.tsdb.path={data}",
            "--storage.tsdb.retention.time=3650d",
        ]);
        await _process.WaitUntilHttpReadyAsync(new Uri(Address, "-/ready"), ReadyTimeout, $"at {Address} was not ready");
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} did not finish within {ToolTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }
}
