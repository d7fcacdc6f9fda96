namespace Observability;

/// <summary>Options of the <see cref="StructuredLogIngestor"/>.</summary>
public sealed class StructuredLogOptions
{
    /// <summary>The default <see cref="MaxLineLength"/>: 1 MiB.</summary>
    public const int DefaultMaxLineLength = 1024 * 1024;

    /// <summary>The largest <see cref="MaxLineLength"/> allowed: 256 MiB.</summary>
    public const int LargestMaxLineLength = 256 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the longest line accepted, in bytes, without its line ending. A longer line is rejected as
    /// <see cref="LogRejectReason.LineTooLong"/>; the streaming readers skip it without buffering it and go on at
    /// the next newline. Default: <see cref="DefaultMaxLineLength"/>. Range: 16 to <see cref="LargestMaxLineLength"/>.
    /// </summary>
    public int MaxLineLength { get; set; } = DefaultMaxLineLength;

    /// <summary>
    /// Gets or sets a value indicating whether a line without a <c>timestamp</c> is rejected
    /// (<see cref="LogRejectReason.MissingTimestamp"/>). Default: <see langword="true"/>, because windows and
    /// metrics need the time; set it to <see langword="false"/> to keep such lines with a <see langword="null"/>
    /// <see cref="LogRecord.Timestamp"/>.
    /// </summary>
    public bool RequireTimestamp { get; set; } = true;

    /// <summary>
    /// Gets or sets the sustained rate limit in lines per second (a token bucket). Default: <see langword="null"/>,
    /// no limit. The streaming readers wait for a permit; <see cref="StructuredLogIngestor.ParseBatch(ReadOnlySpan{byte})"/>
    /// cannot wait and rejects the lines over the limit as <see cref="LogRejectReason.RateLimited"/>.
    /// </summary>
    public double? RateLimitPerSecond { get; set; }

    /// <summary>
    /// Gets or sets the bucket size of the rate limit: how many lines may pass at once after a quiet spell.
    /// Default: 0, meaning one second's worth of <see cref="RateLimitPerSecond"/> (at least 1).
    /// </summary>
    public int RateLimitBurst { get; set; }

    /// <summary>
    /// Gets or sets a rate limiter of your own (System.Threading.RateLimiting), for example one shared by
    /// several ingestors or services: one permit per line. Use it instead of <see cref="RateLimitPerSecond"/>,
    /// not with it. The streaming readers wait for a permit (a lease refused because the limiter's queue is
    /// full is asked for again after its retry-after); <see cref="StructuredLogIngestor.ParseBatch(ReadOnlySpan{byte})"/>
    /// takes what the limiter grants at once and rejects the other lines as <see cref="LogRejectReason.RateLimited"/>.
    /// Default: <see langword="null"/>.
    /// </summary>
    public System.Threading.RateLimiting.RateLimiter? RateLimiter { get; set; }

    /// <summary>
    /// Gets or sets how many rejected lines the statistics keep one by one (the first ones); all are counted.
    /// Default: 100.
    /// </summary>
    public int MaxRecordedRejections { get; set; } = 100;
}
