using Observability.Internal;

namespace Observability;

/// <summary>
/// Turns log records into one <see cref="MetricSnapshot"/> per time bucket, so a JSON log can stand in for a metrics
/// source. Per bucket: <c>request_count</c> (records with a status code or a route), <c>error_count</c> (records at
/// level error or fatal, or with status 500 or more, requests or not), <c>error_rate</c> and <c>availability</c>
/// (failed requests / requests, only when there are requests), and <c>latency_p95_ms</c> / <c>latency_p99_ms</c>
/// from <c>duration_ms</c>, also per region (<c>latency_p95_ms@eu-west-1</c>). Percentiles are exact (nearest rank
/// over the bucket's sorted durations) up to 4,096 durations per bucket and region; past that they come from a log-scale
/// histogram and are within 1 % of the exact value, so a bucket keeps at most about 32 KB of durations, never 8 bytes a
/// record.
/// </summary>
public sealed class LogMetricsAggregator
{
    private readonly string _source;
    private readonly long _bucketTicks;
    private readonly long _originTicks;
    private readonly SortedDictionary<long, LogBucket> _buckets = [];

    /// <summary>Initializes a new instance of the <see cref="LogMetricsAggregator"/> class.</summary>
    /// <param name="source">The source put on the snapshots.</param>
    /// <param name="bucket">The bucket length; from 1 second to 1 day.</param>
    /// <param name="origin">Where buckets start (a bucket starts at <c>origin + k * bucket</c>); the Unix epoch when <see langword="null"/>.</param>
    public LogMetricsAggregator(string source, TimeSpan bucket, DateTimeOffset? origin = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (bucket < TimeSpan.FromSeconds(1) || bucket > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), bucket, $"The bucket must be from 1 second to 1 day (was {bucket}).");
        }

        _source = source;
        _bucketTicks = bucket.Ticks;
        _originTicks = (origin ?? DateTimeOffset.UnixEpoch).UtcTicks;
    }

    /// <summary>Gets the records added.</summary>
    public long Added { get; private set; }

    /// <summary>Gets the records ignored because they have no timestamp.</summary>
    public long WithoutTimestamp { get; private set; }

    /// <summary>Adds a record to the bucket of its timestamp; a record without one is counted and ignored.</summary>
    /// <param name="record">The record.</param>
    public void Add(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Timestamp is not { } time)
        {
            WithoutTimestamp++;
            return;
        }

        var offset = time.UtcTicks - _originTicks;
        var start = _originTicks + (offset - (((offset % _bucketTicks) + _bucketTicks) % _bucketTicks));
        if (!_buckets.TryGetValue(start, out var bucket))
        {
            _buckets[start] = bucket = new LogBucket();
        }

        bucket.Add(record);
        Added++;
    }

    /// <summary>Builds one snapshot per bucket that has records, oldest first, stamped with the bucket's start.</summary>
    /// <returns>The snapshots.</returns>
    public IReadOnlyList<MetricSnapshot> ToSnapshots()
        => [.. _buckets.Select(b => new MetricSnapshot(new DateTimeOffset(b.Key, TimeSpan.Zero), _source, b.Value.Metrics()))];
}
