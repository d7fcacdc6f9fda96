using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Observability.Tests.Servers;

/// <summary>
/// The part every real-server launcher shares: a temp directory of its own, the binary found on PATH (or a failure naming
/// the command that installs it), a free port on 127.0.0.1, the process started with its output and error captured for
/// the failure messages, a bounded wait until the server is ready, and on dispose a kill by PID and the directory removed.
/// </summary>
/// <remarks>Linked, with the launchers that use it, from <c>tests/Shared/Servers</c>: one copy of the code.</remarks>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly StringBuilder _log = new();
    private readonly string _name;
    private Process? _process;

    /// <summary>Creates a temp directory named <paramref name="directoryPrefix"/> + a GUID for the server <paramref name="name"/>.</summary>
    public ServerProcess(string name, string directoryPrefix)
    {
        _name = name;
        Directory = Path.Combine(Path.GetTempPath(), directoryPrefix + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The server's temp directory (created by <see cref="CreateDirectory"/>, removed on dispose).</summary>
    public string Directory { get; }

    /// <summary>What the process wrote to its output and error so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="initialize"/> on a server from <paramref name="create"/> and returns it; a failure disposes the
    /// server (killing what started, removing its directory) before it is rethrown. A server that exits before it is ready
    /// is tried again, on new ports, up to three times in all: a port found free can be taken before the server binds it
    /// (by another suite's server or an outgoing connection, suites run side by side).
    /// </summary>
    public static async Task<TServer> StartOrDisposeAsync<TServer>(Func<TServer> create, Func<TServer, Task> initialize)
        where TServer : IAsyncDisposable
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = create();
            try
            {
                await initialize(server);
                return server;
            }
            catch (ServerExitedException) when (attempt < StartAttempts)
            {
                await server.DisposeAsync();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>The full path of <paramref name="binary"/> on PATH, or null when it is missing.</summary>
    public static string? FindOnPath(string binary)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, binary))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// The full path of <paramref name="binary"/> on PATH; when it is missing, an exception saying which tests
    /// (<paramref name="server"/>) need it and which apt package (<paramref name="aptPackage"/>) brings it.
    /// </summary>
    public static string RequireOnPath(string binary, string server, string aptPackage)
        => FindOnPath(binary) ?? throw MissingBinary(binary, server, aptPackage);

    /// <summary>The failure of a missing <paramref name="binary"/>, with the command that installs it.</summary>
    public static InvalidOperationException MissingBinary(string binary, string server, string aptPackage)
        => new($"The real-{server} tests need the '{binary}' binary on PATH, and it is missing. "
            + $"Install the real servers with `bash eng/servers.sh install` (apt: {aptPackage}), then run the tests again.");

    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Creates the temp directory and returns its path.</summary>
    public string CreateDirectory()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Directory;
    }

    /// <summary>Starts <paramref name="binary"/> with <paramref name="arguments"/>, capturing its output and error for <see cref="Log"/>.</summary>
    public void Start(string binary, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start.");
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) until a GET of <paramref name="readyUri"/> answers 200.</summary>
    public async Task WaitUntilHttpReadyAsync(Uri readyUri, TimeSpan timeout, string notReady)
    {
        using var client = new HttpClient { Timeout = ProbeTimeout };
        await WaitUntilReadyAsync(
            async () =>
            {
                try
                {
                    using var response = await client.GetAsync(readyUri);
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false; // not listening yet
                }
            },
            timeout,
            TimeSpan.FromMilliseconds(100),
            notReady);
    }

    /// <summary>
    /// Asks <paramref name="isReady"/> every <paramref name="interval"/> until it says yes; fails with the captured log when the
    /// process exits first, or when <paramref name="timeout"/> passes (the message: the server's name, then <paramref name="notReady"/>).
    /// </summary>
    public async Task WaitUntilReadyAsync(Func<Task<bool>> isReady, TimeSpan timeout, TimeSpan interval, string notReady)
    {
        var process = _process ?? throw new InvalidOperationException($"{_name} was not started.");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new ServerExitedException($"{_name} exited with code {process.ExitCode} before it was ready:\n{Log}");
            }

            if (await isReady())
            {
                return;
            }

            await Task.Delay(interval);
        }

        throw new TimeoutException($"{_name} {notReady} within {timeout.TotalSeconds} s:\n{Log}");
    }

    /// <summary>Kills the process (by PID, with its children) and waits for it to exit; the temp directory stays, so it can be started again.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Kills the process (by PID, with its children) if it still runs and removes the temp directory (best effort).</summary>
    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temp directory is left for the OS (or was never created).
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
}

/// <summary>The server's process ended before it was ready (its log in the message).</summary>
internal sealed class ServerExitedException(string message) : InvalidOperationException(message);
