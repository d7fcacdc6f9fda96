using Observability.Testing;

namespace Observability.Core.Tests.Judgement;

/// <summary>
/// Weeks of 30-minute snapshots with a real daily cycle, as a service sees them: traffic and p95
/// latency swing +-25 % around their level within each day (busiest in the afternoon), the error
/// rate and availability stay near their level. Deterministic noise (a fixed seed) keeps the
/// snapshots from being identical.
/// </summary>
internal static class GeneratedWeeks
{
    public const int PerDay = 48;
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    /// <summary>The week ends here (exclusive); the harness's clock starts here, so a pass over the last 7 days judges it.</summary>
    public static readonly DateTimeOffset End = ObservabilityTestHarness.DefaultStart;

    public static readonly DateTimeOffset Start = End.AddDays(-7);

    /// <summary>The levels of the healthy week, as a baseline file would hold them.</summary>
    public static readonly IReadOnlyDictionary<string, double> Baseline = new Dictionary<string, double>
    {
        [WellKnownMetrics.Availability] = 0.9996,
        [WellKnownMetrics.LatencyP95] = 160,
        [WellKnownMetrics.LatencyP99] = 320,
        [WellKnownMetrics.RequestCount] = 2410,
    };

    /// <summary>A snapshot of the healthy cycle at slot <paramref name="i"/>, or a changed one.</summary>
    public delegate MetricSnapshot Shape(int i, DateTimeOffset time, MetricSnapshot healthy);

    public static IReadOnlyList<MetricSnapshot> Week(Shape? shape = null, bool withP99 = true)
    {
        var random = new Random(20251207);
        var snapshots = new List<MetricSnapshot>(7 * PerDay);
        for (var i = 0; i < 7 * PerDay; i++)
        {
            var time = Start + (Interval * i);
            var cycle = Math.Sin(2 * Math.PI * (time.TimeOfDay.TotalHours - 9) / 24); // peak at 15:00, trough at 03:00
            var noise = 1 + ((random.NextDouble() - 0.5) * 0.04);
            var requests = Math.Round(2410 * (1 + (0.25 * cycle)) * noise);
            var errorRate = 0.0004 * (1 + ((random.NextDouble() - 0.5) * 0.5));
            var p95 = 160 * (1 + (0.25 * cycle)) * noise;
            var metrics = new Dictionary<string, double>
            {
                [WellKnownMetrics.RequestCount] = requests,
                [WellKnownMetrics.ErrorCount] = Math.Round(requests * errorRate),
                [WellKnownMetrics.ErrorRate] = errorRate,
                [WellKnownMetrics.Availability] = 1 - errorRate,
                [WellKnownMetrics.LatencyP95] = p95,
                [WellKnownMetrics.CpuUtilization] = 0.40 * (1 + (0.2 * cycle)),
                [WellKnownMetrics.MemoryUtilization] = 0.60,
            };
            if (withP99)
            {
                metrics[WellKnownMetrics.LatencyP99] = p95 * 2;
            }

            var healthy = new MetricSnapshot(time, "generated", metrics);
            snapshots.Add(shape is null ? healthy : shape(i, time, healthy));
        }

        return snapshots;
    }

    /// <summary>The week whose last <paramref name="hours"/> hours fail 9 % of requests with a 1.1 s p99.</summary>
    public static IReadOnlyList<MetricSnapshot> DegradingAtTheEnd(int hours = 10)
        => Week((i, t, healthy) => t < End.AddHours(-hours) ? healthy : With(healthy, (WellKnownMetrics.ErrorRate, 0.09), (WellKnownMetrics.Availability, 0.91), (WellKnownMetrics.LatencyP99, 1100), (WellKnownMetrics.ErrorCount, Math.Round(healthy.GetValue(WellKnownMetrics.RequestCount)!.Value * 0.09))));

    /// <summary>The healthy week with an exporter gap: two all-zero snapshots on day 3 at 04:00 and 04:30 (elapsed time).</summary>
    public static IReadOnlyList<MetricSnapshot> WithExporterGap()
        => Week((i, t, healthy) => i is (2 * PerDay) + 8 or (2 * PerDay) + 9 ? TestSnapshots.Quiet(t, "generated") : healthy);

    public static MetricSnapshot With(MetricSnapshot snapshot, params (string Name, double Value)[] values)
    {
        var metrics = snapshot.Metrics.ToDictionary(static m => m.Key, static m => m.Value);
        foreach (var (name, value) in values)
        {
            metrics[name] = value;
        }

        return new MetricSnapshot(snapshot.Timestamp, snapshot.Source, metrics);
    }

    public static DailyAggregationOptions DailyOptions(ThresholdOptions? thresholds = null)
    {
        var options = new DailyAggregationOptions { Thresholds = thresholds ?? new ThresholdOptions(), ExpectedInterval = Interval };
        foreach (var (metric, value) in Baseline)
        {
            options.Baseline[metric] = value;
        }

        return options;
    }

    public static (IReadOnlyList<DailySummary> Days, WeeklySummary Week) Summarize(IReadOnlyList<MetricSnapshot> snapshots)
    {
        var options = DailyOptions();
        var days = DailyAggregator.AggregateDays(snapshots, new CollectionWindow(Start, End), null, options);
        return (days, WeeklySummarizer.Summarize(days, WeeklySummaryOptions.From(options.Thresholds)));
    }

    /// <summary>A harness whose pass looks back over the whole week with the week's baseline.</summary>
    public static ObservabilityTestHarness Harness(IReadOnlyList<MetricSnapshot> snapshots)
    {
        var harness = ObservabilityTestHarness.Create(o =>
        {
            o.LookbackWindow = TimeSpan.FromDays(7);
            foreach (var (metric, value) in Baseline)
            {
                o.Baseline[metric] = value;
            }
        });
        harness.Collector.Add(snapshots);
        return harness;
    }
}
