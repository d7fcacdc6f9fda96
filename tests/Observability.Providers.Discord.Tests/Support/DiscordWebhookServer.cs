using System.Collections.Concurrent;
using System.Globalization;
using Observability.Tests.Http;

namespace Observability.Providers.Discord.Tests.Support;

/// <summary>
/// A loopback Discord webhook (TcpListener on 127.0.0.1 and a free port, no Kestrel). POST
/// <c>/api/v10/webhooks/{id}/{token}</c> is checked against every documented limit (<see cref="DiscordLimitChecker"/>):
/// 400 with Discord's 50035 body when a limit is broken, else 200 with the real message fixture. Scripted answers
/// (<see cref="Enqueue"/>) replace that for the next requests in order: 429 transcripts, 404, 500, hanging. An unknown
/// webhook id answers 404 (10015) and a wrong token 401 (50027), as Discord does. A bot's Create Message,
/// <c>POST /api/v10/channels/{id}/messages</c>, is served the same way after its <c>Authorization: Bot</c> header (401
/// without the right token) and its channel (404 Unknown Channel, 10003). Every request is recorded. The HTTP
/// plumbing is the shared <see cref="TcpLoopbackServer"/>'s.
/// </summary>
internal sealed class DiscordWebhookServer : IAsyncDisposable
{
    public const ulong WebhookId = 223704706495545344;
    public const string Token = "tok3n-SeCrEt_0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The channel a bot may post to (<c>POST /api/v10/channels/{ChannelId}/messages</c>).</summary>
    public const ulong ChannelId = 199737254929760256;

    /// <summary>The bot token the server accepts (<c>Authorization: Bot {BotToken}</c>).</summary>
    public const string BotToken = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs";

    private readonly ConcurrentQueue<DiscordAnswer> _script = new();
    private readonly TcpLoopbackServer _server;
    private int _badRequests;

    public DiscordWebhookServer()
    {
        _server = new TcpLoopbackServer(Serve);
    }

    public int Port => _server.Port;

    /// <summary>Gets the API base for the bot mode (<c>http://127.0.0.1:{port}/api/v10/</c>).</summary>
    public Uri ApiBaseUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/api/v10/"));

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

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private DiscordAnswer Answer(DiscordRequest request)
    {
        var segments = request.Path.Trim('/').Split('/');
        var channel = request.Method == "POST" && segments.Length == 5 && segments[0] == "api" && segments[1] == "v10" && segments[2] == "channels" && segments[4] == "messages";
        if (!channel && (request.Method != "POST" || segments.Length != 5 || segments[0] != "api" || segments[1] != "v10" || segments[2] != "webhooks"))
        {
            return DiscordAnswer.Json(404, """{"message": "404: Not Found", "code": 0}""");
        }

        if (channel)
        {
            // Create Message: the bot's token first (401 without it), then the channel (404 Unknown Channel, 10003).
            if (!request.Headers.TryGetValue("Authorization", out var authorization) || authorization != "Bot " + BotToken)
            {
                return DiscordAnswer.Json(401, DiscordFixtures.Unauthorized);
            }

            if (segments[3] != ChannelId.ToString(CultureInfo.InvariantCulture))
            {
                return DiscordAnswer.Json(404, DiscordFixtures.UnknownChannel);
            }
        }
        else if (segments[3] != WebhookId.ToString(CultureInfo.InvariantCulture))
        {
            return DiscordAnswer.Json(404, DiscordFixtures.UnknownWebhook);
        }
        else if (segments[4] != Token)
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

    private TcpLoopbackResponse? Serve(TcpLoopbackRequest raw)
    {
        var request = new DiscordRequest(raw.Method, raw.Path, raw.Headers, raw.Body);
        Requests.Enqueue(request);
        var answer = Answer(request);
        return answer.Hang ? null : new TcpLoopbackResponse(answer.Status, Reason(answer.Status), answer.Headers, answer.Body);
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
