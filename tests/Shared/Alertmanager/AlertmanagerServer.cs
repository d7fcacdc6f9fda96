using Observability.Tests.Servers;

namespace Observability.Tests.Alertmanager;

/// <summary>
/// A real Alertmanager for tests: <c>prometheus-alertmanager</c> (Debian's name of the binary) on 127.0.0.1 and a free port,
/// with a temp directory for its configuration and storage and the cluster listener switched off (an empty
/// <c>--cluster.listen-address=</c>, otherwise gossip binds 0.0.0.0:9094). Waits for <c>/-/ready</c> (bounded) and kills its
/// process by PID on dispose. A missing binary fails with the command that installs it.
/// </summary>
/// <remarks>
/// Linked into the test projects that need it from <c>tests/Shared/Alertmanager</c>, with <c>tests/Shared/Servers</c>
/// (<see cref="ServerProcess"/>): one copy of the code.
/// </remarks>
internal sealed class AlertmanagerServer : IAsyncDisposable
{
    private const string Binary = "prometheus-alertmanager";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A configuration that accepts every alert and notifies nobody.</summary>
    private const string Configuration = "route:\n  receiver: 'null'\n  group_wait: 1s\nreceivers:\n  - name: 'null'\n";

    private readonly ServerProcess _process = new(Binary, "observability-am-");

    private AlertmanagerServer()
    {
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts the server and waits until it is ready.</summary>
    public static Task<AlertmanagerServer> StartAsync()
        => ServerProcess.StartOrDisposeAsync(static () => new AlertmanagerServer(), server => server.InitializeAsync());

    /// <summary>Kills the server by PID and removes its temp directory.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task InitializeAsync()
    {
        var binary = ServerProcess.RequireOnPath(Binary, "Alertmanager", "prometheus-alertmanager 0.25");
        var directory = _process.CreateDirectory();
        var config = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(config, Configuration);
        var port = ServerProcess.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _process.Start(binary,
        [
            $"--config.file={config}", $"--storage.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", $"--web.external-url=http://127.0.0.1:{port}",
        ]);
        await _process.WaitUntilHttpReadyAsync(new Uri(Address, "-/ready"), ReadyTimeout, $"at {Address} was not ready");
    }
}
