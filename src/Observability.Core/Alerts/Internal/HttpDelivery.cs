using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Observability.Internal;

/// <summary>
/// What the HTTP sinks share: reading <c>Retry-After</c>, turning a transport failure into a
/// <see cref="DeliveryResult"/>, and a short reason from a response body. No URL is ever part of
/// a reason (webhook URLs carry their token).
/// </summary>
internal static class HttpDelivery
{
    private const int MaxReasonLength = 200;

    /// <summary>The <c>Retry-After</c> header as a delay from <paramref name="now"/>: delta-seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>A failure that happened before any response: unreachable, refused, timed out.</summary>
    public static DeliveryResult FromException(string sinkName, int alertCount, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception switch
        {
            HttpRequestException { InnerException: SocketException socket } => $"unreachable ({socket.SocketErrorCode})",
            HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => $"unreachable ({http.HttpRequestError})",
            HttpRequestException => "unreachable",
            TaskCanceledException or TimeoutException => "timed out",
            _ => exception.GetType().Name,
        };
        return DeliveryResult.Failed(sinkName, alertCount, reason);
    }

    /// <summary>The status line and at most 200 characters of the body, on one line.</summary>
    public static string Reason(HttpStatusCode status, string? body)
    {
        var text = $"HTTP {(int)status} {status}";
        if (string.IsNullOrWhiteSpace(body))
        {
            return text;
        }

        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length <= MaxReasonLength ? $"{text}: {flat}" : $"{text}: {flat[..MaxReasonLength]}…";
    }
}
