using System.Globalization;
using System.Net;
using Octokit;

namespace Observability.Internal;

/// <summary>Maps what Octokit and the network throw to a <see cref="CollectionError"/> a person can act on.</summary>
internal static class GitHubFailure
{
    /// <summary>Describes a failure; <paramref name="what"/> names the request, for example <c>listing the runs of acme/shop</c>.</summary>
    public static CollectionError Describe(Exception exception, string what, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            RateLimitExceededException e => new(CollectionErrorKind.RateLimited,
                $"{what}: GitHub's rate limit is used up ({e.Remaining} of {e.Limit} requests left); it resets at {e.Reset.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}{Until(e.Reset, timeProvider)}"),
            SecondaryRateLimitExceededException e => new(CollectionErrorKind.RateLimited,
                $"{what}: GitHub's secondary rate limit was hit; {RetryHint(e.HttpResponse, timeProvider)} ({ApiMessage(e)})"),
            AuthorizationException e => new(CollectionErrorKind.Unauthorized,
                $"{what}: GitHub rejected the credentials (401 {ApiMessage(e)}); check the token (it is not shown here)"),
            ForbiddenException e => new(CollectionErrorKind.Unauthorized,
                $"{what}: GitHub refused the request (403 {ApiMessage(e)}); the token may lack the 'actions: read' permission"),
            NotFoundException e => new(CollectionErrorKind.BadQuery,
                $"{what}: not found (404 {ApiMessage(e)}); check the owner, repository and workflow (a private repository also answers 404 to a token without access)"),
            ApiException e when (int)e.StatusCode == 429 => new(CollectionErrorKind.RateLimited,
                $"{what}: GitHub is throttling requests (429); {RetryHint(e.HttpResponse, timeProvider)} ({ApiMessage(e)})"),
            ApiException e when e.StatusCode is HttpStatusCode.Gone => new(CollectionErrorKind.NoData,
                $"{what}: gone (410 {ApiMessage(e)}); the logs may have expired"),
            ApiException e => new(CollectionErrorKind.Execution,
                $"{what}: GitHub answered {(int)e.StatusCode} ({ApiMessage(e)})"),
            HttpRequestException e => new(CollectionErrorKind.Unreachable,
                $"{what}: GitHub could not be reached ({e.HttpRequestError}: {e.Message})"),
            TimeoutException or TaskCanceledException => new(CollectionErrorKind.Timeout,
                $"{what}: GitHub did not answer in time"),
            InvalidDataException e => new(CollectionErrorKind.InvalidData,
                $"{what}: the log archive is truncated or not a ZIP ({e.Message})"),
            _ => new(CollectionErrorKind.InvalidData,
                $"{what}: GitHub's answer could not be read ({exception.GetType().Name}: {exception.Message})"),
        };
    }

    /// <summary>Tells what to wait for: <c>retry-after</c> first, then <c>x-ratelimit-reset</c>, else at least a minute (GitHub's documented rules).</summary>
    internal static string RetryHint(IResponse? response, TimeProvider timeProvider)
    {
        if (Header(response, "Retry-After") is { } retryAfter
            && int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"retry after {seconds} s";
        }

        if (Header(response, "X-RateLimit-Reset") is { } reset
            && long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(epochSeconds);
            return $"it resets at {at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}{Until(at, timeProvider)}";
        }

        return "wait at least 60 s before retrying";
    }

    private static string Until(DateTimeOffset reset, TimeProvider timeProvider)
    {
        var wait = reset - timeProvider.GetUtcNow();
        return wait > TimeSpan.Zero ? $", in {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s" : string.Empty;
    }

    private static string ApiMessage(ApiException exception)
        => exception.ApiError?.Message is { Length: > 0 } message ? message : exception.StatusCode.ToString();

    internal static string? Header(IResponse? response, string name)
    {
        if (response?.Headers is null)
        {
            return null;
        }

        foreach (var (key, value) in response.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value?.Trim();
            }
        }

        return null;
    }
}
