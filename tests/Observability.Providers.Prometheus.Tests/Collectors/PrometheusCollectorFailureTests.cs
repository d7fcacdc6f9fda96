using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Observability.Providers.Prometheus.Tests.Support;
using static Observability.Providers.Prometheus.Tests.Support.TestCollectors;

namespace Observability.Providers.Prometheus.Tests.Collectors;

public sealed class PrometheusCollectorFailureTests
{
    // The error bodies are Prometheus' documented shapes (REAL-PARTS.md).
    [Theory]
    [InlineData(400, """{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"}""", CollectionErrorKind.BadQuery, "bad_data: 1:5: parse error: unexpected end of input")]
    [InlineData(400, """{"status":"error","errorType":"bad_data","error":"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"}""", CollectionErrorKind.BadQuery, "exceeded maximum resolution")]
    [InlineData(422, """{"status":"error","errorType":"execution","error":"found duplicate series for the match group {job=\"checkout\"} on the right hand-side of the operation: many-to-many matching not allowed"}""", CollectionErrorKind.Execution, "422 execution: found duplicate series")]
    [InlineData(503, """{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}""", CollectionErrorKind.Timeout, "503 timeout: query timed out")]
    [InlineData(503, """{"status":"error","errorType":"unavailable","error":"TSDB not ready"}""", CollectionErrorKind.Unreachable, "TSDB not ready")]
    [InlineData(500, """{"status":"error","errorType":"internal","error":"boom"}""", CollectionErrorKind.Execution, "500 internal: boom")]
    public async Task Prometheus_errors_become_typed_failures(int status, string body, CollectionErrorKind kind, string message)
    {
        await using var server = new LoopbackHttpServer(body, status);
        var collector = Create(server.Address, Only("sum(x"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(kind, error.Kind);
        Assert.Equal("value", error.Location);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_json_404_says_the_endpoint_is_wrong()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(404, "404 page not found\n", "text/plain; charset=utf-8"));
        var collector = Create(new Uri(server.Address, "prom/"), Only("x"));

        var result = await collector.CollectAsync(FiveMinutes);

        var error = Assert.Single(result.Errors);
        Assert.Equal((CollectionStatus.Failed, CollectionErrorKind.Unreachable), (result.Status, error.Kind));
        Assert.Contains("answered 404 NotFound with a non-JSON body ('404 page not found')", error.Message, StringComparison.Ordinal);
        Assert.Contains("is the Endpoint the Prometheus base address", error.Message, StringComparison.Ordinal);
        Assert.Equal("/prom/api/v1/query_range", Assert.Single(server.Requests).Path); // the path prefix is kept
    }

    [Theory]
    [InlineData(401, CollectionErrorKind.Unauthorized)]
    [InlineData(403, CollectionErrorKind.Unauthorized)]
    [InlineData(429, CollectionErrorKind.RateLimited)]
    [InlineData(502, CollectionErrorKind.Unreachable)]
    [InlineData(504, CollectionErrorKind.Timeout)]
    public async Task Non_json_statuses_map_by_code_and_stop_the_collection_when_the_server_refuses(int status, CollectionErrorKind kind)
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(status, "nope", "text/plain"));
        var collector = Create(server.Address); // six preset queries

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(kind, result.Errors[0].Kind);
        // Unauthorized, rate-limited and unreachable end the collection at the first query; a timeout is per query.
        var expectedRequests = kind == CollectionErrorKind.Timeout ? 6 : 1;
        Assert.Equal(expectedRequests, server.Requests.Count);
    }

    [Fact]
    public async Task Success_status_with_a_non_prometheus_body_is_invalid_data()
    {
        await using var server = new LoopbackHttpServer(_ => new LoopbackResponse(200, "<html>login</html>", "text/html"));
        var collector = Create(server.Address, Only("x"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionErrorKind.InvalidData, Assert.Single(result.Errors).Kind);
        Assert.Contains("answered 200 with a body that is not a Prometheus API answer", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negative_values_are_left_out_and_reported_while_the_rest_is_kept()
    {
        // delta() over a counter that reset gives -3 at the middle step; a count is never negative.
        await using var server = new LoopbackHttpServer(Matrix((Unix(Start.AddMinutes(2)), "5"), (Unix(Start.AddMinutes(3)), "-3"), (Unix(Start.AddMinutes(4)), "7")));
        var collector = Create(server.Address, Only("delta(x[1m])"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Partial, result.Status);
        Assert.Equal([5.0, 7.0], result.Snapshots.Select(s => s.GetValue("value")!.Value));
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.InvalidData, error.Kind);
        Assert.Contains("returned 1 negative value(s) for 'value'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_are_logged_and_the_data_kept()
    {
        var body = """{"status":"success","warnings":["PromQL info: metric might not be a counter"],"data":{"resultType":"matrix","result":[{"metric":{},"values":[[""" + Unix(Start.AddMinutes(5)) + ""","3"]]}]}}""";
        await using var server = new LoopbackHttpServer(body);
        var logs = new FakeLogCollector();
        var collector = Create(server.Address, Only("x"), logs);

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Success, result.Status);
        Assert.Equal(3.0, Assert.Single(result.Snapshots).GetValue("value"));
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2201);
        Assert.Contains("metric might not be a counter", warning.Message, StringComparison.Ordinal);
        // ... and it reaches the result, prefixed with the query's name.
        Assert.Equal(["query 'value': PromQL info: metric might not be a counter"], result.Warnings);
    }

    [Fact]
    public async Task Unreachable_endpoint_gives_a_failed_result_not_an_exception()
    {
        // A port that was free a moment ago and is closed now: connection refused.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var collector = Create(new Uri($"http://127.0.0.1:{port}/"));

        var result = await collector.CollectAsync(FiveMinutes);

        Assert.Equal(CollectionStatus.Failed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CollectionErrorKind.Unreachable, error.Kind);
        Assert.Contains($"Prometheus at http://127.0.0.1:{port}/ cannot be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Never);
        var collector = Create(server.Address, Only("x"));
        using var cts = new CancellationTokenSource();

        var collecting = collector.CollectAsync(FiveMinutes, cts.Token);
        while (server.Requests.IsEmpty)
        {
            await Task.Delay(10); // wait until the query is on the wire
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collecting);
    }

    [Fact]
    public async Task Already_cancelled_token_sends_nothing()
    {
        await using var server = new LoopbackHttpServer(EmptyMatrix);
        var collector = Create(server.Address, Only("x"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collector.CollectAsync(FiveMinutes, new CancellationToken(canceled: true)));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_query_without_answer_times_out_as_a_typed_failure()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Never);
        var time = new FakeTimeProvider(Start);
        var collector = Create(server.Address, Only("x", more: o => o.Timeout = TimeSpan.FromSeconds(20)), time: time);

        var collecting = collector.CollectAsync(FiveMinutes);
        while (server.Requests.IsEmpty)
        {
            await Task.Delay(10); // wait until the query is on the wire
        }

        time.Advance(TimeSpan.FromSeconds(20)); // exactly the timeout
        var result = await collecting;

        var error = Assert.Single(result.Errors);
        Assert.Equal((CollectionStatus.Failed, CollectionErrorKind.Timeout), (result.Status, error.Kind));
        Assert.Contains("got no answer from Prometheus at " + server.Address + " within 20 s", error.Message, StringComparison.Ordinal);
        Assert.Equal("20s", Assert.Single(server.Requests).Form["timeout"]); // Prometheus is told too
    }
}
