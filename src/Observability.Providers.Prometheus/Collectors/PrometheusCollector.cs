using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Collects metric snapshots from Prometheus with named PromQL queries: the preset's (request rate, error rate,
/// availability, p50/p95/p99 latency) and the configured ones. A range collection gives one snapshot per step, stamped
/// with the start of the step it covers; an instant collection one snapshot for the window. Failures (unreachable, bad
/// query, execution error, timeout, no data, stale data) become typed results, never exceptions; only the caller's
/// cancellation is thrown. The first query goes alone (a server that refuses ends the collection at one request), the
/// others side by side, four at a time, all within one deadline (<see cref="PrometheusCollectorOptions.CollectionTimeout"/>).
/// Redirects are followed only on Prometheus' own scheme, host and port; one to another host is refused. Prometheus' <c>warnings</c> are logged and attached to the result's
/// <see cref="CollectionResult.Warnings"/>, each prefixed with its query's name. Credentials are sent in the <c>Authorization</c> header and never logged.
/// </summary>
public sealed partial class PrometheusCollector : ICollector
{
    private readonly Uri _baseAddress;
    private readonly string _displayEndpoint;
    private readonly string _source;
    private readonly string _service;
    private readonly string _serviceLabel;
    private readonly IReadOnlyList<(string Name, string Metric, string Expression)> _queries;
    private readonly PrometheusQueryMode _mode;
    private readonly TimeSpan _step;
    private readonly TimeSpan? _rateWindow;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _collectionTimeout;
    private readonly TimeSpan? _staleAfter;
    private readonly long _maxResponseBytes;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="PrometheusCollector"/> class.</summary>
    /// <param name="name">The collector's name.</param>
    /// <param name="options">The options; they must be valid (see <see cref="PrometheusCollectorOptions"/>).</param>
    /// <param name="httpClient">The client that sends the queries; the collector does not dispose it.</param>
    /// <param name="timeProvider">Times each query out.</param>
    /// <param name="loggerFactory">Creates the collector's logger.</param>
    public PrometheusCollector(string name, PrometheusCollectorOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var problems = PrometheusCollectorOptionsValidator.Problems(name, options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid PrometheusCollectorOptions: {string.Join(" ", problems)}", nameof(options));
        }

        Name = name;
        var endpoint = options.Endpoint!;
        _baseAddress = endpoint.AbsolutePath.EndsWith('/') ? endpoint : new Uri(endpoint.GetLeftPart(UriPartial.Path) + "/");
        _displayEndpoint = endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        _service = options.Service?.Trim() ?? string.Empty;
        _serviceLabel = options.ServiceLabel;
        _source = !string.IsNullOrWhiteSpace(options.Source) ? options.Source.Trim() : _service.Length > 0 ? _service : name;
        _queries = BuildQueries(options);
        _mode = options.Mode;
        _step = options.Step;
        _rateWindow = options.RateWindow;
        _timeout = options.Timeout;
        _collectionTimeout = options.CollectionTimeout;
        _staleAfter = options.StaleAfter;
        _maxResponseBytes = options.MaxResponseBytes;
        _authorization = HttpEndpointAuth.Header(options.BearerToken, options.Username, options.Password);
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger<PrometheusCollector>();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the names of the queries a collection runs, in order.</summary>
    internal IEnumerable<string> QueryNames => _queries.Select(static q => q.Name);

    /// <inheritdoc />
    public async Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var plan = Plan(window);
        var answers = await QueryAllAsync(plan, cancellationToken).ConfigureAwait(false);
        var rows = new SortedDictionary<DateTimeOffset, Dictionary<string, double>>();
        var errors = new List<CollectionError>();
        var warnings = new List<string>();
        DateTimeOffset? newest = null;

        for (var q = 0; q < _queries.Count; q++)
        {
            var (queryName, metric, _) = _queries[q];
            var (result, error) = answers[q];
            if (error is not null)
            {
                LogQueryFailed(_logger, Name, _displayEndpoint, queryName, error.Kind, error.Message);
                if (IsWall(error))
                {
                    return CollectionResult.Failed(Name, error).WithWarnings(warnings); // the other queries would meet the same wall
                }

                errors.Add(error);
                continue;
            }

            if (result!.Warnings.Count > 0)
            {
                LogWarnings(_logger, Name, queryName, string.Join(" | ", result.Warnings));
                warnings.AddRange(result.Warnings.Where(static w => !string.IsNullOrWhiteSpace(w)).Select(w => $"query '{queryName}': {w.Trim()}"));
            }

            var samples = result.Series.Where(static s => s.Samples.Count > 0).ToArray();
            if (samples.Length == 0)
            {
                errors.Add(new CollectionError(CollectionErrorKind.NoData, $"query '{queryName}' returned no data for {window}", queryName));
                continue;
            }

            if (samples.Length > 1)
            {
                errors.Add(new CollectionError(CollectionErrorKind.InvalidData,
                    $"query '{queryName}' returned {samples.Length} series ({Describe(samples[0].Labels)}, ...); it must return one: aggregate it, e.g. with sum(...)", queryName));
                continue;
            }

            var negative = 0;
            foreach (var sample in samples[0].Samples)
            {
                var stamp = _mode == PrometheusQueryMode.Range ? sample.Timestamp - plan.Step + plan.SubMillisecond : window.Start;
                if (!window.Contains(stamp))
                {
                    continue;
                }

                // Counts, ratios and latencies are never negative: a negative value is a counter reset read
                // through delta() or increase() of a gauge, not a measurement. Keep the rest of the series.
                if (double.IsFinite(sample.Value) && sample.Value < 0)
                {
                    negative++;
                    continue;
                }

                if (!rows.TryGetValue(stamp, out var metrics))
                {
                    rows[stamp] = metrics = new Dictionary<string, double>(StringComparer.Ordinal);
                }

                metrics[metric] = sample.Value;
                newest = newest is { } n && n >= sample.Timestamp ? n : sample.Timestamp;
            }

            if (negative > 0)
            {
                errors.Add(new CollectionError(CollectionErrorKind.InvalidData,
                    string.Create(CultureInfo.InvariantCulture, $"query '{queryName}' returned {negative} negative value(s) for '{metric}', which cannot be negative (a counter reset read with delta()? use rate() or increase() on counters); those samples were left out"), queryName));
            }
        }

        return Conclude(window, plan, rows, errors, newest).WithWarnings(warnings);
    }

