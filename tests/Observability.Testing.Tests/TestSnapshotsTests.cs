namespace Observability.Testing.Tests;

public sealed class TestSnapshotsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Service_ErrorRate_DerivesConsistentMetrics()
    {
        var snapshot = TestSnapshots.Service(T0, errorRate: 0.05, latencyP99Ms: 400, jobs: 100);

        Assert.Equal(0.05, snapshot.GetValue(WellKnownMetrics.ErrorRate));
        Assert.Equal(0.95, snapshot.GetValue(WellKnownMetrics.Availability)!.Value, 10);
        Assert.Equal(100, snapshot.GetValue(WellKnownMetrics.JobCount));
        Assert.Equal(4000, snapshot.GetValue(WellKnownMetrics.RequestCount));
        Assert.Equal(200, snapshot.GetValue(WellKnownMetrics.ErrorCount)); // 5 % of the 4000 requests
        Assert.Equal(400, snapshot.GetValue(WellKnownMetrics.LatencyP99));
        Assert.Equal(DataQualityStatus.Complete, snapshot.Quality.Status);
    }

    [Fact]
    public void Quiet_EveryMetricIsZero()
    {
        var snapshot = TestSnapshots.Quiet(T0);

        Assert.NotEmpty(snapshot.Metrics);
        Assert.All(snapshot.Metrics.Values, static v => Assert.Equal(0, v));
        Assert.Equal(0, snapshot.GetValue(WellKnownMetrics.Availability));
    }

    [Fact]
    public void Series_SpacesTimestampsByInterval()
    {
        var series = TestSnapshots.Series(T0, TimeSpan.FromMinutes(5), 3, static (i, t) => TestSnapshots.Service(t, source: $"s{i}"));

        Assert.Equal([T0, T0.AddMinutes(5), T0.AddMinutes(10)], series.Select(static s => s.Timestamp));
        Assert.Equal(["s0", "s1", "s2"], series.Select(static s => s.Source));
    }

    [Fact]
    public void Series_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestSnapshots.Series(T0, TimeSpan.FromMinutes(5), -1, static (_, t) => TestSnapshots.Service(t)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestSnapshots.Series(T0, TimeSpan.Zero, 1, static (_, t) => TestSnapshots.Service(t)));
        Assert.Throws<ArgumentNullException>(() => TestSnapshots.Series(T0, TimeSpan.FromMinutes(5), 1, null!));
    }
}
