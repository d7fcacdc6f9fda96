using BenchmarkDotNet.Attributes;

namespace Observability.Benchmarks;

/// <summary>
/// Daily and weekly aggregation of a week of 30-second snapshots (20,160 per series) for 100 series
/// (2,016,000 snapshots), against the cost of just reading two metrics of every snapshot. Read the
/// Ratio column: timings are compared within one run, never across machines, and never gate CI.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class AggregationBenchmarks
{
    private const int Series = 100;
    private const int SnapshotsPerSeries = 7 * 24 * 120; // 20,160: one every 30 s for 7 days
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2025, 11, 17, 0, 0, 0, TimeSpan.Zero);

    private readonly DailyAggregationOptions _options = new() { ExpectedInterval = Interval };
    private MetricSnapshot[][] _series = null!;
    private Alert[][] _alerts = null!;
    private IReadOnlyList<DailySummary>[] _days = null!;

    /// <summary>Builds 100 series of 20,160 snapshots with 8 metrics each, and a few alerts per series.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _options.Baseline[WellKnownMetrics.LatencyP95] = 180;
        _options.Baseline[WellKnownMetrics.ErrorRate] = 0.0005;
        _series = new MetricSnapshot[Series][];
        _alerts = new Alert[Series][];
        for (var s = 0; s < Series; s++)
        {
            var random = new Random(s);
            var snapshots = new MetricSnapshot[SnapshotsPerSeries];
            for (var i = 0; i < SnapshotsPerSeries; i++)
            {
                snapshots[i] = Snapshot(Start + (Interval * i), i, random);
            }

            _series[s] = snapshots;
            _alerts[s] = [.. Enumerable.Range(0, 5).Select(a => new Alert
            {
                Rule = "error_rate_warning",
                Severity = a == 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
                Title = "error rate above the warning threshold",
                Timestamp = Start.AddHours(13 + (29 * a)),
            })];
        }

        // Check the set-up once: seven full days per series, and a weekly summary with advice.
        _days = [.. _series.Select((snapshots, s) => DailyAggregator.AggregateDays(snapshots, _alerts[s], _options))];
        var first = _days[0];
        if (first.Count != 7 || first.Any(d => d.Completeness.Actual != 2880 || d.Completeness.Missing != 0))
        {
            throw new InvalidOperationException($"Expected 7 full days of 2880 snapshots, got {string.Join(", ", first.Select(d => d.Completeness.Actual))}.");
        }

        if (WeeklySummarizer.Summarize(first).Recommendations.Count == 0)
        {
            throw new InvalidOperationException("The weekly summary wrote no recommendation.");
        }
    }

    /// <summary>The baseline: read availability and p99 latency from every snapshot.</summary>
    /// <returns>A sum, so that the reads are not optimised away.</returns>
    [Benchmark(Baseline = true)]
    public double ReadTwoMetrics()
    {
        double sum = 0;
        foreach (var snapshots in _series)
        {
            foreach (var snapshot in snapshots)
            {
                sum += (snapshot.GetValue(WellKnownMetrics.Availability) ?? 0) + (snapshot.GetValue(WellKnownMetrics.LatencyP99) ?? 0);
            }
        }

        return sum;
    }

    /// <summary>Every series split into 7 daily summaries (all metrics, SLOs, drift against a 2-metric baseline, completeness, alerts).</summary>
    /// <returns>The number of degraded days, so that the work is not optimised away.</returns>
    [Benchmark]
    public int Daily()
    {
        var degraded = 0;
        for (var s = 0; s < Series; s++)
        {
            foreach (var day in DailyAggregator.AggregateDays(_series[s], _alerts[s], _options))
            {
                degraded += day.IsDegraded ? 1 : 0;
            }
        }

        return degraded;
    }

    /// <summary>The daily summaries of every series, then each series' weekly summary with its trends, rollback rules and advice.</summary>
    /// <returns>The number of series for which a rollback is recommended.</returns>
    [Benchmark]
    public int DailyAndWeekly()
    {
        var rollbacks = 0;
        for (var s = 0; s < Series; s++)
        {
            var week = WeeklySummarizer.Summarize(DailyAggregator.AggregateDays(_series[s], _alerts[s], _options));
            rollbacks += week.RollbackRecommended ? 1 : 0;
        }

        return rollbacks;
    }

    /// <summary>Only the weekly summaries, over daily summaries built in the set-up: the cost of trends and advice text.</summary>
    /// <returns>The number of recommendations written.</returns>
    [Benchmark]
    public int WeeklyOnly()
    {
        var written = 0;
        foreach (var days in _days)
        {
            written += WeeklySummarizer.Summarize(days).Recommendations.Count;
        }

        return written;
    }

    /// <summary>
    /// A service with a daily cycle: p95 160-200 ms and p99 about 1.6 x p95, CPU 30-50 %, memory near
    /// 60 %; errors around 0.05 % with a 2 % burst of 10 minutes each day at 14:00.
    /// </summary>
    private static MetricSnapshot Snapshot(DateTimeOffset time, int index, Random random)
    {
        var cycle = Math.Sin(2 * Math.PI * (index % 2880) / 2880.0);
        var burst = index % 2880 is >= 1680 and < 1700;
        var errorRate = burst ? 0.02 : 0.0005 * (0.5 + random.NextDouble());
        var requests = Math.Round(900 + (300 * cycle) + (50 * random.NextDouble()));
        var p95 = 180 + (20 * cycle) + (10 * random.NextDouble());
        return new MetricSnapshot(time, "bench", new Dictionary<string, double>(8, StringComparer.Ordinal)
        {
            [WellKnownMetrics.Availability] = 1 - errorRate,
            [WellKnownMetrics.ErrorRate] = errorRate,
            [WellKnownMetrics.RequestCount] = requests,
            [WellKnownMetrics.ErrorCount] = Math.Round(errorRate * requests),
            [WellKnownMetrics.LatencyP95] = p95,
            [WellKnownMetrics.LatencyP99] = p95 * (1.5 + (0.2 * random.NextDouble())),
            [WellKnownMetrics.CpuUtilization] = 0.4 + (0.1 * cycle),
            [WellKnownMetrics.MemoryUtilization] = 0.6 + (0.02 * random.NextDouble()),
        });
    }
}
