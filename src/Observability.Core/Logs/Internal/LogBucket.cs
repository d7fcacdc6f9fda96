namespace Observability.Internal;

/// <summary>The counts and durations of one bucket of log records.</summary>
internal sealed class LogBucket
{
    private readonly DurationDistribution _durations = new();
    private Dictionary<string, DurationDistribution>? _regional;
    private long _requests;
    private long _failedRequests;
    private long _errors;

    public void Add(LogRecord record)
    {
        var isRequest = record.StatusCode is not null || record.Route is not null;
        var isError = record.Level is LogSeverity.Error or LogSeverity.Fatal || record.StatusCode >= 500;
        if (isRequest)
        {
            _requests++;
            _failedRequests += isError ? 1 : 0;
        }

        _errors += isError ? 1 : 0;
        if (record.DurationMs is { } duration)
        {
            _durations.Add(duration);
            if (record.Region is { } region && !string.IsNullOrWhiteSpace(region) && !region.Contains(WellKnownMetrics.RegionSeparator, StringComparison.Ordinal))
            {
                _regional ??= new Dictionary<string, DurationDistribution>(StringComparer.Ordinal);
                if (!_regional.TryGetValue(region, out var list))
                {
                    _regional[region] = list = new DurationDistribution();
                }

                list.Add(duration);
            }
        }
    }

    public Dictionary<string, double> Metrics()
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [WellKnownMetrics.RequestCount] = _requests,
            [WellKnownMetrics.ErrorCount] = _errors,
        };
        if (_requests > 0)
        {
            var rate = (double)_failedRequests / _requests;
            metrics[WellKnownMetrics.ErrorRate] = rate;
            metrics[WellKnownMetrics.Availability] = 1 - rate;
        }

        AddLatency(metrics, _durations, region: null);
        foreach (var (region, durations) in _regional ?? [])
        {
            AddLatency(metrics, durations, region);
        }

        return metrics;
    }

    private static void AddLatency(Dictionary<string, double> metrics, DurationDistribution durations, string? region)
    {
        if (durations.Count == 0)
        {
            return;
        }

        metrics[Name(WellKnownMetrics.LatencyP95, region)] = durations.Percentile(0.95);
        metrics[Name(WellKnownMetrics.LatencyP99, region)] = durations.Percentile(0.99);
    }

    private static string Name(string metric, string? region) => region is null ? metric : WellKnownMetrics.ForRegion(metric, region);
}
