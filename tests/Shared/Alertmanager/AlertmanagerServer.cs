using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Observability.Tests.Alertmanager;

/// <summary>
/// A real Alertmanager for tests: <c>prometheus-alertmanager</c> (Debian's name of the binary) on 127.0.0.1 and a free port,
/// with a temp directory for its configuration and storage and the cluster listener switched off (an empty
/// <c>--cluster.listen-address=</c>, otherwise gossip binds 0.0.0.0:9094). Waits for <c>/-/ready</c> (bounded) and kills its
/// process by PID on dispose. A missing binary fails with the command that installs it.
/// </summary>
/// <remarks>Linked into the test projects that need it from <c>tests/Shared/Alertmanager</c>: one copy of the code.</remarks>
internal sealed class AlertmanagerServer : IAsyncDisposable
{
    private const string Binary = "prometheus-alertmanager";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A configuration that accepts every alert and notifies nobody.</summary>
    private const string Configuration = "route:\n  receiver: 'null'\n  group_wait: 1s\nreceivers:\n  - name: 'null'\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "observability-am-" + Guid.NewGuid().ToString("N"));
    private readonly System.Text.StringBuilder _log = new();
    private Process? _server;

    private AlertmanagerServer()
    {
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the server and waits until it is ready.</summary>
    public static async Task<AlertmanagerServer> StartAsync()
    {
        var server = new AlertmanagerServer();
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        var binary = FindOnPath(Binary) ?? throw new InvalidOperationException(
            $"The real-Alertmanager tests need the '{Binary}' binary on PATH, and it is missing. "
            + "Install the real servers with `bash eng/servers.sh install` (apt: prometheus-alertmanager 0.25), then run the tests again.");

        Directory.CreateDirectory(_directory);
        var config = Path.Combine(_directory, "alertmanager.yml");
        await File.WriteAllTextAsync(config, Configuration);
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--storage.path={Path.Combine(_directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", $"--web.external-url=http://127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        _server.ErrorDataReceived += (_, e) => Append(e.Data);
        _server.OutputDataReceived += (_, e) => Append(e.Data);
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

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"{Binary} exited with code {_server.ExitCode} before it was ready:\n{Log()}");
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

        throw new TimeoutException($"{Binary} at {Address} was not ready within {ReadyTimeout.TotalSeconds} s:\n{Log()}");
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
