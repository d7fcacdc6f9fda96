namespace Observability.Internal;

/// <summary>
/// Exponential backoff with "equal jitter": after the n-th failure in a row, a wait between half
/// and all of min(max, base x 2^(n-1)), and never shorter than what the destination asked for.
/// </summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan? retryAfter, TimeSpan baseDelay, TimeSpan maxDelay, double? unit = null)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ceiling = Math.Min(maxDelay.TotalSeconds, baseDelay.TotalSeconds * Math.Pow(2, exponent));
        var jittered = TimeSpan.FromSeconds((ceiling / 2) + ((unit ?? Random.Shared.NextDouble()) * ceiling / 2));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}
