using System.Collections.Concurrent;
using System.Net;
using Observability.Tests.Http;

namespace Observability.Providers.Prometheus.Tests.Support;

/// <summary>One request the loopback server received.</summary>
internal sealed record LoopbackRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The form fields of a POST body (application/x-www-form-urlencoded).</summary>
    public IReadOnlyDictionary<string, string> Form => Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(static pair => pair.Split('=', 2))
        .ToDictionary(static p => WebUtility.UrlDecode(p[0]), static p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : string.Empty, StringComparer.Ordinal);
}

/// <summary>
/// One scripted answer; <see cref="Hang"/> never answers (the client must give up); <see cref="Headers"/> are extra response headers;
/// <see cref="WithoutLength"/> sends no <c>Content-Length</c>, the body ending when the connection closes.
/// </summary>
internal sealed record LoopbackResponse(int Status, string Body, string ContentType = "application/json", bool Hang = false, IReadOnlyDictionary<string, string>? Headers = null, bool WithoutLength = false)
{
    public static LoopbackResponse Json(string body, int status = 200) => new(status, body);

    public static LoopbackResponse Never => new(0, string.Empty, Hang: true);
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port (no Kestrel): it records every request and answers with
/// the response the test script chooses, one connection per request. The HTTP plumbing is the shared
/// <see cref="TcpLoopbackServer"/>'s.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly Func<LoopbackRequest, LoopbackResponse> _respond;
    private readonly TcpLoopbackServer _server;

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse> respond)
    {
        _respond = respond;
        _server = new TcpLoopbackServer(Answer);
    }

    public LoopbackHttpServer(string json, int status = 200)
        : this(_ => LoopbackResponse.Json(json, status))
    {
    }

    public Uri Address => new($"http://127.0.0.1:{_server.Port}/");

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private TcpLoopbackResponse? Answer(TcpLoopbackRequest raw)
    {
        var request = new LoopbackRequest(raw.Method, raw.Path, raw.Headers, raw.Body);
        Requests.Enqueue(request);
        var response = _respond(request);
        if (response.Hang)
        {
            return null;
        }

        IEnumerable<KeyValuePair<string, string>> headers = [new("Content-Type", response.ContentType), .. response.Headers ?? new Dictionary<string, string>()];
        return new TcpLoopbackResponse(response.Status, ReasonPhrase(response.Status), headers, response.Body, response.WithoutLength);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
