using System.Globalization;
using System.Net;

namespace Observability.Internal;

/// <summary>Turns what happened to an envelope into a <see cref="DeliveryResult"/>, with a reason that never shows the DSN's key.</summary>
internal static class SentryOutcome
{
    /// <summary>The wait the rate-limiting docs prescribe for a 429 that names none.</summary>
    public static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(60);

    // Events travel as envelope items of category "error"; Sentry counts message events like ours under "default".
    private static readonly string[] EventCategories = ["error", "default"];

    /// <summary>Maps an answered or failed attempt.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="count">How many alerts the result concerns.</param>
    /// <param name="attempt">What happened.</param>
    /// <param name="timedOut">Whether the sink's own timeout cancelled the attempt.</param>
    /// <param name="publicKey">The DSN's key, masked out of any reason.</param>
    public static DeliveryResult ToResult(string sinkName, int count, SentryAttempt attempt, bool timedOut, string publicKey)
    {
        if (attempt.StatusCode is not { } status)
        {
            return timedOut
                ? DeliveryResult.Failed(sinkName, count, "timed out")
                : HttpDelivery.FromException(sinkName, count, attempt.Exception ?? new HttpRequestException());
        }

        var code = (HttpStatusCode)status;
        return status switch
        {
            >= 200 and < 300 => DeliveryResult.Delivered(sinkName, count, status),
            429 => DeliveryResult.Throttled(sinkName, count, RateLimitWait(attempt.RateLimits) ?? attempt.RetryAfter ?? DefaultRateLimitWait, status),
            401 or 403 => DeliveryResult.Rejected(sinkName, count, Mask($"{Reason(code, attempt)} (the DSN's key was refused; check the DSN)", publicKey), status),
            >= 400 and < 500 => DeliveryResult.Rejected(sinkName, count, Mask(Reason(code, attempt), publicKey), status),
            _ => DeliveryResult.Failed(sinkName, count, Mask(Reason(code, attempt), publicKey), status),
        };
    }

    /// <summary>
    /// The longest wait <c>X-Sentry-Rate-Limits</c> sets on events: items <c>retry_after:categories:scope[:reason[:namespaces]]</c>
    /// separated by commas, categories by semicolons, an empty category list meaning all. <see langword="null"/> when no
    /// item concerns events.
    /// </summary>
    public static TimeSpan? RateLimitWait(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        TimeSpan? longest = null;
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = item.Split(':');
            if (fields.Length < 2 || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || double.IsNaN(seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            {
                continue;
            }

            var categories = fields[1].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (categories.Length == 0 || categories.Any(c => EventCategories.Contains(c, StringComparer.Ordinal)))
            {
                var wait = TimeSpan.FromSeconds(seconds);
                longest = longest is { } known && known >= wait ? known : wait;
            }
        }

        return longest;
    }

    private static string Reason(HttpStatusCode code, SentryAttempt attempt)
        => HttpDelivery.Reason(code, string.IsNullOrWhiteSpace(attempt.SentryError) ? attempt.Body : attempt.SentryError);

    private static string Mask(string reason, string publicKey)
        => publicKey.Length == 0 ? reason : reason.Replace(publicKey, "***", StringComparison.Ordinal);
}
