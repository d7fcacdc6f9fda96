using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Support.TestCollectors;

namespace Observability.Providers.Prometheus.Tests.Collectors;

public sealed class PrometheusCollectorTests
{
    [Fact]
    public async Task Range_query_gives_one_snapshot_per_step_stamped_with_the_step_start()
    {
        // Window 10:00-10:05, step 1 min: Prometheus evaluates at 10:01..10:05 (start = window start + step),
        // and the point at 10:01 covers 10:00-10:01, so its snapshot is stamped 10:00.
        var body = Matrix(
            (Unix(Start.AddMinutes(1)), "0.01"), (Unix(Start.AddMinutes(2)), "0.02"), (Unix(Start.AddMinutes(3)), "0.03"),
            (Unix(Start.AddMinutes(4)), "0.04"), (Unix(Start.AddMinutes(5)), "0.05"));
        await using var server = new LoopbackHttpServer(body);
        var collector = Create(server.Address, Only("sum(rate(errors{job=\"{service}\"}[{window}])) / {step}", WellKnownMetrics.ErrorRate));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(5, result.Snapshots.Count);
        Assert.Equal(Start, result.Snapshots[0].Timestamp);
        Assert.Equal(Start.AddMinutes(4), result.Snapshots[4].Timestamp);
        Assert.Equal(0.03, result.Snapshots[2].GetValue(WellKnownMetrics.ErrorRate));
        Assert.All(result.Snapshots, s => Assert.Equal("checkout", s.Source));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/query_range", request.Path);
        var form = request.Form;
        Assert.Equal("sum(rate(errors{job=\"checkout\"}[60s])) / 60s", form["query"]);
        Assert.Equal(Unix(Start.AddMinutes(1)).ToString(System.Globalization.CultureInfo.InvariantCulture), form["start"]);
        Assert.Equal(Unix(Start.AddMinutes(5)).ToString(System.Globalization.CultureInfo.InvariantCulture), form["end"]);
        Assert.Equal("60s", form["step"]);
        Assert.Equal("30s", form["timeout"]);
    }

