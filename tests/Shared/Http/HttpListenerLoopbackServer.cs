using System.Net;
using System.Net.Sockets;

namespace Observability.Tests.Http;

/// <summary>An answer of the <see cref="HttpListenerLoopbackServer"/>: status, body, extra headers and, when given, the content type.</summary>
internal sealed record HttpListenerAnswer(int Status, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null, string? ContentType = null);

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port (HttpListener) for the test servers that stand in for a service: it accepts
/// every request under its prefixes, asks the owner's <c>answer</c> (<see langword="null"/> hangs until the server stops,
/// and completes <see cref="HangReached"/>) and writes the answer. A client that goes away mid-answer is not an error.
/// </summary>
/// <remarks>Linked into the test projects that need it from <c>tests/Shared/Http</c>: one copy of the code.</remarks>
internal sealed class HttpListenerLoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerRequest, Task<HttpListenerAnswer?>> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Listens on <c>http://127.0.0.1:{port}/</c> (a free port), and on <paramref name="otherPrefixes"/> (given the port).</summary>
    public HttpListenerLoopbackServer(Func<HttpListenerRequest, Task<HttpListenerAnswer?>> answer, params Func<int, string>[] otherPrefixes)
    {
        _answer = answer;
        (_listener, Port) = Listen(otherPrefixes);
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Completed when a request got the answer <see langword="null"/> (it hangs).</summary>
    public TaskCompletionSource HangReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    // A port found free can be taken before the listener binds it (suites run side by side, and outgoing connections take
    // ephemeral ports too): then a new port, at most three times in all.
    private static (HttpListener Listener, int Port) Listen(Func<int, string>[] otherPrefixes)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            foreach (var prefix in otherPrefixes)
            {
                listener.Prefixes.Add(prefix(port));
            }

            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 3)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Stops listening, ends hanging answers and waits for the accept loop.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var answer = await _answer(context.Request);
            if (answer is null)
            {
                HangReached.TrySetResult();
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            context.Response.StatusCode = answer.Status;
            if (answer.ContentType is not null)
            {
                context.Response.ContentType = answer.ContentType;
            }

            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentLength64 = answer.Body.Length;
            await context.Response.OutputStream.WriteAsync(answer.Body);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away or the server is stopping.
        }
    }
}
