namespace Observability.Core.Tests.Slo;

/// <summary>Snapshots with only the metrics an SLO needs, so every number in a test is visible.</summary>
internal static class SloTestData
{
    public static readonly DateTimeOffset AsOf = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A snapshot with an error rate and a request count.</summary>
    public static MetricSnapshot Requests(DateTimeOffset time, double errorRate, double requests)
        => new(time, "test", new Dictionary<string, double>
        {
            [WellKnownMetrics.ErrorRate] = errorRate,
            [WellKnownMetrics.RequestCount] = requests,
        });

    /// <summary>A snapshot with a p99 latency and a request count.</summary>
    public static MetricSnapshot Latency(DateTimeOffset time, double p99Ms, double requests = 1000)
        => new(time, "test", new Dictionary<string, double>
        {
            [WellKnownMetrics.LatencyP99] = p99Ms,
            [WellKnownMetrics.RequestCount] = requests,
        });

    /// <summary>
    /// <paramref name="count"/> snapshots <paramref name="interval"/> apart, the newest at <see cref="AsOf"/>;
    /// <c>create(age, time)</c> gets the snapshot's age in intervals (0 is the newest). Returned oldest first.
    /// </summary>
    public static MetricSnapshot[] Series(int count, TimeSpan interval, Func<int, DateTimeOffset, MetricSnapshot> create)
        => [.. Enumerable.Range(0, count).Reverse().Select(age => create(age, AsOf - (interval * age)))];

    /// <summary>One-minute request snapshots for the last <paramref name="minutes"/> minutes.</summary>
    public static MetricSnapshot[] Minutes(int minutes, Func<int, double> errorRateByAge, double requestsPerMinute = 100)
        => Series(minutes, TimeSpan.FromMinutes(1), (age, t) => Requests(t, errorRateByAge(age), requestsPerMinute));

    /// <summary>
    /// For an availability SLO of 99 % over one day: ten hourly snapshots of 1000 requests. Ages 6 and 5 fail 2.5 %
    /// (25 bad each), the other eight 0.125 % (1.25 bad each): 50 + 10 = 60 bad of 10,000 events.
    /// </summary>
    public static MetricSnapshot[] DayOfRequests()
        => Series(10, TimeSpan.FromHours(1), (age, t) => Requests(t, age is 5 or 6 ? 0.025 : 0.00125, 1000));

    public static BurnRateAlert Rule(SloEvaluation evaluation, string name) => Assert.Single(evaluation.BurnRateAlerts, a => a.Rule == name);
}
