using System.Text;

namespace Observability.Core.Tests.Logs;

public sealed class LogMetricsAggregatorTests
{
    private static readonly DateTimeOffset Start = new(2025, 11, 17, 10, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<LogRecord> Records(params string[] lines)
        => new StructuredLogIngestor().ParseBatch(Encoding.UTF8.GetBytes(string.Join("\n", lines))).Records;

    private static string Line(int second, string extra) => $$"""{"timestamp":"{{Start.AddSeconds(second):O}}",{{extra}}}""";

    [Fact]
    public void ToSnapshots_RequestsErrorsAndRates_WorkedExample()
    {
        var records = Records(
            Line(1, "\"status_code\":200,\"duration_ms\":10"),
            Line(2, "\"status_code\":200,\"duration_ms\":20"),
            Line(3, "\"status_code\":503,\"duration_ms\":30"),
            Line(4, "\"route\":\"/a\",\"level\":\"error\""), // a request (route) that failed (level error)
            Line(5, "\"level\":\"fatal\",\"message\":\"disk full\""), // not a request: counts as an error only
            Line(6, "\"level\":\"info\""));
        var aggregator = new LogMetricsAggregator("logs", TimeSpan.FromMinutes(1));

        foreach (var record in records)
        {
            aggregator.Add(record);
        }

        var snapshot = Assert.Single(aggregator.ToSnapshots());
        Assert.Equal(Start, snapshot.Timestamp); // the bucket [10:00, 10:01) is stamped with its start
        Assert.Equal("logs", snapshot.Source);
        Assert.Equal(4, snapshot.GetValue(WellKnownMetrics.RequestCount)); // 3 with a status + 1 with a route
        Assert.Equal(3, snapshot.GetValue(WellKnownMetrics.ErrorCount)); // 503, error, fatal
        Assert.Equal(0.5, snapshot.GetValue(WellKnownMetrics.ErrorRate)); // failed requests 2 (503, error) / 4
        Assert.Equal(0.5, snapshot.GetValue(WellKnownMetrics.Availability));
        Assert.Equal(30, snapshot.GetValue(WellKnownMetrics.LatencyP95)); // nearest rank: ceil(0.95 * 3) = 3rd of 10, 20, 30
        Assert.Equal(6, aggregator.Added);
    }

    [Fact]
    public void ToSnapshots_Percentiles_NearestRankOverOneHundredValues()
    {
        // Durations 1..100 ms: p95 is the 95th value (95), p99 the 99th (99).
        var aggregator = new LogMetricsAggregator("logs", TimeSpan.FromMinutes(1));
        foreach (var record in Records([.. Enumerable.Range(1, 100).Reverse().Select(i => Line(0, $"\"duration_ms\":{i},\"region\":\"eu\""))]))
        {
            aggregator.Add(record);
        }

        var snapshot = Assert.Single(aggregator.ToSnapshots());
        Assert.Equal(95, snapshot.GetValue(WellKnownMetrics.LatencyP95));
        Assert.Equal(99, snapshot.GetValue(WellKnownMetrics.LatencyP99));
        Assert.Equal(95, snapshot.GetValue("latency_p95_ms@eu")); // per region too
        Assert.Equal(0, snapshot.GetValue(WellKnownMetrics.RequestCount));
        Assert.Null(snapshot.GetValue(WellKnownMetrics.ErrorRate)); // no requests: no rate
    }

    [Fact]
    public void Add_BucketsAlignedToOrigin_BoundaryGoesToTheNextBucket()
    {
        var origin = Start.AddSeconds(15);
        var aggregator = new LogMetricsAggregator("logs", TimeSpan.FromSeconds(30), origin);

        // 10:00:14 lies in [09:59:45, 10:00:15); 10:00:15 starts [10:00:15, 10:00:45); 10:00:44 is in it too.
        foreach (var record in Records(Line(14, "\"status_code\":200"), Line(15, "\"status_code\":200"), Line(44, "\"status_code\":500")))
        {
            aggregator.Add(record);
        }

        var snapshots = aggregator.ToSnapshots();
        Assert.Equal([Start.AddSeconds(-15), Start.AddSeconds(15)], snapshots.Select(s => s.Timestamp));
        Assert.Equal([1.0, 2.0], snapshots.Select(s => s.GetValue(WellKnownMetrics.RequestCount)!.Value));
        Assert.Equal(0.5, snapshots[1].GetValue(WellKnownMetrics.ErrorRate)); // 1 of 2
    }

    [Fact]
    public void Add_RecordWithoutTimestamp_CountedAndIgnored()
    {
        var record = Assert.Single(new StructuredLogIngestor(new StructuredLogOptions { RequireTimestamp = false }).ParseBatch("{\"status_code\":200}"u8).Records);
        var aggregator = new LogMetricsAggregator("logs", TimeSpan.FromMinutes(1));

        aggregator.Add(record);

        Assert.Equal(1, aggregator.WithoutTimestamp);
        Assert.Empty(aggregator.ToSnapshots());
    }

    [Fact]
    public void Constructor_BucketOutOfRange_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LogMetricsAggregator("logs", TimeSpan.FromMilliseconds(999)));

        Assert.Equal("bucket", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogMetricsAggregator("logs", TimeSpan.FromDays(1) + TimeSpan.FromTicks(1)));
        Assert.Throws<ArgumentException>(() => new LogMetricsAggregator(" ", TimeSpan.FromMinutes(1)));
    }
}
