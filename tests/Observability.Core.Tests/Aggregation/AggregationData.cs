namespace Observability.Core.Tests.Aggregation;

/// <summary>Snapshots with exactly the metrics a test names, and daily summaries to feed the weekly summarizer.</summary>
internal static class AggregationData
{
    /// <summary>Monday 2025-11-17, the first day of the test week.</summary>
    public static readonly DateOnly FirstDay = new(2025, 11, 17);

    public static DateTimeOffset Midnight(DateOnly day) => new(day, TimeOnly.MinValue, TimeSpan.Zero);

    public static DateTimeOffset At(int hour, int minute = 0, int second = 0) => Midnight(FirstDay).Add(new TimeSpan(hour, minute, second));

    public static MetricSnapshot Snapshot(
        DateTimeOffset time,
        double? availability = null,
        double? errorRate = null,
        double? errors = null,
        double? requests = null,
        double? p95 = null,
        double? p99 = null,
        double? cpu = null,
        double? memory = null)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        Put(metrics, WellKnownMetrics.Availability, availability);
        Put(metrics, WellKnownMetrics.ErrorRate, errorRate);
        Put(metrics, WellKnownMetrics.ErrorCount, errors);
        Put(metrics, WellKnownMetrics.RequestCount, requests);
        Put(metrics, WellKnownMetrics.LatencyP95, p95);
        Put(metrics, WellKnownMetrics.LatencyP99, p99);
        Put(metrics, WellKnownMetrics.CpuUtilization, cpu);
        Put(metrics, WellKnownMetrics.MemoryUtilization, memory);
        return new MetricSnapshot(time, "test", metrics);
    }

    /// <summary>A healthy service: 99.95 % available, 0.05 % errors, p95 200 ms, p99 300 ms, CPU 40 %, memory 60 %.</summary>
    public static MetricSnapshot Healthy(DateTimeOffset time, double availability = 0.9995, double p99 = 300, double p95 = 200)
        => Snapshot(time, availability: availability, errorRate: 1 - availability, errors: 1, requests: 2000, p95: p95, p99: p99, cpu: 0.4, memory: 0.6);

    public static DailyAggregationOptions Hourly() => new() { ExpectedInterval = TimeSpan.FromHours(1) };

    /// <summary>
    /// A healthy day of 100 hourly-ish snapshots as the aggregator would build it: availability
    /// 99.95 %, error rate 0.05 %, p95 200 ms, p99 300 ms, CPU 40 %, memory 60 %, no alerts, no drift.
    /// </summary>
    public static DailySummary Day(int number, double availability = 0.9995, double p99 = 300, double p95 = 200, double? drift = null, int critical = 0, int measured = 100)
    {
        var day = FirstDay.AddDays(number - 1);
        return new DailySummary
        {
            Day = day,
            DayNumber = number,
            Start = Midnight(day),
            Availability = new AvailabilityAggregate(measured, availability - 0.0005, availability + 0.0003, availability, measured, 1, 0.999) { Judged = measured },
            Errors = new ErrorAggregate(measured, 1 - availability, (1 - availability) * 2, measured * 1.0, measured * 2000.0),
            Latency = new LatencyAggregate(measured, p95, p95 * 1.2, measured, p99, p99 * 1.3, measured, 1, 500),
            Resources = new ResourceAggregate(measured, 0.4, 0.55, measured, 0.6, 0.7),
            Alerts = new AlertAggregate(0, 0, 0, critical, critical == 0 ? 24 : 23),
            Drift = new DriftAggregate(15, drift, drift, [], []),
            Completeness = new DataCompleteness(measured, measured, 0, 0, 100, []),
            Stability = new StabilityScore(100, "A", 1, 1, drift ?? 0),
            Flags = [],
        };
    }

    /// <summary>A day without any usable snapshot.</summary>
    public static DailySummary EmptyDay(int number)
        => new DailyAggregator(FirstDay.AddDays(number - 1), Hourly(), number).Build();

    public static DailySummary Degraded(DailySummary day, double latencyCompliance = 0.9)
        => day with
        {
            Latency = day.Latency with { SloCompliance = latencyCompliance, Compliant = (int)(latencyCompliance * day.Latency.Measured) },
            Flags = [new DegradationFlag(DegradationFlag.LatencyCompliance, latencyCompliance, 0.95, "p99 over target")],
        };

    private static void Put(Dictionary<string, double> metrics, string name, double? value)
    {
        if (value is { } v)
        {
            metrics[name] = v;
        }
    }
}
