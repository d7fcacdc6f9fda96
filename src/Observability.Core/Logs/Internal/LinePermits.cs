using System.Threading.RateLimiting;

namespace Observability.Internal;

/// <summary>One permit per log line: the built-in token bucket or a <see cref="RateLimiter"/> the user supplies.</summary>
internal abstract class LinePermits
{
    /// <summary>Takes a permit when one is there, without waiting.</summary>
    public abstract bool TryTake();

    /// <summary>Waits until a permit is there and takes it.</summary>
    public abstract ValueTask TakeAsync(CancellationToken cancellationToken);

    public static LinePermits? From(StructuredLogOptions options, TimeProvider time)
        => options.RateLimiter is { } limiter ? new RateLimiterPermits(limiter, time)
            : options.RateLimitPerSecond is { } rate ? new TokenBucket(rate, options.RateLimitBurst, time)
            : null;
}

/// <summary>Permits from a <see cref="RateLimiter"/> (System.Threading.RateLimiting), for example one shared by several ingestors.</summary>
internal sealed class RateLimiterPermits(RateLimiter limiter, TimeProvider time) : LinePermits
{
    private static readonly TimeSpan DefaultRetry = TimeSpan.FromMilliseconds(10);

    public override bool TryTake()
    {
        using var lease = limiter.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    public override async ValueTask TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (lease.IsAcquired)
            {
                return;
            }

            // The limiter's queue is full: wait as long as it asks (or briefly) and ask again; a line is never dropped here.
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : DefaultRetry;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
