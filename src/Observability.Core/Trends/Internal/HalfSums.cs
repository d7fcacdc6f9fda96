namespace Observability.Internal;

/// <summary>Weighted sums of the metrics a half comparison looks at, for one half of a period.</summary>
internal sealed class HalfSums
{
    private WeightedMean _availability;
    private WeightedMean _latencyP95;
    private WeightedMean _latencyP99;
    private WeightedMean _cpu;
    private WeightedMean _memory;

    public int Count { get; private set; }

    public double? Availability => _availability.Value;

    public double? LatencyP95 => _latencyP95.Value;

    public double? LatencyP99 => _latencyP99.Value;

    public double? Cpu => _cpu.Value;

    public double? Memory => _memory.Value;

    public void Add(MetricSnapshot snapshot)
    {
        Count++;
        _availability.Add(SnapshotMath.Availability(snapshot), 1);
        _latencyP95.Add(snapshot.GetValue(WellKnownMetrics.LatencyP95), 1);
        _latencyP99.Add(snapshot.GetValue(WellKnownMetrics.LatencyP99), 1);
        _cpu.Add(snapshot.GetValue(WellKnownMetrics.CpuUtilization), 1);
        _memory.Add(snapshot.GetValue(WellKnownMetrics.MemoryUtilization), 1);
    }

    /// <summary>Adds a day's means, each weighted by how many snapshots it was taken over.</summary>
    public void Add(DailySummary day)
    {
        Count++;
        _availability.Add(day.Availability.Average, day.Availability.Measured);
        _latencyP95.Add(day.Latency.P95Average, day.Latency.P95Measured);
        _latencyP99.Add(day.Latency.P99Average, day.Latency.Measured);
        _cpu.Add(day.Resources.CpuAverage, day.Resources.CpuMeasured);
        _memory.Add(day.Resources.MemoryAverage, day.Resources.MemoryMeasured);
    }

    private struct WeightedMean
    {
        private double _sum;
        private double _weight;

        public readonly double? Value => _weight > 0 ? _sum / _weight : null;

        public void Add(double? value, double weight)
        {
            if (value is { } v && weight > 0)
            {
                _sum += v * weight;
                _weight += weight;
            }
        }
    }
}
