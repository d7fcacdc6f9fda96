namespace Observability.Internal;

/// <summary>
/// A day's level drift, incrementally (O(baseline metrics) per snapshot): per baseline metric the sum
/// and count of its values and the largest single deviation; built as <see cref="LevelDrift"/> defines it.
/// </summary>
internal sealed class DriftAccumulator(IReadOnlyDictionary<string, double> baselines, double threshold)
{
    private readonly string[] _metrics = [.. baselines.Keys];
    private readonly double[] _sums = new double[baselines.Count];
    private readonly double[] _max = new double[baselines.Count];
    private readonly int[] _counts = new int[baselines.Count];

    public void Add(SnapshotFacts fact)
    {
        if (!fact.Usable)
        {
            return;
        }

        for (var i = 0; i < _metrics.Length; i++)
        {
            if (LevelDrift.ValueOf(fact, _metrics[i]) is { } value)
            {
                var baseline = baselines[_metrics[i]];
                _sums[i] += value;
                _counts[i]++;
                _max[i] = Math.Max(_max[i], Math.Abs(value - baseline) / baseline * 100);
            }
        }
    }

    public DriftAggregate Build()
    {
        var metrics = new MetricDrift[_metrics.Length];
        for (var i = 0; i < metrics.Length; i++)
        {
            var baseline = baselines[_metrics[i]];
            double? level = _counts[i] == 0 ? null : _sums[i] / _counts[i];
            double? percent = level is { } l ? Math.Abs(l - baseline) / baseline * 100 : null;
            metrics[i] = new MetricDrift(_metrics[i], baseline, _counts[i], level, percent, _counts[i] == 0 ? null : _max[i], percent is { } p && NumericTolerance.Above(p, threshold));
        }

        var measured = metrics.Where(static m => m.AveragePercent is not null).ToArray();
        return new DriftAggregate(
            threshold,
            LevelDrift.Average(metrics),
            measured.Length == 0 ? null : measured.Max(static m => m.MaxPercent!.Value),
            metrics,
            [.. metrics.Where(static m => m.OverThreshold).Select(static m => m.Metric)]);
    }
}
