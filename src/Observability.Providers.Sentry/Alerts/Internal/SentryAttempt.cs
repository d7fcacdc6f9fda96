namespace Observability.Internal;

/// <summary>What happened to one envelope the Sentry SDK sent: the answer's status and headers, or the exception.</summary>
/// <param name="StatusCode">The HTTP status, when an answer came.</param>
/// <param name="Body">The answer's body (short), when there was one.</param>
/// <param name="SentryError">The <c>X-Sentry-Error</c> header, when present.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> header as a delay, when present.</param>
/// <param name="RateLimits">The <c>X-Sentry-Rate-Limits</c> header, when present.</param>
/// <param name="Exception">The failure before any answer (unreachable, refused, cancelled).</param>
internal sealed record SentryAttempt(int? StatusCode, string? Body, string? SentryError, TimeSpan? RetryAfter, string? RateLimits, Exception? Exception);
