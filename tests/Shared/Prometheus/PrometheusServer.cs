using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Observability.Tests.Prometheus;

/// <summary>
/// A real Prometheus for tests: a temp directory, a history written as OpenMetrics (for example by
/// <see cref="HistogramHistory"/>) and backfilled with promtool, then <c>prometheus</c> on 127.0.0.1 and a free port with a
/// long retention (retention counts from the newest block, not the clock). The backfill runs before the server starts, so
/// blocks may cover the last hours too: an empty head never overlaps them. Waits for <c>/-/ready</c> (bounded), kills its
/// process by PID on dispose. A missing binary fails with the command that installs it.
/// </summary>
/// <remarks>Linked into several test projects from <c>tests/Shared/Prometheus</c>: one copy of the code.</remarks>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(120);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "observability-prom-" + Guid.NewGuid().ToString("N"));
    private Process? _server;
    private string _serverLog = string.Empty;

    private PrometheusServer()
    {
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Writes the history with <paramref name="writeOpenMetrics"/> (given the file path), backfills it and starts the server.</summary>
    public static async Task<PrometheusServer> StartAsync(Action<string> writeOpenMetrics)
    {
        ArgumentNullException.ThrowIfNull(writeOpenMetrics);
        var server = new PrometheusServer();
        try
        {
            await server.InitializeAsync(writeOpenMetrics);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(Action<string> writeOpenMetrics)
    {
        var prometheus = FindOnPath("prometheus");
        var promtool = FindOnPath("promtool");
        if (prometheus is null || promtool is null)
        {
            throw new InvalidOperationException(
                $"The real-Prometheus tests need the '{(prometheus is null ? "prometheus" : "promtool")}' binary on PATH, and it is missing. "
                + "Install the real servers with `bash eng/servers.sh install` (apt: prometheus 2.42), then run the tests again.");
        }

        Directory.CreateDirectory(_directory);
        var data = Path.Combine(_directory, "data");
        var history = Path.Combine(_directory, "history.om");
        writeOpenMetrics(history);
        await RunAsync(promtool, ["tsdb", "create-blocks-from", "openmetrics", history, data, "--max-block-duration=24h"]);

        var config = Path.Combine(_directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  evaluation_interval: 1h\nscrape_configs: []\n");
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(prometheus)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--web.listen-address=127.0.0.1:{port}", $"--storage.tsdb.path={data}",
            "--storage.tsdb.retention.time=3650d",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException($"{prometheus} did not start.");
        var log = new System.Text.StringBuilder();
        _server.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); _serverLog = log.ToString(); } };
        _server.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); _serverLog = log.ToString(); } };
        _server.BeginErrorReadLine();
        _server.BeginOutputReadLine();
        await WaitUntilReadyAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temp directory is left for the OS.
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {_server.ExitCode} before it was ready:\n{_serverLog}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "-/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"prometheus at {Address} was not ready within {ReadyTimeout.TotalSeconds} s:\n{_serverLog}");
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

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
