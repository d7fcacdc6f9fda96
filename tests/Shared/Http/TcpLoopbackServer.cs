using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Observability.Tests.Http;

/// <summary>A request as the <see cref="TcpLoopbackServer"/> read it: method, path with query, headers (any case) and body.</summary>
internal sealed record TcpLoopbackRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// An answer of the <see cref="TcpLoopbackServer"/>: status line, the headers in order (the server adds
/// <c>Content-Length</c> and <c>Connection: close</c> after them) and the body as UTF-8. <paramref name="WithoutLength"/>
/// leaves <c>Content-Length</c> out: the body then ends when the connection closes.
/// </summary>
internal sealed record TcpLoopbackResponse(int Status, string ReasonPhrase, IEnumerable<KeyValuePair<string, string>> Headers, string Body, bool WithoutLength = false);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port (TcpListener, no Kestrel), one connection per request: it reads
/// each request, asks the test's <c>respond</c> for the answer (<see langword="null"/> never answers, until the server
/// stops) and writes it. What a test server adds (recording, scripts, checks) lives in the server that owns this one.
/// </summary>
/// <remarks>Linked into the test projects that need it from <c>tests/Shared/Http</c>: one copy of the code.</remarks>
internal sealed class TcpLoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<TcpLoopbackRequest, TcpLoopbackResponse?> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts listening; <paramref name="respond"/> answers every request (on a thread-pool thread).</summary>
    public TcpLoopbackServer(Func<TcpLoopbackRequest, TcpLoopbackResponse?> respond)
    {
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Stops listening, ends hanging answers and waits for the accept loop.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped, perhaps before the loop started
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var response = _respond(await ReadRequestAsync(stream));
            if (response is null)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            var body = Encoding.UTF8.GetBytes(response.Body);
            var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {response.ReasonPhrase}\r\n");
            foreach (var (name, value) in response.Headers)
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            if (!response.WithoutLength)
            {
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
            }

            head.Append("Connection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server stops.
        }
    }

    private async Task<TcpLoopbackRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("the client closed the connection mid-request");
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var first = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(static l => l.Split(':', 2)).ToDictionary(static p => p[0].Trim(), static p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), _stop.Token);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return new TcpLoopbackRequest(first[0], first[1], headers, Encoding.UTF8.GetString(body, 0, read));
    }

    private static bool EndsWithBlankLine(List<byte> b)
        => b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';
}
