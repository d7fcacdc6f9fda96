using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace Observability.Eval.Storm;

/// <summary>
/// Alertmanager's side: the batches POSTed to <c>/api/v2/alerts</c> one after another over one <see cref="HttpClient"/>
/// (no proxy, one kept-alive loopback connection), each waited for until it answers 2xx.
/// </summary>
internal sealed class AlertmanagerStorm : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _client;
    private readonly Uri _alerts;
    private readonly Uri _status;
    private readonly string _where;

    /// <summary>Talks to the Alertmanager at <paramref name="address"/> (a loopback base address ending in a slash).</summary>
    public AlertmanagerStorm(Uri address)
    {
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = RequestTimeout };
        _alerts = new Uri(address, "api/v2/alerts");
        _status = new Uri(address, "api/v2/status");
        _where = StormArguments.HostAndPort(address);
    }

    /// <summary>Checks that Alertmanager answers <c>GET /api/v2/status</c> with 2xx, so a wrong address fails before any measuring.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, _status), "GET /api/v2/status", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POSTs every batch in order and returns the wall time until the last one answered 2xx.</summary>
    public async Task<TimeSpan> PostAsync(byte[][] batches, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        foreach (var body in batches)
        {
            using var response = await SendAsync(
                () => new HttpRequestMessage(HttpMethod.Post, _alerts) { Content = new ByteArrayContent(body) { Headers = { ContentType = Json } } },
                "POST /api/v2/alerts",
                cancellationToken).ConfigureAwait(false);
        }

        return Stopwatch.GetElapsedTime(start);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var message = request();
            response = await _client.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new StormException($"Alertmanager at {_where} is unreachable ({what}: {Reason(e)}).", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StormException(string.Create(CultureInfo.InvariantCulture,
                $"Alertmanager at {_where} did not answer {what} within {RequestTimeout.TotalSeconds} s."), e);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            var reason = response.ReasonPhrase;
            response.Dispose();
            throw new StormException(string.Create(CultureInfo.InvariantCulture,
                $"Alertmanager at {_where} answered {what} with HTTP {status} {reason}; is it an Alertmanager (API v2) at that address?"));
        }

        return response;
    }

    private static string Reason(HttpRequestException e)
        => e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "connection refused or reset",
            HttpRequestError.NameResolutionError => "name not resolved",
            HttpRequestError.ResponseEnded => "the connection closed before an answer",
            HttpRequestError.InvalidResponse => "not an HTTP answer",
            HttpRequestError.SecureConnectionError => "TLS failed",
            _ => e.HttpRequestError.ToString(),
        };
}
