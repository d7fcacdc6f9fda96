namespace Observability.Internal;

/// <summary>What one webhook POST came to, before it becomes the group's <see cref="DeliveryResult"/>.</summary>
/// <param name="Status">Delivered, Throttled, Failed, Rejected or Gone.</param>
/// <param name="StatusCode">The HTTP status, when there was an answer.</param>
/// <param name="Error">A short reason with no URL or token in it; <see langword="null"/> when delivered or throttled.</param>
/// <param name="RetryAfter">The wait Discord asked for (429).</param>
/// <param name="BucketEmptyFor">After a success: <c>X-RateLimit-Remaining: 0</c> and this <c>X-RateLimit-Reset-After</c>.</param>
internal sealed record PostOutcome(DeliveryStatus Status, int? StatusCode, string? Error = null, TimeSpan? RetryAfter = null, TimeSpan? BucketEmptyFor = null);
