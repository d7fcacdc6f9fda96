namespace Observability.Internal;

/// <summary>The counts and durations of one bucket of log records.</summary>
internal sealed class LogBucket
{
    private readonly List<double> _durations = [];
    private Dictionary<string, List<double>>? _regional;
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
                _regional ??= new Dictionary<string, List<double>>(StringComparer.Ordinal);
                if (!_regional.TryGetValue(region, out var list))
                {
                    _regional[region] = list = [];
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

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling((p * sorted.Count) - 1e-9) - 1)];

    private static void AddLatency(Dictionary<string, double> metrics, List<double> durations, string? region)
    {
        if (durations.Count == 0)
        {
            return;
        }

        durations.Sort();
        metrics[Name(WellKnownMetrics.LatencyP95, region)] = Percentile(durations, 0.95);
        metrics[Name(WellKnownMetrics.LatencyP99, region)] = Percentile(durations, 0.99);
    }

    private static string Name(string metric, string? region) => region is null ? metric : WellKnownMetrics.ForRegion(metric, region);
}
