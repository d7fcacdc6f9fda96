using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Observability.Tests.Http;

namespace Observability.Providers.GitHub.Tests.Infrastructure;

/// <summary>A canned answer of the loopback server.</summary>
internal sealed record LoopbackResponse(int Status, byte[] Body, string ContentType = "application/json; charset=utf-8", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static LoopbackResponse Json(string body, int status = 200, IReadOnlyDictionary<string, string>? headers = null)
        => new(status, Encoding.UTF8.GetBytes(body), Headers: headers);

    public static LoopbackResponse Redirect(string location) => new(302, [], "text/plain", new Dictionary<string, string> { ["Location"] = location });
}

/// <summary>A request the loopback server received, with its body as text (empty when it had none).</summary>
internal sealed record LoopbackRequest(string Method, string PathAndQuery, string? Authorization, string Body = "")
{
    /// <summary>Gets the path without the query.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary>Gets a query parameter, or <see langword="null"/>.</summary>
    public string? Query(string name) => System.Web.HttpUtility.ParseQueryString(PathAndQuery.Contains('?', StringComparison.Ordinal) ? PathAndQuery.Split('?', 2)[1] : string.Empty)[name];
}

/// <summary>
/// A GitHub API stand-in on 127.0.0.1 and a free port (HttpListener). Routes are keyed by the path, plus
/// <c>?page=N</c> for N above 1, and answer with fixture bodies. Octokit appends <c>/api/v3/</c> to any base address
/// other than github.com, so API routes are registered under that prefix (see <see cref="Api"/>). A path with no
/// exact route goes to the longest matching prefix handler (<see cref="RoutePrefix"/>), which sees the whole request
/// (method, query, body) and may keep state across requests. Unknown paths get GitHub's 404 body; a route answering
/// <see langword="null"/> (for example <see cref="Hang"/>) never answers until the server is disposed. The listening and
/// answering is the shared <see cref="HttpListenerLoopbackServer"/>'s.
/// </summary>
internal sealed class LoopbackGitHubServer : IAsyncDisposable
{
    public const string ApiPrefix = "/api/v3";

    private readonly ConcurrentDictionary<string, Func<LoopbackResponse?>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<LoopbackRequest, LoopbackResponse?>> _prefixes = new(StringComparer.Ordinal);
    private readonly HttpListenerLoopbackServer _server;

    public LoopbackGitHubServer()
    {
        _server = new HttpListenerLoopbackServer(AnswerAsync, static port => $"http://localhost:{port}/");
    }

    public int Port => _server.Port;

    /// <summary>Gets the same server under another host name, standing in for the log storage host of the signed URLs.</summary>
    public Uri OtherHostAddress => new($"http://localhost:{Port}/");

    public Uri BaseAddress => _server.BaseAddress;

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>Gets the exceptions thrown by route handlers (a test bug, not a GitHub behaviour).</summary>
    public ConcurrentQueue<Exception> HandlerErrors { get; } = new();

    /// <summary>Gets a task completed when a request reached a hanging route.</summary>
    public TaskCompletionSource HangReached => _server.HangReached;

    /// <summary>The answer of a route that never answers.</summary>
    public static LoopbackResponse? Hang() => null;

    public static string Api(string path) => ApiPrefix + path;

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    public string OtherHostUrl(string pathAndQuery) => new Uri(OtherHostAddress, pathAndQuery).ToString();

    public void Route(string key, LoopbackResponse response) => _routes[key] = () => response;

    public void Route(string key, Func<LoopbackResponse?> response) => _routes[key] = response;

    /// <summary>Answers every request whose path starts with <paramref name="prefix"/> and has no exact route.</summary>
    public void RoutePrefix(string prefix, Func<LoopbackRequest, LoopbackResponse?> handler) => _prefixes[prefix] = handler;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public static int FreePort() => HttpListenerLoopbackServer.FreePort();

    private static string Key(Uri url)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        return int.TryParse(query["page"], out var page) && page > 1 ? $"{url.AbsolutePath}?page={page}" : url.AbsolutePath;
    }

    private async Task<HttpListenerAnswer?> AnswerAsync(HttpListenerRequest http)
    {
        var url = http.Url!;
        string body;
        using (var reader = new StreamReader(http.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var request = new LoopbackRequest(http.HttpMethod, url.PathAndQuery, http.Headers["Authorization"], body);
        Requests.Enqueue(request);
        var prefix = _prefixes.Keys.Where(p => url.AbsolutePath.StartsWith(p, StringComparison.Ordinal)).OrderByDescending(static p => p.Length).FirstOrDefault();
        LoopbackResponse? response;
        try
        {
            response = _routes.TryGetValue(Key(url), out var route) ? route()
                : prefix is not null ? _prefixes[prefix](request)
                : LoopbackResponse.Json("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}""", 404);
        }
        catch (Exception e)
        {
            // A bug in a test handler: answer 599 (no client retries or maps it) and keep the error for the test to show.
            HandlerErrors.Enqueue(e);
            response = LoopbackResponse.Json("""{"message":"loopback handler failed"}""", 599);
        }

        return response is null ? null : new HttpListenerAnswer(response.Status, response.Body, response.Headers, response.ContentType);
    }
}
