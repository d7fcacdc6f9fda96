namespace Observability.Internal;

/// <summary>Per-metric statistics over the usable snapshots, by metric name.</summary>
internal static class MetricSummaries
{
    public static IReadOnlyList<MetricSummary> Summarize(IReadOnlyList<MetricSnapshot> usable, CollectionWindow evaluationWindow)
    {
        var accumulators = new SortedDictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var snapshot in usable)
        {
            var recent = snapshot.Timestamp >= evaluationWindow.Start;
            foreach (var (name, value) in snapshot.Metrics)
            {
                if (!double.IsFinite(value))
                {
                    continue;
                }

                if (!accumulators.TryGetValue(name, out var accumulator))
                {
                    accumulators[name] = accumulator = new Accumulator();
                }

                accumulator.Add(value, recent);
            }
        }

        return accumulators.Select(static a => a.Value.ToSummary(a.Key)).ToArray();
    }

    private sealed class Accumulator
    {
        private int _count;
        private int _recentCount;
        private double _sum;
        private double _recentSum;
        private double _min = double.PositiveInfinity;
        private double _max = double.NegativeInfinity;
        private double _last;

        public void Add(double value, bool recent)
        {
            _count++;
            _sum += value;
            _min = Math.Min(_min, value);
            _max = Math.Max(_max, value);
            _last = value;
            if (recent)
            {
                _recentCount++;
                _recentSum += value;
            }
        }

        public MetricSummary ToSummary(string name)
            => new(name, _count, _min, _max, _sum / _count, _last, _recentCount == 0 ? null : _recentSum / _recentCount);
    }
}
