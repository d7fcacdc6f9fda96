using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Observability.Providers.Discord.Tests.Support;

/// <summary>
/// A loopback Discord webhook (TcpListener on 127.0.0.1 and a free port, no Kestrel). POST
/// <c>/api/v10/webhooks/{id}/{token}</c> is checked against every documented limit (<see cref="DiscordLimitChecker"/>):
/// 400 with Discord's 50035 body when a limit is broken, else 200 with the real message fixture. Scripted answers
/// (<see cref="Enqueue"/>) replace that for the next requests in order: 429 transcripts, 404, 500, hanging. An unknown
/// webhook id answers 404 (10015) and a wrong token 401 (50027), as Discord does. Every request is recorded.
/// </summary>
internal sealed class DiscordWebhookServer : IAsyncDisposable
{
    public const ulong WebhookId = 223704706495545344;
    public const string Token = "tok3n-SeCrEt_0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<DiscordAnswer> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _badRequests;

    public DiscordWebhookServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Gets the webhook URL as Discord's UI shows it (no API version).</summary>
    public Uri WebhookUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/api/webhooks/{WebhookId}/{Token}"));

    public ConcurrentQueue<DiscordRequest> Requests { get; } = new();

    /// <summary>Gets how many requests were answered 400 by the limit checks.</summary>
    public int BadRequests => Volatile.Read(ref _badRequests);

    /// <summary>Gets the bodies of the messages the server accepted (200).</summary>
    public ConcurrentQueue<string> Accepted { get; } = new();

    /// <summary>Queues answers for the next webhook requests, in order; afterwards the server validates and accepts again.</summary>
    public void Enqueue(params DiscordAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

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

    private DiscordAnswer Answer(DiscordRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        if (request.Method != "POST" || segments.Length != 5 || segments[0] != "api" || segments[1] != "v10" || segments[2] != "webhooks")
        {
            return DiscordAnswer.Json(404, """{"message": "404: Not Found", "code": 0}""");
        }

        if (segments[3] != WebhookId.ToString(CultureInfo.InvariantCulture))
        {
            return DiscordAnswer.Json(404, DiscordFixtures.UnknownWebhook);
        }

        if (segments[4] != Token)
        {
            return DiscordAnswer.Json(401, DiscordFixtures.InvalidToken);
        }

        var answer = _script.TryDequeue(out var scripted) ? scripted : DiscordAnswer.Accept();
        if (!answer.Validate)
        {
            return answer;
        }

        if (DiscordLimitChecker.Check(request.Body) is { } error)
        {
            Interlocked.Increment(ref _badRequests);
            return DiscordAnswer.Json(400, error);
        }

        Accepted.Enqueue(request.Body);
        var headers = new Dictionary<string, string>(answer.Headers, StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        return new DiscordAnswer(200, DiscordFixtures.Read(DiscordFixtures.Message200), headers);
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
                return;
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
            var request = await ReadRequestAsync(stream);
            Requests.Enqueue(request);
            var answer = Answer(request);
            if (answer.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            var body = Encoding.UTF8.GetBytes(answer.Body);
            var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {answer.Status} {Reason(answer.Status)}\r\n");
            foreach (var (name, value) in answer.Headers)
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }

            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server stops.
        }
    }

    private async Task<DiscordRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!(buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
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

        return new DiscordRequest(first[0], first[1], headers, Encoding.UTF8.GetString(body, 0, read));
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "BAD REQUEST",
        401 => "UNAUTHORIZED",
        404 => "NOT FOUND",
        429 => "TOO MANY REQUESTS",
        500 => "INTERNAL SERVER ERROR",
        502 => "BAD GATEWAY",
        _ => "STATUS",
    };
}
