using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Octokit;

namespace Observability.Internal;

/// <summary>
/// Maps what Octokit and the network throw to a <see cref="DeliveryResult"/>, following GitHub's documented rules:
/// a 403 or 429 is a rate limit when it carries <c>retry-after</c> (wait that long), <c>x-ratelimit-remaining: 0</c>
/// (wait until <c>x-ratelimit-reset</c>, epoch seconds) or a rate-limit message (wait at least a minute); any other
/// 401/403/404/400/422 is a configuration or content problem (<see cref="DeliveryStatus.Rejected"/>), 410 means issues
/// are disabled (<see cref="DeliveryStatus.Gone"/>), 5xx and transport failures are retryable. Texts are one line,
/// without URLs, header values or the token.
/// </summary>
internal static partial class GitHubIssueDelivery
{
    /// <summary>GitHub asks to wait at least a minute after a secondary rate limit that names no time.</summary>
    public static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromMinutes(1);

    private const int MaxMessageLength = 160;

    public static DeliveryResult FromException(string sink, int count, Exception exception, string what, string repository, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not ApiException api)
        {
            var transport = HttpDelivery.FromException(sink, count, exception);
            return DeliveryResult.Failed(sink, count, $"{what}: {transport.Error}");
        }

        var status = (int)api.StatusCode;
        if (status is 403 or 429 && RateLimitWait(api, time) is { } wait)
        {
            return DeliveryResult.Throttled(sink, count, wait, status);
        }

        var message = Message(api);
        return api switch
        {
            AuthorizationException => DeliveryResult.Rejected(sink, count, $"{what}: GitHub rejected the credentials (401 {message}); check the token", status),
            ForbiddenException or { StatusCode: HttpStatusCode.Forbidden } => DeliveryResult.Rejected(sink, count, $"{what}: GitHub refused it (403 {message}); the token needs issues: write (and statuses or checks: write for the gate)", status),
            NotFoundException => DeliveryResult.Rejected(sink, count, $"{what}: not found (404 {message}); check that repository {repository} exists and the token can see it", status),
            ApiValidationException validation => DeliveryResult.Rejected(sink, count, $"{what}: GitHub refused the content (422 {message}{Errors(validation)})", status),
            { StatusCode: HttpStatusCode.Gone } => DeliveryResult.Gone(sink, count, $"{what}: gone (410 {message}); issues may be disabled on {repository}", status),
            { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity } => DeliveryResult.Rejected(sink, count, $"{what}: GitHub refused the content ({status} {message})", status),
            _ => DeliveryResult.Failed(sink, count, $"{what}: GitHub answered {status} ({message})", status),
        };
    }

    /// <summary>How long a 403/429 asks to wait, or <see langword="null"/> when it is not a rate limit.</summary>
    internal static TimeSpan? RateLimitWait(ApiException exception, TimeProvider time)
    {
        var response = exception.HttpResponse;
        if (GitHubFailure.Header(response, "Retry-After") is { } retryAfter
            && long.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (GitHubFailure.Header(response, "X-RateLimit-Remaining") == "0"
            && GitHubFailure.Header(response, "X-RateLimit-Reset") is { } reset
            && long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return exception is RateLimitExceededException or SecondaryRateLimitExceededException
               || exception.StatusCode == (HttpStatusCode)429
               || Message(exception).Contains("rate limit", StringComparison.OrdinalIgnoreCase)
            ? SecondaryLimitWait
            : null;
    }

    /// <summary>GitHub's message on one line, without URLs, at most 160 characters.</summary>
    private static string Message(ApiException exception)
    {
        var message = exception.ApiError?.Message is { Length: > 0 } text ? text : exception.StatusCode.ToString();
        message = Url().Replace(message.ReplaceLineEndings(" "), "(link)").Trim();
        return GitHubIssueText.Cut(message, MaxMessageLength);
    }

    private static string Errors(ApiValidationException exception)
    {
        var errors = exception.ApiError?.Errors;
        if (errors is null || errors.Count == 0)
        {
            return string.Empty;
        }

        var parts = errors.Take(3).Select(static e => string.Join(' ', new[] { e.Resource, e.Field, e.Code }.Where(static p => !string.IsNullOrEmpty(p))));
        return GitHubIssueText.Cut(": " + string.Join("; ", parts), MaxMessageLength);
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