    /// <summary>Unreachable, unauthorized and rate limited: every other query would meet the same wall.</summary>
    private static bool IsWall(CollectionError error)
        => error.Kind is CollectionErrorKind.Unreachable or CollectionErrorKind.Unauthorized or CollectionErrorKind.RateLimited;

    private QueryPlan Plan(CollectionWindow window)
    {
        if (_mode == PrometheusQueryMode.Instant)
        {
            return new QueryPlan(window.Duration, window.Duration, window.End, window.End);
        }

        var step = PrometheusQueryTemplates.ChooseStep(window.Duration, _step);
        var rate = _rateWindow is { } r && r > step ? r : step;
        var start = window.Start + step;
        return new QueryPlan(step, rate, start, window.End, start - DateTimeOffset.FromUnixTimeMilliseconds(start.ToUnixTimeMilliseconds()));
    }

    private static List<(string Name, string Metric, string Expression)> BuildQueries(PrometheusCollectorOptions options)
    {
        var list = new List<(string Name, string Metric, string Expression)>();
        foreach (var (name, expression) in PrometheusQueryTemplates.Preset(options.Preset))
        {
            if (!options.Queries.ContainsKey(name))
            {
                list.Add((name, name, expression));
            }
        }

        foreach (var (name, query) in options.Queries)
        {
            list.Add((name, string.IsNullOrWhiteSpace(query.Metric) ? name : query.Metric.Trim(), query.Expression!));
        }

        return list;
    }

    private static string Describe(IReadOnlyDictionary<string, string> labels)
        => "{" + string.Join(",", labels.Select(static l => $"{l.Key}=\"{l.Value}\"")) + "}";

    /// <summary>
    /// What one collection asks: the step, the rate window and the evaluation times (instant: start = end). Times are sent in
    /// whole milliseconds, so Prometheus answers on a grid <see cref="SubMillisecond"/> early (a wall-clock window has ticks
    /// below the millisecond); adding it back puts the snapshots on the window's grid, its first step included.
    /// </summary>
    private readonly record struct QueryPlan(TimeSpan Step, TimeSpan RateWindow, DateTimeOffset Start, DateTimeOffset End, TimeSpan SubMillisecond = default);
}
