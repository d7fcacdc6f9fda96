using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Observability.Tests.Redis;

/// <summary>
/// A real Redis for tests: <c>redis-server --bind 127.0.0.1 --port &lt;free&gt; --save '' --appendonly no --daemonize no</c>
/// (no persistence, in the foreground), optionally with <c>--requirepass</c>. Waits (bounded) until it answers <c>PING</c>
/// over a plain socket (<c>+PONG</c>, or <c>-NOAUTH</c> when a password is required) and kills its process by PID on
/// dispose. A missing binary fails with the command that installs it.
/// </summary>
/// <remarks>Linked into the test projects that need it from <c>tests/Shared/Redis</c>: one copy of the code.</remarks>
internal sealed class RedisServer : IAsyncDisposable
{
    private const string Binary = "redis-server";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "observability-redis-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    private Process? _server;

    private RedisServer()
    {
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis configuration string of the server, without a password: <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts the server (requiring <paramref name="password"/> when given) and waits until it answers.</summary>
    public static async Task<RedisServer> StartAsync(string? password = null)
    {
        var server = new RedisServer();
        try
        {
            await server.InitializeAsync(password);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync(string? password)
    {
        var binary = FindOnPath(Binary) ?? throw new InvalidOperationException(
            $"The real-Redis tests need the '{Binary}' binary on PATH, and it is missing. "
            + "Install the real servers with `bash eng/servers.sh install` (apt: redis-server 7.0), then run the tests again.");

        Directory.CreateDirectory(_directory);
        Port = FreePort();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", string.Empty, "--appendonly", "no", "--daemonize", "no", "--dir", _directory })
        {
            start.ArgumentList.Add(argument);
        }

        if (password is not null)
        {
            start.ArgumentList.Add("--requirepass");
            start.ArgumentList.Add(password);
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
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"{Binary} exited with code {_server.ExitCode} before it was ready:\n{Log()}");
            }

            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{Binary} on {Endpoint} did not answer PING within {ReadyTimeout.TotalSeconds} s:\n{Log()}");
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var answer = Encoding.ASCII.GetString(buffer, 0, read);
            return answer.StartsWith("+PONG", StringComparison.Ordinal) || answer.StartsWith("-NOAUTH", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false; // not listening yet
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
