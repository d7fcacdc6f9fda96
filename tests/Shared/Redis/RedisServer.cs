using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Observability.Tests.Servers;

namespace Observability.Tests.Redis;

/// <summary>
/// A real Redis for tests: <c>redis-server --bind 127.0.0.1 --port &lt;free&gt; --save '' --appendonly no --daemonize no</c>
/// (no persistence, in the foreground), optionally with <c>--requirepass</c>. Waits (bounded) until it answers <c>PING</c>
/// over a plain socket (<c>+PONG</c>, or <c>-NOAUTH</c> when a password is required) and kills its process by PID on
/// dispose. A missing binary fails with the command that installs it.
/// </summary>
/// <remarks>
/// Linked into the test projects that need it from <c>tests/Shared/Redis</c>, with <c>tests/Shared/Servers</c>
/// (<see cref="ServerProcess"/>): one copy of the code.
/// </remarks>
internal sealed class RedisServer : IAsyncDisposable
{
    private const string Binary = "redis-server";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly ServerProcess _process = new(Binary, "observability-redis-");
    private string? _binary;
    private List<string>? _arguments;

    private RedisServer()
    {
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis configuration string of the server, without a password: <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts the server (requiring <paramref name="password"/> when given) and waits until it answers.</summary>
    public static Task<RedisServer> StartAsync(string? password = null)
        => ServerProcess.StartOrDisposeAsync(static () => new RedisServer(), server => server.InitializeAsync(password));

    /// <summary>Kills the server by PID (an outage); <see cref="RestartAsync"/> brings it back on the same port, empty.</summary>
    public void Stop() => _process.Kill();

    /// <summary>Starts the server again on the same port, after <see cref="Stop"/>, and waits until it answers.</summary>
    public async Task RestartAsync()
    {
        _process.Start(_binary!, _arguments!, workingDirectory: _process.Directory);
        await _process.WaitUntilReadyAsync(PingAsync, ReadyTimeout, TimeSpan.FromMilliseconds(50), $"on {Endpoint} did not answer PING after a restart");
    }

    /// <summary>Kills the server by PID and removes its temp directory.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task InitializeAsync(string? password)
    {
        var binary = ServerProcess.RequireOnPath(Binary, "Redis", "redis-server 7.0");
        var directory = _process.CreateDirectory();
        Port = ServerProcess.FreePort();
        List<string> arguments =
        [
            "--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--save", string.Empty,
            "--appendonly", "no", "--daemonize", "no", "--dir", directory,
        ];
        if (password is not null)
        {
            arguments.AddRange(["--requirepass", password]);
        }

        (_binary, _arguments) = (binary, arguments);
        _process.Start(binary, arguments, workingDirectory: directory);
        await _process.WaitUntilReadyAsync(PingAsync, ReadyTimeout, TimeSpan.FromMilliseconds(50), $"on {Endpoint} did not answer PING");
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
}
