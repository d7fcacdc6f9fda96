using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Observability.Providers.Sentry.Tests.Infrastructure;

/// <summary>An envelope request the loopback endpoint received.</summary>
/// <param name="Path">The request path.</param>
/// <param name="Auth">The <c>X-Sentry-Auth</c> header.</param>
/// <param name="ContentEncoding">The <c>Content-Encoding</c> header.</param>
/// <param name="Body">The body, decompressed.</param>
/// <param name="Envelope">The parsed envelope.</param>
internal sealed record ReceivedEnvelope(string Path, string? Auth, string? ContentEncoding, byte[] Body, SentryEnvelope Envelope)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A Sentry ingestion endpoint on 127.0.0.1 and a free port (HttpListener): <c>POST /api/{project}/envelope/</c> with
/// <c>X-Sentry-Auth</c> carrying the project's key. It decompresses gzip bodies, parses the envelopes the real SDK
/// sends, and answers with <see cref="Responder"/> (the documented 200 by default; <see langword="null"/> hangs until
/// the client gives up). A request to another path or without the key gets 404 or 403 and is not recorded.
/// </summary>
internal sealed class LoopbackSentryServer : IAsyncDisposable
{
    public const string Project = "42";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackSentryServer(string publicKey)
    {
        PublicKey = publicKey;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string PublicKey { get; }

    public int Port { get; }

    /// <summary>Gets the DSN of the loopback project: <c>http://{key}@127.0.0.1:{port}/42</c>.</summary>
    public string Dsn => $"http://{PublicKey}@127.0.0.1:{Port}/{Project}";

    /// <summary>Gets or sets the answer to each envelope; <see langword="null"/> never answers.</summary>
    public Func<ReceivedEnvelope, SentryResponse?> Responder { get; set; } = static _ => SentryResponse.Accepted;

    public ConcurrentQueue<ReceivedEnvelope> Received { get; } = new();

    /// <summary>Gets the requests refused before parsing (wrong path or missing key), as "status path".</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public TaskCompletionSource HangReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A DSN whose port refuses connections.</summary>
    public static string UnreachableDsn(string publicKey) => $"http://{publicKey}@127.0.0.1:1/{Project}";

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public ReceivedEnvelope Single() => Assert.Single(Received);

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

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        Stream source = request.Headers["Content-Encoding"] switch
        {
            "gzip" => new GZipStream(request.InputStream, CompressionMode.Decompress),
            "deflate" => new ZLibStream(request.InputStream, CompressionMode.Decompress),
            "br" => new BrotliStream(request.InputStream, CompressionMode.Decompress),
            _ => request.InputStream,
        };
        await using (source)
        {
            await source.CopyToAsync(buffer);
        }

        return buffer.ToArray();
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
            var request = context.Request;
            var path = request.Url!.AbsolutePath;
            var auth = request.Headers["X-Sentry-Auth"];
            SentryResponse? response;
            if (request.HttpMethod != "POST" || path != $"/api/{Project}/envelope/")
            {
                Refused.Enqueue($"404 {path}");
                response = SentryResponse.Bare(404);
            }
            else if (auth is null || !auth.Contains($"sentry_key={PublicKey}", StringComparison.Ordinal))
            {
                // The docs: no authentication at all gives 403.
                Refused.Enqueue($"403 {path}");
                response = SentryResponse.Bare(403);
            }
            else
            {
                var body = await ReadBodyAsync(request);
                var received = new ReceivedEnvelope(path, auth, request.Headers["Content-Encoding"], body, SentryEnvelope.Parse(body));
                Received.Enqueue(received);
                response = Responder(received);
            }

            if (response is null)
            {
                HangReached.TrySetResult();
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
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
