namespace Observability.Internal;

/// <summary>Per baseline metric: the sum of values, the sum and maximum of the drift %, and the count.</summary>
internal sealed class DriftAccumulator(DailySettings settings)
{
    private readonly RunningStat[] _drift = new RunningStat[settings.BaselineMetrics.Length];
    private readonly double[] _valueSums = new double[settings.BaselineMetrics.Length];

    public void Add(MetricSnapshot snapshot)
    {
        var metrics = settings.BaselineMetrics;
        for (var i = 0; i < metrics.Length; i++)
        {
            if (snapshot.GetValue(metrics[i]) is { } value)
            {
                var baseline = settings.BaselineValues[i];
                _drift[i].Add(Math.Abs(value - baseline) / baseline * 100);
                _valueSums[i] += value;
            }
        }
    }

    public DriftAggregate Build()
    {
        var threshold = settings.DriftThresholdPercent;
        var metrics = new MetricDrift[_drift.Length];
        var over = new List<string>();
        double sum = 0;
        var measured = 0;
        double? max = null;
        for (var i = 0; i < metrics.Length; i++)
        {
            var stat = _drift[i];
            var average = stat.Mean;
            var isOver = average is { } a && NumericTolerance.Above(a, threshold);
            metrics[i] = new MetricDrift(settings.BaselineMetrics[i], settings.BaselineValues[i], stat.Count, stat.Count == 0 ? null : _valueSums[i] / stat.Count, average, stat.Max, isOver);
            if (isOver)
            {
                over.Add(settings.BaselineMetrics[i]);
            }

            if (average is { } mean)
            {
                sum += mean;
                measured++;
                max = Math.Max(max ?? 0, stat.Max!.Value);
            }
        }

        return new DriftAggregate(threshold, measured == 0 ? null : sum / measured, max, metrics, over);
    }
}
