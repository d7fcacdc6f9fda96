using System.Net;
using System.Net.Http.Headers;
using Observability.Internal;

namespace Observability;

/// <summary>Posting one message and mapping Discord's answer.</summary>
public sealed partial class DiscordAlertSink
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private async Task<PostOutcome> PostAsync(byte[] payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _destination.PostUri);
        request.Headers.Authorization = _destination.Authorization;
        request.Content = new ByteArrayContent(payload);
        request.Content.Headers.ContentType = Json;

        return await SinkCall.SendAsync(
            _httpClient,
            request,
            _timeout,
            _timeProvider,
            Interpret,
            static () => new PostOutcome(DeliveryStatus.Failed, null, SinkCall.TimedOut),
            e => new PostOutcome(
                DeliveryStatus.Failed,
                null,
                e is HttpRequestException ? HttpDelivery.FromException(Name, 1, e).Error : "the connection broke off"),
            cancellationToken).ConfigureAwait(false);
    }

    private PostOutcome Interpret(HttpResponseMessage response, string body)
    {
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            var empty = DiscordResponse.Integer(response, "X-RateLimit-Remaining") == 0 ? DiscordResponse.Seconds(response, "X-RateLimit-Reset-After") : null;
            return new PostOutcome(DeliveryStatus.Delivered, code, BucketEmptyFor: empty);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = DiscordResponse.RetryAfter(
                DiscordResponse.RetryAfterSeconds(body),
                HttpDelivery.RetryAfter(response.Headers, _timeProvider.GetUtcNow()),
                DiscordResponse.Seconds(response, "X-RateLimit-Reset-After"));
            var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var scopes) ? scopes.FirstOrDefault() ?? "unknown" : "unknown";
            var global = response.Headers.TryGetValues("X-RateLimit-Global", out var globals) && string.Equals(globals.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
            LogThrottled(_logger, Name, scope, global, wait?.TotalSeconds ?? -1);
            return new PostOutcome(DeliveryStatus.Throttled, code, RetryAfter: wait);
        }

        var detail = DiscordResponse.Describe(body);
        var reason = detail is null ? HttpDelivery.Reason(response.StatusCode, body) : $"HTTP {code}: {detail}";
        switch (code)
        {
            case 404:
                var safe = reason.Replace(_destination.Secret, "***", StringComparison.Ordinal);
                if (_destination.IsBot)
                {
                    LogChannelGone(_logger, Name, safe);
                }
                else
                {
                    LogGone(_logger, Name, safe);
                }
                return new PostOutcome(DeliveryStatus.Gone, code, $"{_destination.Gone} ({reason})");
            case 401 or 403:
                return new PostOutcome(DeliveryStatus.Rejected, code, $"{_destination.Refused} ({reason})");
            case >= 500:
                return new PostOutcome(DeliveryStatus.Failed, code, reason);
            case 408:
                return new PostOutcome(DeliveryStatus.Failed, code, reason);
            default:
                return new PostOutcome(DeliveryStatus.Rejected, code, $"Discord refused the message ({reason})");
        }
    }
}
