namespace Observability;

/// <summary>Options of the <see cref="PrometheusCollector"/>. Validated at start-up with every problem listed.</summary>
public sealed class PrometheusCollectorOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "prometheus";

    /// <summary>The snapshot metric of the median latency in milliseconds, filled by the presets.</summary>
    public const string LatencyP50 = "latency_p50_ms";

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    /// <summary>The largest <see cref="MaxResponseBytes"/> allowed: 1 GiB.</summary>
    public const long MaxResponseBytesLimit = 1024L * 1024 * 1024;

    /// <summary>
    /// Gets or sets the Prometheus base address, for example <c>http://127.0.0.1:9090/</c> (with its path prefix, if any).
    /// Required. It must not hold credentials: set <see cref="Username"/> and <see cref="Password"/> instead.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the service whose metrics are read (the value of <see cref="ServiceLabel"/>). Required unless <see cref="Preset"/> is <see cref="PrometheusPreset.None"/>.</summary>
    public string? Service { get; set; }

    /// <summary>Gets or sets the naming convention of the standard queries. Default: <see cref="PrometheusPreset.OpenTelemetry"/>.</summary>
    public PrometheusPreset Preset { get; set; } = PrometheusPreset.OpenTelemetry;

    /// <summary>Gets or sets the label that names the service: <c>job</c> (default) or <c>service_name</c>.</summary>
    public string ServiceLabel { get; set; } = "job";

    /// <summary>
    /// Gets the queries to run beside (or, with the same name, instead of) the preset's, by name. The preset's names are the
    /// metrics they fill: <c>request_count</c>, <c>error_rate</c>, <c>availability</c>, <c>latency_p50_ms</c>,
    /// <c>latency_p95_ms</c> and <c>latency_p99_ms</c>.
    /// </summary>
    public IDictionary<string, PrometheusQuery> Queries { get; } = new Dictionary<string, PrometheusQuery>(StringComparer.Ordinal);

    /// <summary>Gets or sets whether a collection runs range or instant queries. Default: <see cref="PrometheusQueryMode.Range"/>.</summary>
    public PrometheusQueryMode Mode { get; set; } = PrometheusQueryMode.Range;

    /// <summary>
    /// Gets or sets the step of range queries. Default: one minute; at least one second. A window that would need more than
    /// 11,000 points gets a longer step (Prometheus refuses more).
    /// </summary>
    public TimeSpan Step { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the <c>{window}</c> of range queries (the range of <c>rate</c>). Default (<see langword="null"/>): the step.
    /// Make it at least twice the scrape interval.
    /// </summary>
    public TimeSpan? RateWindow { get; set; }

    /// <summary>Gets or sets how long one query may take, also sent to Prometheus as its <c>timeout</c>. Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long a whole collection may take: every query (they run side by side, a few at a time) must answer
    /// within it, and one still unanswered then is a <see cref="CollectionErrorKind.Timeout"/> error naming the query, the
    /// others' answers kept (a partial result). Default: 60 seconds; positive, at most 1 hour.
    /// </summary>
    public TimeSpan CollectionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets how far before the window's end the newest sample may lie before the data count as stale (a partial
    /// result with a <see cref="CollectionErrorKind.Stale"/> error); exactly this old is not stale. Default
    /// (<see langword="null"/>): two steps in range mode, the window's length in instant mode. In instant mode Prometheus
    /// stamps a vector or scalar answer with the evaluation time (the window's end), so only raw samples (a matrix answer,
    /// e.g. <c>x[10m]</c>) can show their age there.
    /// </summary>
    public TimeSpan? StaleAfter { get; set; }

    /// <summary>
    /// Gets or sets the largest answer body, in bytes, one query may return. Default: 64 MiB (67,108,864 bytes); at least 1 and
    /// at most <see cref="MaxResponseBytesLimit"/> (1 GiB). A larger answer, announced by its <c>Content-Length</c> or met while reading
    /// (the reading stops there), is an <see cref="CollectionErrorKind.InvalidData"/> error of that query naming the cap.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>Gets or sets a bearer token sent in the <c>Authorization</c> header. Secret: never logged.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Gets or sets the user of basic authentication (with <see cref="Password"/>).</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the password of basic authentication. Secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>Gets or sets the source put on snapshots. Default (<see langword="null"/> or blank): the service, else the collector's name.</summary>
    public string? Source { get; set; }
}
