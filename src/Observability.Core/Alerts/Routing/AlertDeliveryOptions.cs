namespace Observability;

/// <summary>How each sink's outbox delivers: rate limit, retries, capacity and persistence.</summary>
public sealed class AlertDeliveryOptions
{
    /// <summary>Gets or sets how many alerts each sink's outbox holds; past it the oldest of the lowest severity is dropped (and counted). Default: 1,000.</summary>
    public int OutboxCapacity { get; set; } = 1000;

    /// <summary>
    /// Gets or sets a folder where each sink's outbox is kept (<c>&lt;sink&gt;.outbox.json</c>), so alerts waiting
    /// for a sink survive a restart. Default: <see langword="null"/> (in memory: nothing is lost while the process lives).
    /// </summary>
    public string? OutboxDirectory { get; set; }

    /// <summary>Gets or sets how many sends a minute each sink may make (token bucket). Default: 30.</summary>
    public double RateLimitPerMinute { get; set; } = 30;

    /// <summary>Gets or sets how many sends may go at once after a quiet spell. Default: 5.</summary>
    public int RateLimitBurst { get; set; } = 5;

    /// <summary>Gets or sets the first retry delay; each failure doubles it, with jitter. Default: 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest retry delay (a destination's own <c>Retry-After</c> may be longer and is honoured). Default: 5 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how long one send may take before it counts as failed. Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many alerts of one group go in one send at most. Default: 100.</summary>
    public int MaxAlertsPerSend { get; set; } = 100;
}
