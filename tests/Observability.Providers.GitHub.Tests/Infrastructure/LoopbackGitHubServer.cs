using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

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
/// <see langword="null"/> (for example <see cref="Hang"/>) never answers until the server is disposed.
/// </summary>
internal sealed class LoopbackGitHubServer : IAsyncDisposable
{
    public const string ApiPrefix = "/api/v3";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Func<LoopbackResponse?>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<LoopbackRequest, LoopbackResponse?>> _prefixes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackGitHubServer()
    {
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Prefixes.Add(OtherHostAddress.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    /// <summary>Gets the same server under another host name, standing in for the log storage host of the signed URLs.</summary>
    public Uri OtherHostAddress => new($"http://localhost:{Port}/");

    public Uri BaseAddress { get; }

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>Gets the exceptions thrown by route handlers (a test bug, not a GitHub behaviour).</summary>
    public ConcurrentQueue<Exception> HandlerErrors { get; } = new();

    /// <summary>Gets a task completed when a request reached a hanging route.</summary>
    public TaskCompletionSource HangReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The answer of a route that never answers.</summary>
    public static LoopbackResponse? Hang() => null;

    public static string Api(string path) => ApiPrefix + path;

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    public string OtherHostUrl(string pathAndQuery) => new Uri(OtherHostAddress, pathAndQuery).ToString();

    public void Route(string key, LoopbackResponse response) => _routes[key] = () => response;

    public void Route(string key, Func<LoopbackResponse?> response) => _routes[key] = response;

    /// <summary>Answers every request whose path starts with <paramref name="prefix"/> and has no exact route.</summary>
    public void RoutePrefix(string prefix, Func<LoopbackRequest, LoopbackResponse?> handler) => _prefixes[prefix] = handler;

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

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string Key(Uri url)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        return int.TryParse(query["page"], out var page) && page > 1 ? $"{url.AbsolutePath}?page={page}" : url.AbsolutePath;
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
        var url = context.Request.Url!;
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var request = new LoopbackRequest(context.Request.HttpMethod, url.PathAndQuery, context.Request.Headers["Authorization"], body);
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
        try
        {
            if (response is null)
            {
                HangReached.TrySetResult();
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentLength64 = response.Body.Length;
            await context.Response.OutputStream.WriteAsync(response.Body);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away or the server is stopping.
        }
    }
}
