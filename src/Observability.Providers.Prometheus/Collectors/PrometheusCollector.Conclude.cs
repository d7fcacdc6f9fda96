using System.Globalization;

namespace Observability;

/// <summary>Turning the rows read into a result: no data, stale data, partial or success.</summary>
public sealed partial class PrometheusCollector
{
    private CollectionResult Conclude(CollectionWindow window, QueryPlan plan, SortedDictionary<DateTimeOffset, Dictionary<string, double>> rows, List<CollectionError> errors, DateTimeOffset? newest)
    {
        var snapshots = rows.Select(row => new MetricSnapshot(row.Key, _source, row.Value)).ToArray();
        if (snapshots.Length == 0)
        {
            var failure = errors.FirstOrDefault(static e => e.Kind != CollectionErrorKind.NoData);
            if (failure is not null)
            {
                var others = errors.Where(e => !ReferenceEquals(e, failure)).Select(static e => e.Location is null ? e.Kind.ToString() : $"'{e.Location}' {e.Kind}").ToArray();
                return CollectionResult.Failed(Name, errors.Count == 1 ? failure : failure with { Message = $"{failure.Message} (and {others.Length} more query errors: {string.Join(", ", others)})" });
            }

            var reason = $"Prometheus at {_displayEndpoint} returned no data for {_service} in {window} ({_queries.Count} queries)";
            LogNoData(_logger, Name, reason);
            return CollectionResult.NoData(Name, reason);
        }

        if (newest is { } last)
        {
            // Range: two steps by default. Instant: the window's length, i.e. the newest sample must at least lie in the window.
            var allowed = _staleAfter ?? (_mode == PrometheusQueryMode.Range ? plan.Step * 2 : window.Duration);
            if (window.End - last > allowed)
            {
                var message = $"the newest sample ({last:O}) is {Span(window.End - last)} older than the window end ({window.End:O}); more than {Span(allowed)} means the data are stale";
                LogStale(_logger, Name, message);
                errors.Add(new CollectionError(CollectionErrorKind.Stale, message));
            }
        }

        LogCollected(_logger, Name, snapshots.Length, window, plan.Step, errors.Count);
        return errors.Count == 0 ? CollectionResult.Success(Name, snapshots) : CollectionResult.Partial(Name, snapshots, errors);
    }

    /// <summary>A duration as whole minutes when it is one (<c>4 min</c>), else in seconds (<c>601 s</c>, <c>0.5 s</c>).</summary>
    private static string Span(TimeSpan span) => span.Ticks % TimeSpan.TicksPerMinute == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
