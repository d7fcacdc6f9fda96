using Microsoft.Extensions.Logging.Abstractions;
using static Observability.Providers.Prometheus.Tests.Integration.HttpTrafficHistory;

namespace Observability.Providers.Prometheus.Tests.Integration;

/// <summary>The collector against a real Prometheus 2.42 holding the week of <see cref="HttpTrafficHistory"/>.</summary>
[Collection(PrometheusServerCollection.Name)]
public sealed class RealPrometheusTests(PrometheusServerFixture server)
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task OpenTelemetry_preset_reads_the_error_rate_and_quantiles_the_history_was_built_with()
    {
        // 2025-01-07 00:00-06:00 at 1 h: six snapshots, each over 12 normal intervals.
        var window = new CollectionWindow(Start.AddDays(1), Start.AddDays(1).AddHours(6));
        var result = await Collect(o => o.Step = TimeSpan.FromHours(1), window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(6, result.Snapshots.Count);
        Assert.Equal(window.Start, result.Snapshots[0].Timestamp);
        Assert.Equal(window.Start.AddHours(5), result.Snapshots[5].Timestamp);
        var buckets = Add(Add(new long[6], Ok, 12), Errors, 12);
        foreach (var snapshot in result.Snapshots)
        {
            // 20 errors of 1,000 requests per 5 min = 0.02; 12 intervals = 12,000 requests per hour.
            AssertClose(0.02, snapshot.GetValue(WellKnownMetrics.ErrorRate));
            AssertClose(0.98, snapshot.GetValue(WellKnownMetrics.Availability));
            AssertClose(12_000, snapshot.GetValue(WellKnownMetrics.RequestCount));
            AssertLatencies(buckets, snapshot);
        }

        // The numbers themselves: 1,000 per interval, cumulative 405/710/865/958/1000.
        // p95: rank 950 in (0.4, 0.8]: 0.4 + 0.4 x (950 - 865) / 93 = 0.765591 s; p99: rank 990 in (0.8, 1.6]: 0.8 + 0.8 x 32/42 = 1.409524 s.
        AssertClose(765.591397849, result.Snapshots[0].GetValue(WellKnownMetrics.LatencyP95), 1e-6);
        AssertClose(1409.523809524, result.Snapshots[0].GetValue(WellKnownMetrics.LatencyP99), 1e-6);
    }

    [Fact]
    public async Task A_window_ending_at_a_wall_clock_time_keeps_its_first_step()
    {
        // A window that ends "now" has sub-millisecond ticks, which the query's times (whole milliseconds) cannot carry:
        // 2025-01-07 00:00:00.0001234 to 06:00:00.0001234 at 1 h is still six snapshots, stamped on the window's own grid.
        var start = Start.AddDays(1).AddTicks(1234);
        var window = new CollectionWindow(start, start.AddHours(6));
        var result = await Collect(o => o.Step = TimeSpan.FromHours(1), window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(Enumerable.Range(0, 6).Select(h => start.AddHours(h)), result.Snapshots.Select(s => s.Timestamp));
        Assert.All(result.Snapshots, s => AssertClose(0.02, s.GetValue(WellKnownMetrics.ErrorRate)));
    }

    [Fact]
    public async Task The_incident_hour_stands_out_with_its_own_error_rate_and_tail()
    {
        // 2025-01-09 11:00-14:00 at 1 h: the snapshot stamped 12:00 covers the incident's 12 intervals.
        var window = new CollectionWindow(IncidentStart.AddHours(-1), IncidentStart.AddHours(2));
        var result = await Collect(o => o.Step = TimeSpan.FromHours(1), window);

        Assert.Equal(3, result.Snapshots.Count);
        var incident = result.Snapshots[1];
        Assert.Equal(IncidentStart, incident.Timestamp);
        // 100 errors of 980 + 100 = 1,080 requests per interval.
        AssertClose(100.0 / 1080, incident.GetValue(WellKnownMetrics.ErrorRate));
        AssertClose(1 - (100.0 / 1080), incident.GetValue(WellKnownMetrics.Availability));
        AssertClose(12 * 1080, incident.GetValue(WellKnownMetrics.RequestCount));
        AssertLatencies(Add(Add(new long[6], Ok, 12), IncidentErrors, 12), incident);
        AssertClose(0.02, result.Snapshots[0].GetValue(WellKnownMetrics.ErrorRate));
        AssertClose(0.02, result.Snapshots[2].GetValue(WellKnownMetrics.ErrorRate));
    }

    [Fact]
    public async Task Instant_query_over_a_day_mixes_the_incident_in()
    {
        // 2025-01-09: 288 intervals, 12 of them in the incident.
        var window = new CollectionWindow(Start.AddDays(3), Start.AddDays(4));
        var result = await Collect(o => o.Mode = PrometheusQueryMode.Instant, window);

        var snapshot = Assert.Single(result.Snapshots);
        Assert.Equal(window.Start, snapshot.Timestamp);
        // Errors: 276 x 20 + 12 x 100 = 6,720; requests: 288 x 980 + 6,720 = 288,960.
        AssertClose(6720.0 / 288_960, snapshot.GetValue(WellKnownMetrics.ErrorRate));
        AssertClose(288_960, snapshot.GetValue(WellKnownMetrics.RequestCount));
        AssertLatencies(Add(Add(Add(new long[6], Ok, 288), Errors, 276), IncidentErrors, 12), snapshot);
    }

    [Theory]
    [InlineData(PrometheusPreset.PrometheusNet, "job", "legacy")]
    [InlineData(PrometheusPreset.OpenTelemetry, "service_name", "payments")]
    public async Task Other_conventions_read_the_same_numbers(PrometheusPreset preset, string label, string service)
    {
        var window = new CollectionWindow(Start.AddDays(2), Start.AddDays(2).AddHours(2));
        var result = await Collect(o => { o.Preset = preset; o.ServiceLabel = label; o.Service = service; o.Step = TimeSpan.FromHours(1); }, window);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(2, result.Snapshots.Count);
        AssertClose(0.02, result.Snapshots[1].GetValue(WellKnownMetrics.ErrorRate));
        AssertLatencies(Add(Add(new long[6], Ok, 12), Errors, 12), result.Snapshots[1]);
        Assert.All(result.Snapshots, s => Assert.Equal(service, s.Source));
    }

    [Fact]
    public async Task A_week_at_a_10_second_step_is_sent_at_55_seconds_and_accepted()
    {
        // 604,800 s / 10 s = 60,480 points: Prometheus would refuse more than 11,000; ceil(604,800 / 11,000) = 55 s -> 10,996 points.
        var result = await Collect(
            o =>
            {
                o.Preset = PrometheusPreset.None;
                o.Queries[WellKnownMetrics.RequestCount] = new PrometheusQuery { Expression = "sum(rate(http_server_request_duration_seconds_count{job=\"{service}\"}[{window}]))" };
                o.Step = TimeSpan.FromSeconds(10);
                o.RateWindow = TimeSpan.FromMinutes(10);
            },
            new CollectionWindow(Start, End));

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.InRange(result.Snapshots.Count, 10_900, 10_996);
        Assert.Equal(TimeSpan.FromSeconds(55), result.Snapshots[1].Timestamp - result.Snapshots[0].Timestamp);
        // 1,000 requests per 300 s.
        AssertClose(1000.0 / 300, result.Snapshots[500].GetValue(WellKnownMetrics.RequestCount));
    }

    [Fact]
    public async Task Data_that_stop_before_the_window_ends_are_stale()
    {
        // The history ends 2025-01-13 00:00; the window runs to 04:00. Points at 23:00 and 00:00 -> snapshots 22:00 and 23:00.
        var window = new CollectionWindow(End.AddHours(-2), End.AddHours(4));
        var result = await Collect(o => o.Step = TimeSpan.FromHours(1), window);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal([End.AddHours(-2), End.AddHours(-1)], result.Snapshots.Select(s => s.Timestamp));
        var stale = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.Stale, stale.Kind);
        Assert.Contains("(2025-01-13T00:00:00.0000000+00:00) is 240 min older than the window end", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_service_is_no_data()
    {
        var result = await Collect(o => o.Service = "nobody", new CollectionWindow(Start.AddDays(1), Start.AddDays(1).AddHours(1)));

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.Equal(CollectionErrorKind.NoData, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public async Task A_bad_query_is_a_bad_query_failure_with_prometheus_own_words()
    {
        var result = await Collect(o => { o.Preset = PrometheusPreset.None; o.Queries["broken"] = new PrometheusQuery { Expression = "sum(rate(x[5m])" }; }, new CollectionWindow(Start.AddDays(1), Start.AddDays(1).AddHours(1)));

        var error = Assert.Single(result.Errors);
        Assert.Equal((CollectionStatus.Failed, CollectionErrorKind.BadQuery, "broken"), (result.Status, error.Kind, error.Location));
        Assert.Contains("400 bad_data", error.Message, StringComparison.Ordinal);
        Assert.Contains("parse error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_many_to_many_match_is_an_execution_failure()
    {
        var result = await Collect(
            o =>
            {
                o.Preset = PrometheusPreset.None;
                o.Queries["join"] = new PrometheusQuery { Expression = "sum(http_server_request_duration_seconds_count{job=\"{service}\"} * on(job) http_server_request_duration_seconds_count{job=\"{service}\"})" };
            },
            new CollectionWindow(Start.AddDays(1), Start.AddDays(1).AddHours(1)));

        var error = Assert.Single(result.Errors);
        Assert.Equal((CollectionStatus.Failed, CollectionErrorKind.Execution), (result.Status, error.Kind));
        Assert.Contains("422 execution", error.Message, StringComparison.Ordinal);
        Assert.Contains("found duplicate series for the match group {job=\"checkout\"}", error.Message, StringComparison.Ordinal);
    }

    private static void AssertLatencies(long[] buckets, MetricSnapshot snapshot)
    {
        AssertClose(Quantile(0.5, buckets) * 1000, snapshot.GetValue(PrometheusCollectorOptions.LatencyP50));
        AssertClose(Quantile(0.95, buckets) * 1000, snapshot.GetValue(WellKnownMetrics.LatencyP95));
        AssertClose(Quantile(0.99, buckets) * 1000, snapshot.GetValue(WellKnownMetrics.LatencyP99));
    }

    private static void AssertClose(double expected, double? actual, double relative = Tolerance)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(expected - actual.Value) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual.Value:R}");
    }

    private async Task<CollectionResult> Collect(Action<PrometheusCollectorOptions> configure, CollectionWindow window)
    {
        var options = new PrometheusCollectorOptions { Endpoint = server.Address, Service = "checkout" };
        configure(options);
        using var client = new HttpClient();
        var collector = new PrometheusCollector("prom", options, client, TimeProvider.System, NullLoggerFactory.Instance);
        return await collector.CollectAsync(window);
    }
}
