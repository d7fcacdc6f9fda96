using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Support.TestCollectors;

namespace Observability.Providers.Prometheus.Tests.Collectors;

/// <summary>Stale data (the newest sample older than <see cref="PrometheusCollectorOptions.StaleAfter"/>) in both modes, at the second.</summary>
public sealed class PrometheusCollectorStaleTests
{
    private static readonly DateTimeOffset End = Start.AddMinutes(5); // FiveMinutes is [10:00, 10:05)

    [Theory]
    [InlineData(PrometheusQueryMode.Instant, 120, false)] // newest 10:03:00: exactly 2 min old = StaleAfter -> not stale
    [InlineData(PrometheusQueryMode.Instant, 121, true)]  // newest 10:02:59: 121 s > 120 s -> stale
    [InlineData(PrometheusQueryMode.Range, 120, false)]
    [InlineData(PrometheusQueryMode.Range, 121, true)]
    public async Task Newest_sample_exactly_StaleAfter_old_is_fresh_and_one_second_more_is_stale(PrometheusQueryMode mode, int secondsOld, bool stale)
    {
        // Instant mode: a range selector (x[10m]) answers with raw samples, a matrix, whose timestamps are their own.
        // Range mode: the point at 10:01 covers 10:00-10:01; both points are inside the window.
        var newest = End.AddSeconds(-secondsOld);
        await using var server = new LoopbackHttpServer(Matrix((Unix(Start.AddMinutes(1)), "1"), (Unix(newest), "2")));
        var collector = Create(server.Address, Only("x[10m]", more: o =>
        {
            o.Mode = mode;
            o.StaleAfter = TimeSpan.FromMinutes(2);
        }));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.True(result.HasData);
        if (!stale)
        {
            Assert.Equal(CollectionStatus.Success, result.Status);
            Assert.Empty(result.Errors);
            return;
        }

        Assert.Equal(CollectionStatus.Partial, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.Stale, error.Kind);
        Assert.Equal(
            "the newest sample (2026-11-02T10:02:59.0000000+00:00) is 121 s older than the window end (2026-11-02T10:05:00.0000000+00:00); more than 2 min means the data are stale",
            error.Message);
    }

    [Fact]
    public async Task Stale_instant_result_keeps_its_snapshot_with_the_newest_value()
    {
        // Raw samples 10:01 = 1 and 10:02:59 = 2 in one instant answer: one snapshot at the window's start, the last value.
        await using var server = new LoopbackHttpServer(Matrix((Unix(Start.AddMinutes(1)), "1"), (Unix(End.AddSeconds(-121)), "2")));
        var collector = Create(server.Address, Only("x[10m]", more: o =>
        {
            o.Mode = PrometheusQueryMode.Instant;
            o.StaleAfter = TimeSpan.FromMinutes(2);
        }));

        var result = await collector.CollectAsync(FiveMinutes);

        var snapshot = Assert.Single(result.Snapshots);
        Assert.Equal((Start, 2.0), (snapshot.Timestamp, snapshot.GetValue("value")));
        Assert.Equal(CollectionErrorKind.Stale, Assert.Single(result.Errors).Kind);
    }

    [Theory]
    [InlineData(300, false)] // newest 10:00:00: exactly the window's 5 min old (the default in instant mode) -> not stale
    [InlineData(301, true)]  // newest 09:59:59: before the window -> stale
    public async Task Instant_default_allows_the_windows_length(int secondsOld, bool stale)
    {
        await using var server = new LoopbackHttpServer(Matrix((Unix(End.AddSeconds(-secondsOld)), "7")));
        var collector = Create(server.Address, Only("x[10m]", more: o => o.Mode = PrometheusQueryMode.Instant));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(7.0, Assert.Single(result.Snapshots).GetValue("value"));
        Assert.Equal(stale ? CollectionStatus.Partial : CollectionStatus.Success, result.Status);
        if (stale)
        {
            Assert.Contains("is 301 s older than the window end", result.Errors[0].Message, StringComparison.Ordinal);
            Assert.Contains("more than 5 min means the data are stale", result.Errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Instant_vector_answer_is_stamped_with_the_evaluation_time_and_is_never_stale()
    {
        // Prometheus stamps an instant vector with the evaluation time it was asked for (the window's end).
        var body = $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[{{{Unix(End)}}},"0.25"]}]}}""";
        await using var server = new LoopbackHttpServer(body);
        var collector = Create(server.Address, Only("sum(rate(x[{window}]))", more: o =>
        {
            o.Mode = PrometheusQueryMode.Instant;
            o.StaleAfter = TimeSpan.FromSeconds(1);
        }));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Success, result.Status);
    }
}
