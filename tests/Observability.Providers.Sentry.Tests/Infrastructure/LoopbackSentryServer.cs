using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using Observability.Tests.Http;

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
/// the client gives up). A request to another path or without the key gets 404 or 403 and is not recorded. The listening
/// and answering is the shared <see cref="HttpListenerLoopbackServer"/>'s.
/// </summary>
internal sealed class LoopbackSentryServer : IAsyncDisposable
{
    public const string Project = "42";

    private readonly HttpListenerLoopbackServer _server;

    public LoopbackSentryServer(string publicKey)
    {
        PublicKey = publicKey;
        _server = new HttpListenerLoopbackServer(AnswerAsync);
    }

    public string PublicKey { get; }

    public int Port => _server.Port;

    /// <summary>Gets the DSN of the loopback project: <c>http://{key}@127.0.0.1:{port}/42</c>.</summary>
    public string Dsn => $"http://{PublicKey}@127.0.0.1:{Port}/{Project}";

    /// <summary>Gets or sets the answer to each envelope; <see langword="null"/> never answers.</summary>
    public Func<ReceivedEnvelope, SentryResponse?> Responder { get; set; } = static _ => SentryResponse.Accepted;

    public ConcurrentQueue<ReceivedEnvelope> Received { get; } = new();

    /// <summary>Gets the requests refused before parsing (wrong path or missing key), as "status path".</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public TaskCompletionSource HangReached => _server.HangReached;

    /// <summary>A DSN whose port refuses connections.</summary>
    public static string UnreachableDsn(string publicKey) => $"http://{publicKey}@127.0.0.1:1/{Project}";

    public static int FreePort() => HttpListenerLoopbackServer.FreePort();

    public ReceivedEnvelope Single() => Assert.Single(Received);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

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

    private async Task<HttpListenerAnswer?> AnswerAsync(HttpListenerRequest request)
    {
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

        return response is null ? null : new HttpListenerAnswer(response.Status, response.Body, response.Headers);
    }
}