    [Fact]
    public async Task Instant_query_gives_one_snapshot_for_the_window_at_its_start()
    {
        var body = $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[{{{Unix(Start.AddMinutes(5))}}},"0.25"]}]}}""";
        await using var server = new LoopbackHttpServer(body);
        var collector = Create(server.Address, Only("sum(rate(x[{window}]))", more: o => o.Mode = PrometheusQueryMode.Instant));

        var result = await collector.CollectAsync(FiveMinutes);

        var snapshot = Assert.Single(result.Snapshots);
        Assert.Equal(Start, snapshot.Timestamp);
        Assert.Equal(0.25, snapshot.GetValue("value"));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/v1/query", request.Path);
        // Instant: {window} is the window's 5 minutes = 300 s, evaluated at its end.
        Assert.Equal("sum(rate(x[300s]))", request.Form["query"]);
        Assert.Equal(Unix(Start.AddMinutes(5)).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Form["time"]);
    }

    [Fact]
    public async Task Scalar_and_numeric_string_results_fill_their_metric()
    {
        var scalar = $$$"""{"status":"success","data":{"resultType":"scalar","result":[{{{Unix(Start.AddMinutes(5))}}},"40"]}}""";
        await using var server = new LoopbackHttpServer(scalar);
        var collector = Create(server.Address, Only("scalar(x)", more: o => o.Mode = PrometheusQueryMode.Instant));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(40.0, Assert.Single(result.Snapshots).GetValue("value"));
    }

    [Fact]
    public async Task NaN_and_infinite_values_are_kept_but_not_usable()
    {
        var body = Matrix((Unix(Start.AddMinutes(1)), "NaN"), (Unix(Start.AddMinutes(2)), "+Inf"), (Unix(Start.AddMinutes(3)), "-Inf"), (Unix(Start.AddMinutes(4)), "1"), (Unix(Start.AddMinutes(5)), "2"));
        await using var server = new LoopbackHttpServer(body);
        var collector = Create(server.Address, Only("x"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.True(double.IsNaN(result.Snapshots[0].Metrics["value"]));
        Assert.Equal(double.PositiveInfinity, result.Snapshots[1].Metrics["value"]);
        Assert.Equal(double.NegativeInfinity, result.Snapshots[2].Metrics["value"]);
        Assert.Null(result.Snapshots[0].GetValue("value")); // GetValue hides non-finite values
        Assert.Equal(1.0, result.Snapshots[3].GetValue("value"));
    }

    [Fact]
    public async Task Several_queries_merge_into_one_snapshot_per_step()
    {
        await using var server = new LoopbackHttpServer(r => LoopbackResponse.Json(r.Form["query"] == "a"
            ? Matrix((Unix(Start.AddMinutes(5)), "0.5"))
            : Matrix((Unix(Start.AddMinutes(4)), "7"), (Unix(Start.AddMinutes(5)), "8"))));
        var collector = Create(server.Address, o =>
        {
            o.Preset = PrometheusPreset.None;
            o.Queries["first"] = new PrometheusQuery { Expression = "a", Metric = WellKnownMetrics.ErrorRate };
            o.Queries["second"] = new PrometheusQuery { Expression = "b", Metric = WellKnownMetrics.RequestCount };
        });

        var result = await collector.CollectAsync(FiveMinutes);

        // b has points stamped 10:03 and 10:04, a only 10:04: two snapshots, the later with both metrics.
        Assert.Equal(2, result.Snapshots.Count);
        Assert.Equal([WellKnownMetrics.RequestCount], result.Snapshots[0].Metrics.Keys);
        Assert.Equal(0.5, result.Snapshots[1].GetValue(WellKnownMetrics.ErrorRate));
        Assert.Equal(8.0, result.Snapshots[1].GetValue(WellKnownMetrics.RequestCount));
    }

    [Fact]
    public async Task More_than_one_series_is_invalid_data_naming_the_query()
    {
        var body = $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"code":"200"},"value":[{{{Unix(Start)}}},"1"]},{"metric":{"code":"500"},"value":[{{{Unix(Start)}}},"2"]}]}}""";
        await using var server = new LoopbackHttpServer(body);
        var collector = Create(server.Address, Only("rate(x[5m])", more: o => o.Mode = PrometheusQueryMode.Instant));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.InvalidData, error.Kind);
        Assert.Equal("value", error.Location);
        Assert.Contains("returned 2 series ({code=\"200\"}, ...)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_result_is_no_data()
    {
        await using var server = new LoopbackHttpServer(EmptyMatrix);
        var collector = Create(server.Address);

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.NoData, result.Status);
        Assert.Equal(CollectionErrorKind.NoData, Assert.Single(result.Errors).Kind);
        Assert.Contains("no data for checkout", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(6, server.Requests.Count); // the six preset queries all ran
    }

    [Fact]
    public async Task Some_queries_empty_gives_a_partial_result()
    {
        await using var server = new LoopbackHttpServer(r => LoopbackResponse.Json(r.Form["query"] == "a" ? Matrix((Unix(Start.AddMinutes(5)), "1")) : EmptyMatrix));
        var collector = Create(server.Address, o =>
        {
            o.Preset = PrometheusPreset.None;
            o.Queries["a"] = new PrometheusQuery { Expression = "a" };
            o.Queries["b"] = new PrometheusQuery { Expression = "b" };
            o.StaleAfter = TimeSpan.FromMinutes(10);
        });

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal((CollectionErrorKind.NoData, "b"), (error.Kind, error.Location));
    }

    [Theory]
    [InlineData(1, false)] // newest point 10:04, end 10:05: 1 min old, allowed 2 min (two steps)
    [InlineData(3, false)] // newest 10:02: exactly 3 min old = 3 min allowed -> not stale (stale means older than allowed)
    [InlineData(4, true)]  // newest 10:01: 4 min old > 3 min
    public async Task Stale_when_the_newest_sample_is_older_than_allowed(int minutesOld, bool stale)
    {
        var newest = Start.AddMinutes(5 - minutesOld);
        await using var server = new LoopbackHttpServer(Matrix((Unix(Start.AddMinutes(1)), "1"), (Unix(newest), "2")));
        var collector = Create(server.Address, Only("x", more: o => o.StaleAfter = minutesOld == 1 ? null : TimeSpan.FromMinutes(3)));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.True(result.HasData);
        if (stale)
        {
            Assert.Equal(CollectionStatus.Partial, result.Status);
            var error = Assert.Single(result.Errors);
            Assert.Equal(CollectionErrorKind.Stale, error.Kind);
            Assert.Contains("is 4 min older than the window end", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(CollectionStatus.Success, result.Status);
        }
    }

    [Fact]
    public async Task Source_defaults_to_the_service_and_can_be_set()
    {
        await using var server = new LoopbackHttpServer(Matrix((Unix(Start.AddMinutes(5)), "1")));
        var collector = Create(server.Address, Only("x", more: o => o.Source = "eu-checkout"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal("eu-checkout", Assert.Single(result.Snapshots).Source);
    }

    [Fact]
    public async Task A_week_at_a_15_second_step_is_asked_at_55_seconds_to_stay_under_11000_points()
    {
        await using var server = new LoopbackHttpServer(EmptyMatrix);
        var collector = Create(server.Address, Only("sum(rate(x[{window}]))", more: o => o.Step = TimeSpan.FromSeconds(15)));
        var week = CollectionWindow.Ending(Start, TimeSpan.FromDays(7));

        await collector.CollectAsync(week);

        // 604,800 s / 15 s = 40,320 points > 11,000: the step becomes ceil(604,800 / 11,000) = 55 s, and {window} follows it.
        var form = Assert.Single(server.Requests).Form;
        Assert.Equal("55s", form["step"]);
        Assert.Equal("sum(rate(x[55s]))", form["query"]);
        var start = long.Parse(form["start"], System.Globalization.CultureInfo.InvariantCulture);
        var end = long.Parse(form["end"], System.Globalization.CultureInfo.InvariantCulture);
        // Points at start, start + 55, ... <= end: (604,800 - 55) / 55 + 1 = 10,996 <= 11,000.
        Assert.Equal(10_996, ((end - start) / 55) + 1);
    }
}
