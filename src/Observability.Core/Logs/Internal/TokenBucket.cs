namespace Observability.Internal;

/// <summary>A token bucket on an injected clock: <c>rate</c> tokens a second, at most <c>burst</c> saved up.</summary>
internal sealed class TokenBucket : LinePermits
{
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _last;

    public TokenBucket(double ratePerSecond, int burst, TimeProvider time)
    {
        _ratePerSecond = ratePerSecond;
        _burst = burst > 0 ? burst : Math.Max(1, Math.Floor(ratePerSecond));
        _time = time;
        _tokens = _burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes a token when one is there.</summary>
    public override bool TryTake() => TryTake(out _);

    /// <summary>Waits (on the injected clock) until a token is there and takes it.</summary>
    public override async ValueTask TakeAsync(CancellationToken cancellationToken)
    {
        while (!TryTake(out var wait))
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes a token when one is there; otherwise says how long until one is.</summary>
    public bool TryTake(out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _ratePerSecond));
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                wait = TimeSpan.Zero;
                return true;
            }

            // At least one tick, so a coarse clock still moves on.
            wait = TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling((1 - _tokens) / _ratePerSecond * TimeSpan.TicksPerSecond)));
            return false;
        }
    }
}
